import { App, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { downloadXlsx, fenOf, type SettlementRow, useCompanies, useCreateSettlement, useMatchSettlement, useSendSettlement, useSettlement, useSettlements, yuan } from '../api.ts';

const FILTERS = ['q', 'status', 'companyId'] as const;
const STATUSES = ['draft', 'sent', 'matched', 'mismatch'] as const;
const COLORS = { draft: 'default', sent: 'blue', matched: 'green', mismatch: 'red' } as const;

/** 清分结算: batches per property company and period (net money booked), sent, matched against the provider's or bank's statement; xlsx per batch. */
export function SettlementsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const batches = useSettlements(list.query);
  const companies = useCompanies();
  const create = useCreateSettlement();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const companyOptions = (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const columns: TableColumnsType<SettlementRow> = [
    { title: t('feesPayments.settle.company'), dataIndex: 'company', render: (v: string, b) => <Button type="link" size="small" onClick={() => setOpen(b.id)}>{v}</Button> },
    { title: t('feesPayments.settle.period'), dataIndex: 'period', sorter: true },
    { title: t('feesPayments.settle.channel'), dataIndex: 'channel', render: (v: string) => t(`feesPayments.settle.channels.${v}`) },
    { title: t('feesPayments.settle.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesPayments.settle.refunded'), dataIndex: 'refundedFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesPayments.settle.net'), dataIndex: 'net', sorter: true, align: 'right', render: (_, b) => yuan(b.netFen) },
    { title: t('feesPayments.settle.statement'), dataIndex: 'statementFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('feesPayments.field.status'), dataIndex: 'status', sorter: true, render: (v: (typeof STATUSES)[number]) => <Tag color={COLORS[v]}>{t(`feesPayments.settle.statuses.${v}`)}</Tag> },
    { title: t('feesPayments.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <PageHeader title={t('feesPayments.settle.title')} extra={<Button type="primary" onClick={() => setAdding(true)}>{t('feesPayments.settle.create')}</Button>} />
      <ListCard
        list={list}
        search={{ label: t('feesPayments.settle.search') }}
        selects={[
          { field: 'status', label: t('feesPayments.field.status'), options: optionsOf(STATUSES, (s) => t(`feesPayments.settle.statuses.${s}`)) },
          { field: 'companyId', label: t('feesPayments.settle.company'), options: companyOptions },
        ]}
        query={batches}
        columns={columns}
        intro={<p>{t('feesPayments.settle.intro')}</p>}
        empty={{ none: t('feesPayments.settle.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ companyId: string; channel: 'split' | 'bank'; period: string }>
        title={t('feesPayments.settle.create')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ channel: 'split' }}
        submit={async (v) => setOpen((await create.mutateAsync(v)).id)}
      >
        <Form.Item name="companyId" label={t('feesPayments.settle.company')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <Select options={companyOptions} />
        </Form.Item>
        <Form.Item name="channel" label={t('feesPayments.settle.channel')}>
          <Radio.Group options={[{ value: 'split', label: t('feesPayments.settle.channels.split') }, { value: 'bank', label: t('feesPayments.settle.channels.bank') }]} />
        </Form.Item>
        <Form.Item name="period" label={t('feesPayments.settle.period')} extra={t('feesPayments.settle.periodHelp')} rules={[{ required: true, pattern: /^\d{4}-\d{2}(-\d{2})?$/, message: t('feesPayments.settle.periodHelp') }]}>
          <Input placeholder="2026-11" />
        </Form.Item>
      </FormModal>
      <SettlementDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function SettlementDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const b = useSettlement(id);
  const send = useSendSettlement();
  const match = useMatchSettlement();
  const [matching, setMatching] = useState(false);
  const d = b.data;
  const doMatch = async (body: { statementFen?: number; statementRef?: string }) => {
    const r = await match.mutateAsync({ id: id!, ...body });
    void (r.status === 'matched' ? message.success(t('feesPayments.settle.matched')) : message.warning(t('feesPayments.settle.mismatch', { diff: yuan(r.diffFen) })));
  };
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={t('feesPayments.settle.detail')}>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('feesPayments.settle.period')}>{d.period}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.settle.channel')}>{t(`feesPayments.settle.channels.${d.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.settle.net')}>{yuan(d.netFen)}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.settle.statement')}>{yuan(d.statementFen)} {d.statementRef}</Descriptions.Item>
            <Descriptions.Item label={t('feesPayments.field.status')}>{t(`feesPayments.settle.statuses.${d.status}`)}</Descriptions.Item>
          </Descriptions>
          <Space>
            {d.status === 'draft' && <Button onClick={() => void send.mutateAsync(d.id)}>{t('feesPayments.settle.send')}</Button>}
            {(d.status === 'sent' || d.status === 'mismatch') && (
              <Button type="primary" onClick={() => (d.channel === 'split' ? void doMatch({}).catch((e: Error) => message.error(e.message)) : setMatching(true))}>
                {t('feesPayments.settle.match')}
              </Button>
            )}
            <Button onClick={() => void downloadXlsx(`/api/fees/settlements/${d.id}/export.xlsx`, {}, `结算单-${d.period}.xlsx`)}>{t('feesPayments.settle.export')}</Button>
          </Space>
          <Table
            rowKey="lineNo"
            size="small"
            dataSource={d.lines}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 60 },
              { title: t('feesPayments.settle.lineKind'), dataIndex: 'kind', render: (v: string) => t(`feesPayments.settle.lineKinds.${v}`) },
              { title: t('feesPayments.field.no'), dataIndex: 'refNo' },
              { title: t('feesPayments.settle.compound'), dataIndex: 'compound' },
              { title: t('feesPayments.field.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('feesPayments.field.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            ]}
          />
          <FormModal<{ amount: string; ref: string }>
            title={t('feesPayments.settle.bankStatement')}
            open={matching}
            onClose={() => setMatching(false)}
            submit={async (v) => {
              const fen = fenOf(v.amount);
              if (fen === null) throw new Error(t('feesPayments.refund.badAmount'));
              await doMatch({ statementFen: fen, statementRef: v.ref });
            }}
          >
            <Form.Item name="amount" label={t('feesPayments.settle.bankAmount')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="ref" label={t('feesPayments.settle.bankRef')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </FormModal>
        </Space>
      )}
    </Drawer>
  );
}
