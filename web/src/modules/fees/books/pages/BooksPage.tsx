import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BOOK_REMUNERATION_MODES, BOOK_STATUSES, type BookRemunerationMode } from '#server/modules/fees/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { CompoundPicker, useCompoundParam } from '../../bills/pages/CompoundPicker.tsx';
import { type StatementRow, toFen, useBookAccount, useCreateStatement, useSetAccount, useStatements, yuan } from '../api.ts';

const FILTERS = ['q', 'status', 'awaiting'] as const;
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** 信托账目: the compound's remuneration contract, then its monthly statements (newest first); a new month's draft. */
export function BooksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const compound = useCompoundParam();
  const list = useListParams(FILTERS);
  const statements = useStatements({ ...list.query, placeId: compound.compoundId });
  const account = useBookAccount(compound.compoundId);
  const create = useCreateStatement();
  const [creating, setCreating] = useState(false);
  const confirmed = (v: string | null) => (v ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="✓" /> : <MinusCircleOutlined style={{ color: '#bbb' }} aria-label="—" />);
  const columns: TableColumnsType<StatementRow> = [
    { title: t('feesBooks.list.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('feesBooks.list.month'), dataIndex: 'month', sorter: true, render: (v: string, r) => <Link to={`/fees/books/${r.id}`}>{v}</Link> },
    { title: t('feesBooks.list.status'), dataIndex: 'status', sorter: true, render: (v: 'draft' | 'published') => <Tag color={v === 'published' ? 'green' : 'blue'}>{t(`feesBooks.status.${v}`)}</Tag> },
    { title: t('feesBooks.list.committee'), dataIndex: 'committeeConfirmedAt', render: confirmed },
    { title: t('feesBooks.list.company'), dataIndex: 'companyConfirmedAt', render: confirmed },
    { title: t('feesBooks.list.income'), dataIndex: 'incomeFen', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesBooks.list.expense'), dataIndex: 'expenseFen', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesBooks.list.balance'), dataIndex: 'balanceFen', align: 'right', render: (v: number) => yuan(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('feesBooks.list.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            <CompoundPicker value={compound} />
            <Button type="primary" disabled={!compound.compoundId || !account.data?.account} onClick={() => setCreating(true)}>
              {t('feesBooks.list.create')}
            </Button>
          </Space>
        }
      />
      {compound.compoundId && account.data && <AccountCard compoundId={compound.compoundId} data={account.data} />}
      <ListCard
        list={list}
        intro={<p>{t('feesBooks.list.intro')}</p>}
        search={{ label: t('feesBooks.list.search') }}
        selects={[{ field: 'status', label: t('feesBooks.list.status'), options: optionsOf(BOOK_STATUSES, (s) => t(`feesBooks.status.${s}`)) }]}
        query={statements}
        columns={columns}
        empty={{ none: t('feesBooks.list.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ month: string }>
        title={t('feesBooks.list.createTitle', { compound: compound.compoundName ?? '' })}
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ month: thisMonth() }}
        submit={async (v) => {
          const made = await create.mutateAsync({ compoundId: compound.compoundId!, month: v.month.trim() });
          setCreating(false);
          navigate(`/fees/books/${made.id}`);
        }}
      >
        <Form.Item name="month" label={t('feesBooks.list.month')} help={t('feesBooks.list.monthHelp')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('feesBooks.list.monthHelp') }]}>
          <Input maxLength={7} placeholder="2026-11" />
        </Form.Item>
      </FormModal>
    </>
  );
}

function AccountCard({ compoundId, data }: { compoundId: string; data: NonNullable<ReturnType<typeof useBookAccount>['data']> }) {
  const { t } = useTranslation();
  const set = useSetAccount();
  const [editing, setEditing] = useState(false);
  const [mode, setMode] = useState<BookRemunerationMode>(data.account?.mode ?? 'share_bp');
  const a = data.account;
  const summary = !a
    ? null
    : a.mode === 'share_bp'
      ? t('feesBooks.account.summaryShare', { percent: ((a.shareBp ?? 0) / 100).toFixed(2), no: a.contractNo })
      : t('feesBooks.account.summaryFixed', { amount: yuan(a.fixedFen ?? 0), no: a.contractNo });
  return (
    <Card size="small" title={`${data.compoundName} · ${t('feesBooks.account.title')}`} style={{ marginBottom: 16 }} extra={data.can.set && <Button onClick={() => setEditing(true)}>{t('feesBooks.account.edit')}</Button>}>
      {summary ?? <Alert type="warning" showIcon title={t('feesBooks.account.none')} />}
      <FormModal<{ mode: BookRemunerationMode; share?: number; fixed?: string; contractNo: string }>
        title={t('feesBooks.account.editTitle')}
        open={editing}
        onClose={() => setEditing(false)}
        initialValues={{ mode, share: a?.shareBp != null ? a.shareBp / 100 : 10, fixed: a?.fixedFen != null ? yuan(a.fixedFen).replaceAll(',', '') : undefined, contractNo: a?.contractNo }}
        submit={async (v) => {
          await set.mutateAsync(
            v.mode === 'share_bp'
              ? { compoundId, mode: 'share_bp', shareBp: Math.round(Number(v.share ?? 0) * 100), contractNo: v.contractNo.trim() }
              : { compoundId, mode: 'fixed_fen', fixedFen: toFen(v.fixed ?? '0'), contractNo: v.contractNo.trim() },
          );
          setEditing(false);
        }}
      >
        <Form.Item name="mode" label={t('feesBooks.account.mode')} rules={[{ required: true }]}>
          <Select onChange={(m: BookRemunerationMode) => setMode(m)} options={BOOK_REMUNERATION_MODES.map((m) => ({ value: m, label: t(`feesBooks.mode.${m}`) }))} />
        </Form.Item>
        {mode === 'share_bp' ? (
          <Form.Item name="share" label={t('feesBooks.account.share')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="fixed" label={t('feesBooks.account.fixed')} rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        <Form.Item name="contractNo" label={t('feesBooks.account.contractNo')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
