import { FileSearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { FilterBar, optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListTable } from '../../../../workbench/components/ListTable.tsx';
import { RemoteSelect } from '../../../../workbench/components/RemoteSelect.tsx';
import { type Decision, decisionKeys, type RollPage } from '../../api.ts';
import { poaUrl, PROXY_STATUSES, type ProxyRow, type ProxyStatus, useCheckProxy, useProxies, useRegisterProxy } from '../api.ts';
import '../i18n.ts';
import { FileField } from './FileField.tsx';
import { usePanelList } from './panel-list.ts';

const STATUS_COLOR: Record<ProxyStatus, string> = { pending: 'gold', checked: 'success', rejected: 'error', revoked: 'default' };
/** A mainland mobile number, as the server takes it. */
const MOBILE = /^1[3-9]\d{9}$/;

/** A proxy's status as a tag; a rejection's reason on hover. */
export function ProxyStatusTag({ row }: { row: Pick<ProxyRow, 'status' | 'rejectReason'> }) {
  const { t } = useTranslation();
  const tag = <Tag color={STATUS_COLOR[row.status]}>{t(`decisionsProof.proxy.status.${row.status}`)}</Tag>;
  return row.status === 'rejected' && row.rejectReason ? <Tooltip title={row.rejectReason}>{tag}</Tooltip> : tag;
}

/**
 * 委托投票: the proxies registered for owners of the roll, each with the signed power of attorney; a second person
 * checks it (accepts, or rejects with a reason) before the proxy's ballot counts. One proxy represents at most the
 * rules' cap of owners in a decision.
 */
export function ProxiesPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = usePanelList<'q' | 'status'>();
  const proxies = useProxies(d.id, list.query);
  const check = useCheckProxy(d.id);
  const [registering, setRegistering] = useState(false);
  const [rejecting, setRejecting] = useState<ProxyRow | null>(null);
  const cap = proxies.data?.cap;

  const accept = (row: ProxyRow) =>
    modal.confirm({
      title: t('decisionsProof.proxy.acceptTitle'),
      content: t('decisionsProof.proxy.acceptBody', { name: row.proxyName, owner: `${row.entryNo} ${row.label}` }),
      okText: t('decisionsProof.proxy.accept'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await check.mutateAsync({ proxyId: row.id, verdict: 'accept' });
          void message.success(t('decisionsProof.proxy.accepted'));
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const columns: TableColumnsType<ProxyRow> = [
    { title: t('decisionsProof.proxy.entryNo'), dataIndex: 'entryNo', width: 80, sorter: true },
    {
      title: t('decisionsProof.proxy.owner'),
      key: 'owner',
      render: (_, r) => (
        <>
          <div>{r.label}</div>
          <Typography.Text type="secondary" ellipsis={{ tooltip: (r.rooms ?? []).join(t('decisions.sep')) }} style={{ maxWidth: 220 }}>
            {(r.rooms ?? []).join(t('decisions.sep'))}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('decisionsProof.proxy.proxy'),
      key: 'proxy',
      render: (_, r) => (
        <>
          <div>{r.proxyName}</div>
          <Typography.Text type="secondary">{r.proxyPhoneMasked}</Typography.Text>
        </>
      ),
    },
    { title: t('decisionsProof.proxy.statusLabel'), key: 'status', sorter: true, render: (_, r) => <ProxyStatusTag row={r} /> },
    {
      title: t('decisionsProof.proxy.voted'),
      key: 'voted',
      render: (_, r) => (r.voted ? <Tag color="blue">{t('decisionsProof.proxy.hasVoted')}</Tag> : <Typography.Text type="secondary">{t('decisionsProof.proxy.notVoted')}</Typography.Text>),
    },
    {
      title: t('decisionsProof.proxy.registered'),
      key: 'registeredAt',
      sorter: true,
      render: (_, r) => (
        <>
          <div>{r.registeredBy ?? '—'}</div>
          <Typography.Text type="secondary">{formatDateTime(r.registeredAt)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('decisionsProof.proxy.checked'),
      key: 'checked',
      render: (_, r) =>
        r.revokedAt ? (
          <Typography.Text type="secondary">{t('decisionsProof.proxy.revokedAt', { at: formatDateTime(r.revokedAt) })}</Typography.Text>
        ) : r.checkedAt ? (
          <>
            <div>{r.checkedBy}</div>
            <Typography.Text type="secondary">{formatDateTime(r.checkedAt)}</Typography.Text>
            {r.rejectReason && (
              <div>
                <Typography.Text type="danger">{t('decisionsProof.proxy.rejectedFor', { reason: r.rejectReason })}</Typography.Text>
              </div>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'act',
      fixed: 'right',
      render: (_, r) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<FileSearchOutlined />} href={poaUrl(d.id, r.id)} target="_blank" rel="noopener">
            {t('decisionsProof.proxy.viewPoa')}
          </Button>
          {r.status === 'pending' &&
            d.can.organise &&
            (r.registeredByMe ? (
              <Tooltip title={t('decisionsProof.proxy.sameUser')}>
                <Button type="link" size="small" disabled>
                  {t('decisionsProof.proxy.check')}
                </Button>
              </Tooltip>
            ) : (
              <>
                <Button type="link" size="small" onClick={() => accept(r)}>
                  {t('decisionsProof.proxy.accept')}
                </Button>
                <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
                  {t('decisionsProof.proxy.reject')}
                </Button>
              </>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('decisionsProof.proxy.title')}
      extra={
        d.can.organise && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)}>
            {t('decisionsProof.proxy.register')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {cap !== undefined && <Typography.Text strong>{t('decisionsProof.proxy.cap', { n: cap })}</Typography.Text>}
        {t('decisionsProof.proxy.intro')}
      </Typography.Paragraph>
      <FilterBar
        list={list}
        search={{ label: t('decisionsProof.proxy.search'), width: 220 }}
        selects={[{ field: 'status', label: t('decisionsProof.proxy.statusLabel'), options: optionsOf(PROXY_STATUSES, (s) => t(`decisionsProof.proxy.status.${s}`)), width: 130 }]}
      />
      <ListTable query={proxies} list={list} columns={columns} rowKey="id" emptyText={list.filters.q || list.filters.status ? t('common.noMatch') : t('decisionsProof.proxy.none')} />
      <RegisterProxyModal decision={d} cap={cap} open={registering} onClose={() => setRegistering(false)} />
      <FormModal<{ reason: string }>
        title={t('decisionsProof.proxy.rejectTitle', { name: rejecting?.proxyName ?? '' })}
        open={!!rejecting}
        onClose={() => setRejecting(null)}
        okText={t('decisionsProof.proxy.reject')}
        submit={async ({ reason }) => {
          await check.mutateAsync({ proxyId: rejecting!.id, verdict: 'reject', reason: reason.trim() });
          void message.success(t('decisionsProof.proxy.rejected'));
        }}
      >
        <Form.Item name="reason" label={t('decisionsProof.proxy.rejectReason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('decisionsProof.proxy.rejectPlaceholder')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

interface RegisterValues {
  entryId: string;
  name: string;
  phone: string;
  poa: File;
}

/** 登记委托: the owner from the roll, the proxy's name and phone, and the signed power of attorney. */
function RegisterProxyModal({ decision: d, cap, open, onClose }: { decision: Decision; cap: number | undefined; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const register = useRegisterProxy(d.id);
  const searchRoll = async (q: string) => {
    const page = await apiGet<RollPage>(`/api/decisions/${d.id}/roll`, { q, pageSize: 20 });
    return page.items
      .filter((r) => r.kind === 'owners')
      .map((r) => ({ value: r.id, label: `${r.no} · ${(r.rooms ?? []).join(t('decisions.sep'))} · ${r.label}` }));
  };
  return (
    <FormModal<RegisterValues>
      title={t('decisionsProof.proxy.registerTitle')}
      open={open}
      onClose={onClose}
      okText={t('decisionsProof.proxy.register')}
      width={600}
      fieldForCode={{ PROXY_CAP_REACHED: 'phone', PROXY_EXISTS: 'entryId' }}
      submit={async (v) => {
        await register.mutateAsync({ entryId: v.entryId, name: v.name.trim(), phone: v.phone.trim(), poa: v.poa });
        void message.success(t('decisionsProof.proxy.registeredDone'));
      }}
    >
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        {cap !== undefined && <Typography.Text strong>{t('decisionsProof.proxy.cap', { n: cap })}</Typography.Text>}
        <Typography.Text type="secondary">{t('decisionsProof.proxy.registerHint')}</Typography.Text>
      </Flex>
      <Form.Item name="entryId" label={t('decisionsProof.proxy.pickOwner')} rules={[{ required: true, message: t('decisionsProof.proxy.pickOwnerRequired') }]}>
        <RemoteSelect queryKey={[...decisionKeys.one(d.id), 'roll-pick']} search={searchRoll} placeholder={t('decisionsProof.proxy.pickOwnerPlaceholder')} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="name" label={t('decisionsProof.proxy.name')} rules={[{ required: true, whitespace: true, max: 50 }]} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('decisionsProof.proxy.phone')}
          rules={[{ required: true, message: t('decisionsProof.proxy.phoneInvalid') }, { pattern: MOBILE, message: t('decisionsProof.proxy.phoneInvalid') }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Flex>
      <Form.Item name="poa" label={t('decisionsProof.proxy.poa')} extra={t('decisionsProof.file.hint')} rules={[{ required: true, message: t('decisionsProof.proxy.poaRequired') }]}>
        <FileField label={t('decisionsProof.proxy.poaUpload')} />
      </Form.Item>
    </FormModal>
  );
}
