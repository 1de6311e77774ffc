import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { currentLanguage } from '../../shared/i18n.ts';
import { useListParams } from '../../shared/list-params.ts';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { type StaffAccount, useResetStaffPassword, useStaffAccounts } from './accounts-api.ts';

const FILTERS = ['q'] as const;

/**
 * 账号管理: the staff accounts the signed-in administrator manages (platform_admin: all; a street official: those
 * working within their street), with roles and places, and 重置密码 for a staff member who forgot theirs.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useListParams(FILTERS);
  const accounts = useStaffAccounts(list.query);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);

  const columns: TableColumnsType<StaffAccount> = [
    {
      title: t('staffAccount.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, a) => (
        <>
          {name} {a.self && <Tag>{t('staffAccount.self')}</Tag>}
        </>
      ),
    },
    { title: t('staffAccount.username'), dataIndex: 'username', sorter: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('staffAccount.grants'),
      dataIndex: 'grants',
      render: (grants: StaffAccount['grants']) => (
        <Flex gap={4} wrap>
          {grants.map((g) => (
            <Tag key={`${g.role}-${g.placeId}`}>
              {g.label[lang]} · {g.placeName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('staffAccount.status'),
      key: 'status',
      render: (_, a) =>
        a.disabled ? <Tag>{t('staffAccount.disabled')}</Tag> : a.mustChangePassword ? <Tag color="warning">{t('staffAccount.mustChange')}</Tag> : <Tag color="success">{t('staffAccount.active')}</Tag>,
    },
    { title: t('staffAccount.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => {
        const button = (
          <Button size="small" icon={<KeyOutlined />} disabled={a.self || a.disabled} onClick={() => setResetting(a)}>
            {t('staffAccount.reset')}
          </Button>
        );
        return a.self ? <Tooltip title={t('staffAccount.resetSelf')}>{button}</Tooltip> : button;
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.accounts')} />
      <ListCard
        list={list}
        search={{ label: t('staffAccount.search'), width: 260 }}
        query={accounts}
        columns={columns}
        intro={<Typography.Paragraph type="secondary">{t('staffAccount.intro')}</Typography.Paragraph>}
        empty={{ none: t('staffAccount.none'), noMatch: t('common.noMatch') }}
      />
      {resetting && <ResetModal key={resetting.id} account={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

/** The confirmation with what a reset does, then the temporary password, shown once, with a copy button. */
function ResetModal({ account, onClose }: { account: StaffAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = useResetStaffPassword();
  const temporary = reset.data?.temporaryPassword;
  const name = account.username ? `${account.name}（${account.username}）` : account.name;

  if (temporary) {
    const copy = async () => {
      await navigator.clipboard?.writeText(temporary).catch(() => {});
      void message.success(t('staffAccount.copied'));
    };
    return (
      <Modal open title={t('staffAccount.tempTitle')} onCancel={onClose} maskClosable={false} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
        <Typography.Paragraph>{t('staffAccount.tempIntro', { name })}</Typography.Paragraph>
        <Flex gap={8} align="center">
          <Typography.Text code strong style={{ fontSize: 20 }} data-testid="temporary-password">
            {temporary}
          </Typography.Text>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('staffAccount.copy')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('staffAccount.resetMustChange')}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('staffAccount.resetTitle', { name })}
      okText={t('staffAccount.resetOk')}
      okButtonProps={{ danger: true }}
      confirmLoading={reset.isPending}
      onOk={() => reset.mutate(account.id)}
      onCancel={onClose}
    >
      {reset.error && <Alert type="error" showIcon title={reset.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('staffAccount.resetConsequences')}</Typography.Paragraph>
      <ul>
        <li>{t('staffAccount.resetSignedOut')}</li>
        <li>{t('staffAccount.resetTemporary')}</li>
        <li>{t('staffAccount.resetMustChange')}</li>
      </ul>
    </Modal>
  );
}
