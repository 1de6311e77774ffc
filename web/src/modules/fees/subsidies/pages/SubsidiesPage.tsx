import type { TFunction } from 'i18next';
import { Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUBSIDY_DEFAULT_TAGS, SUBSIDY_MODES, type SubsidyMode, type SubsidyStage } from '#server/modules/fees/contract.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download } from '../../arrears/api.ts';
import { type SubsidyLineRow, type SubsidyPolicy, useSetSubsidyPolicy, useSubsidyLines, useSubsidyPolicy, yuan } from '../api.ts';

const FILTERS = ['q', 'status'] as const;
const TAGS = ['low_income', 'extreme_hardship', 'disabled', 'elderly'] as const;
export const STAGE_COLOR: Record<SubsidyStage, string> = { pending: 'default', reviewing: 'processing', approved: 'blue', paid: 'green', reversed: 'red' };

/** 先缴后补: the street's policy (set by the street), the subsidy lines with their stage, and the way to the statements. */
export function SubsidiesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { scope } = useScope();
  const placeId = scope?.id ?? me.grants[0]?.placeId;
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const lines = useSubsidyLines(query);
  const policy = useSubsidyPolicy(placeId);

  const columns: TableColumnsType<SubsidyLineRow> = [
    { title: t('feesSubsidies.lines.room'), dataIndex: 'roomLabel' },
    { title: t('feesSubsidies.lines.period'), dataIndex: 'period', sorter: true },
    { title: t('feesSubsidies.lines.billDay'), dataIndex: 'billDay', render: (d: string) => formatDate(d) },
    { title: t('feesSubsidies.lines.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{t(`feesSubsidies.tag.${tag}`)}</Tag>) },
    { title: t('feesSubsidies.lines.payee'), dataIndex: 'payeeName', key: 'payee', sorter: true },
    { title: t('feesSubsidies.lines.basis'), dataIndex: 'basisFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesSubsidies.lines.amount'), dataIndex: 'amountFen', key: 'amount', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesSubsidies.lines.formula'), dataIndex: 'formula', ellipsis: true },
    { title: t('feesSubsidies.lines.status'), dataIndex: 'stage', render: (s: SubsidyStage) => <Tag color={STAGE_COLOR[s]}>{t(`feesSubsidies.stage.${s}`)}</Tag> },
    { title: t('feesSubsidies.lines.grantedAt'), dataIndex: 'grantedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('feesSubsidies.title')}
        tags={<ScopeNote />}
        extra={
          <Space>
            <Link to="/payouts?kind=fees.pay_first_subsidy">
              <Button>{t('feesSubsidies.toPayouts')}</Button>
            </Link>
            <ExportButton total={lines.data?.total ?? 0} limit={20000} i18nPrefix="feesSubsidies.lines" run={() => download('/api/fees/subsidies/lines/export.xlsx', query, `${t('feesSubsidies.title')}.xlsx`)} />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('feesSubsidies.intro')}</Typography.Paragraph>
      {policy.data && <PolicyCard policy={policy.data} />}
      <ListCard
        title={t('feesSubsidies.lines.title')}
        list={list}
        search={{ label: t('feesSubsidies.lines.search') }}
        selects={[{ field: 'status', label: t('feesSubsidies.lines.status'), options: optionsOf(['granted', 'reversed'] as const, (s) => t(`feesSubsidies.lines.statuses.${s}`)) }]}
        query={lines}
        columns={columns}
        empty={{ none: t('feesSubsidies.lines.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
    </Space>
  );
}

function terms(t: TFunction, p: { mode: string; shareBp: number | null; perAreaFen: number | null; capFen: number }) {
  const how = p.mode === 'share' ? t('feesSubsidies.policy.shareText', { percent: (p.shareBp ?? 0) / 100 }) : t('feesSubsidies.policy.perAreaText', { yuan: yuan(p.perAreaFen ?? 0) });
  return `${how}，${t('feesSubsidies.policy.cap')} ${yuan(p.capFen)}`;
}

interface PolicyValues {
  effectiveFrom: { format(f: string): string };
  mode: SubsidyMode;
  sharePercent?: number;
  perAreaYuan?: number;
  capYuan: number;
  tags: string[];
  note?: string;
}

function PolicyCard({ policy }: { policy: SubsidyPolicy }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const set = useSetSubsidyPolicy();
  const c = policy.current;
  const history: TableColumnsType<SubsidyPolicy['versions'][number]> = [
    { title: t('feesSubsidies.policy.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d) },
    { title: t('feesSubsidies.policy.mode'), key: 'terms', render: (_, v) => terms(t, v) },
    { title: t('feesSubsidies.policy.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((tag) => t(`feesSubsidies.tag.${tag}`)).join('、') },
    { title: t('feesSubsidies.policy.setAt'), dataIndex: 'setAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Card
      title={`${t('feesSubsidies.policy.title')} · ${policy.streetName}`}
      extra={
        policy.canSet && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('feesSubsidies.policy.set')}
          </Button>
        )
      }
    >
      {c ? (
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'terms', label: t('feesSubsidies.policy.current'), children: terms(t, c) },
            { key: 'from', label: t('feesSubsidies.policy.effectiveFrom'), children: formatDate(c.effectiveFrom) },
            { key: 'tags', label: t('feesSubsidies.policy.tags'), children: c.tags.map((tag) => t(`feesSubsidies.tag.${tag}`)).join('、') },
            { key: 'note', label: t('feesSubsidies.policy.note'), children: c.note || '—' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('feesSubsidies.policy.none')}</Typography.Text>
      )}
      {policy.versions.length > 1 && (
        <Table rowKey="id" size="small" pagination={false} columns={history} dataSource={policy.versions} title={() => t('feesSubsidies.policy.history')} style={{ marginTop: 12 }} />
      )}
      <FormModal<PolicyValues>
        title={t('feesSubsidies.policy.setTitle')}
        open={open}
        onClose={() => setOpen(false)}
        initialValues={{ mode: 'share', tags: [...SUBSIDY_DEFAULT_TAGS] }}
        submit={(v) =>
          set.mutateAsync({
            streetId: policy.streetId,
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            mode: v.mode,
            ...(v.mode === 'share' ? { shareBp: Math.round((v.sharePercent ?? 0) * 100) } : { perAreaFen: Math.round((v.perAreaYuan ?? 0) * 100) }),
            capFen: Math.round(v.capYuan * 100),
            tags: v.tags as never,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          })
        }
      >
        <p>{t('feesSubsidies.policy.setHelp')}</p>
        <Form.Item name="effectiveFrom" label={t('feesSubsidies.policy.effectiveFrom')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker minDate={undefined} placeholder={todayInShanghai()} />
        </Form.Item>
        <Form.Item name="mode" label={t('feesSubsidies.policy.mode')}>
          <Radio.Group options={SUBSIDY_MODES.map((m) => ({ value: m, label: t(`feesSubsidies.policy.modes.${m}`) }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['mode']}>
          {({ getFieldValue }) =>
            getFieldValue('mode') === 'share' ? (
              <Form.Item name="sharePercent" label={t('feesSubsidies.policy.share')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0.01} max={100} step={1} precision={2} />
              </Form.Item>
            ) : (
              <Form.Item name="perAreaYuan" label={t('feesSubsidies.policy.perArea')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0.01} max={1000} step={0.1} precision={2} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="capYuan" label={t('feesSubsidies.policy.cap')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0.01} max={1000000} precision={2} />
        </Form.Item>
        <Form.Item name="tags" label={t('feesSubsidies.policy.tags')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <Checkbox.Group options={TAGS.map((tag) => ({ value: tag, label: t(`feesSubsidies.tag.${tag}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('feesSubsidies.policy.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
