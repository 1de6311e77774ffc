import { DownloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Statistic, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { useListParams } from '../../shared/list-params.ts';
import { useSignedIn } from '../../shared/session.ts';
import { optionsOf } from '../components/FilterBar.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useScope } from '../scope.tsx';
import {
  PAYOUT_STATUSES,
  type PayoutStatementItem,
  type PayoutStatus,
  useGenerate,
  usePayoutFigures,
  usePayoutKinds,
  usePayouts,
  yuan,
} from './payouts-api.ts';

const FILTERS = ['q', 'kind', 'period', 'status'] as const;
export const PAYOUT_STATUS_COLOR: Record<PayoutStatus, string> = { draft: 'default', reviewed: 'processing', approved: 'warning', paid: 'success', closed: 'default' };

/** 结算单: the statements of every payout kind in my places, the figures of the chosen period and kind, export and generation. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const kinds = usePayoutKinds();
  const statements = usePayouts({ ...list.query, placeId: scope?.id });
  const figures = usePayoutFigures({ kind: list.filters.kind, period: list.filters.period });
  const [generating, setGenerating] = useState(false);
  const exportUrl = `/api/payouts/export.xlsx?${new URLSearchParams(
    Object.entries({ ...list.filters, placeId: scope?.id, sort: list.sorting.sort, order: list.sorting.order }).filter((e): e is [string, string] => !!e[1]),
  )}`;
  const periods = [...new Set((kinds.data?.items ?? []).flatMap((k) => [k.lastEndedPeriod, k.currentPeriod]))].sort().reverse();
  const shown = figures.data?.items ?? [];
  const sum = (pick: (i: (typeof shown)[number]) => number) => shown.reduce((a, i) => a + pick(i), 0);

  const columns: TableColumnsType<PayoutStatementItem> = [
    { title: t('payout.period'), dataIndex: 'period', sorter: true },
    { title: t('payout.kind'), dataIndex: 'kindName', key: 'kind', sorter: true },
    { title: t('payout.payee'), dataIndex: 'payeeName', key: 'payee', sorter: true, render: (v: string, r) => <Link to={`/payouts/${r.id}`}>{v}</Link> },
    { title: t('payout.place'), dataIndex: 'placeLabel', render: (v: string | null, r) => v || r.placeName },
    { title: t('payout.lines'), dataIndex: 'lineCount', align: 'right' },
    { title: t('payout.total'), dataIndex: 'totalFen', key: 'total', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('payout.statusLabel'), dataIndex: 'status', sorter: true, render: (s: PayoutStatus) => <Tag color={PAYOUT_STATUS_COLOR[s]}>{t(`payout.status.${s}`)}</Tag> },
    { title: t('payout.voucherNo'), dataIndex: 'voucherNo', render: (v: string | null) => v ?? '—' },
    { title: t('payout.generatedAt'), dataIndex: 'generatedAt', key: 'generatedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.payouts')}
        extra={
          <>
            <Button icon={<ThunderboltOutlined />} onClick={() => setGenerating(true)} disabled={!kinds.data?.items.length}>
              {t('payout.generate')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl} disabled={!statements.data?.total}>
              {t('payout.export')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} title={t('payout.figures')}>
        <Row gutter={16}>
          <Col span={4}>
            <Statistic title={t('payout.statements')} value={sum((i) => i.statements)} />
          </Col>
          {PAYOUT_STATUSES.map((s) => (
            <Col span={3} key={s}>
              <Statistic title={t(`payout.status.${s}`)} value={sum((i) => i.byStatus[s].statements)} />
            </Col>
          ))}
          <Col span={4}>
            <Statistic title={t('payout.totalAll')} value={yuan(sum((i) => i.totalFen))} />
          </Col>
          <Col span={4}>
            <Statistic title={t('payout.totalPaid')} value={yuan(sum((i) => i.paidFen))} />
          </Col>
        </Row>
      </Card>
      <ListCard
        list={list}
        query={statements}
        columns={columns}
        empty={{ none: t('payout.none'), noMatch: t('payout.noMatch') }}
        search={{ label: t('payout.searchPayee') }}
        selects={[
          { field: 'kind', label: t('payout.kind'), options: (kinds.data?.items ?? []).map((k) => ({ value: k.key, label: k.name })), width: 180 },
          { field: 'period', label: t('payout.period'), options: periods.map((p) => ({ value: p, label: p })), width: 130 },
          { field: 'status', label: t('payout.statusLabel'), options: optionsOf(PAYOUT_STATUSES, (s) => t(`payout.status.${s}`)), width: 130 },
        ]}
      />
      {generating && <GenerateModal onClose={() => setGenerating(false)} />}
    </>
  );
}

/** Makes (or completes) a street's statements of a kind for an ended period; the job does the same every hour. */
function GenerateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const { scope } = useScope();
  const kinds = usePayoutKinds().data?.items ?? [];
  const generate = useGenerate();
  const placeId = scope?.id ?? me.grants[0]?.placeId ?? '';
  return (
    <FormModal<{ kind: string; period: string }>
      title={t('payout.generate')}
      open
      onClose={onClose}
      okText={t('payout.generate')}
      initialValues={{ kind: kinds[0]?.key, period: kinds[0]?.lastEndedPeriod }}
      submit={async (v) => {
        const r = await generate.mutateAsync({ kind: v.kind, period: v.period.trim(), placeId });
        void message.success(t('payout.generated', r));
      }}
    >
      <Alert type="info" showIcon title={t('payout.generateHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="kind" label={t('payout.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k.key, label: k.name }))} />
      </Form.Item>
      <Form.Item name="period" label={t('payout.period')} rules={[{ required: true }, { pattern: /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, message: t('payout.periodFormat') }]}>
        <Input placeholder="2026-10" />
      </Form.Item>
    </FormModal>
  );
}
