import { DownloadOutlined, InboxOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Radio, Result, Row, Select, Space, Spin, Statistic, Steps, Table, type TableColumnsType, Tabs, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { FUND_ENTRY_KINDS, type FundRowError } from '#server/modules/fees/contract.ts';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { CompoundPicker, useCompoundParam } from '../../bills/pages/CompoundPicker.tsx';
import {
  type BasisForm,
  download,
  type FundChecked,
  type FundEntryRow,
  type FundPublicationRow,
  type FundUse,
  lastQuarter,
  useCommitStatement,
  useFundDecisions,
  useFundEntries,
  useFundPublications,
  useFundSummary,
  useLinkUse,
  usePublishQuarter,
  useUploadStatement,
  yuan,
} from '../api.ts';

const TABS = ['overview', 'entries', 'import', 'publications'] as const;
type Tab = (typeof TABS)[number];

/** 维修资金: a compound's balance and uses with their basis, the entries, the statement import, the publications. */
export function FundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const params = useParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'overview';
  const compound = useCompoundParam();
  // The chosen compound travels with the tab; the list filters of one tab do not.
  const go = (next: string) => {
    const keep = new URLSearchParams();
    for (const k of ['compoundId', 'compoundName']) if (search.get(k)) keep.set(k, search.get(k)!);
    void navigate(`/fees/fund${next === 'overview' ? '' : `/${next}`}${keep.size ? `?${keep}` : ''}`);
  };
  return (
    <>
      <PageHeader title={t('feesFund.title')} extra={<CompoundPicker value={compound} />} />
      <Tabs
        activeKey={tab}
        onChange={go}
        items={[
          { key: 'overview', label: t('feesFund.tabs.overview'), children: <Overview compoundId={compound.compoundId} /> },
          { key: 'entries', label: t('feesFund.tabs.entries'), children: <Entries compoundId={compound.compoundId} /> },
          { key: 'import', label: t('feesFund.tabs.import'), children: <ImportWizard /> },
          { key: 'publications', label: t('feesFund.tabs.publications'), children: <Publications compoundId={compound.compoundId} /> },
        ]}
      />
    </>
  );
}

function Overview({ compoundId }: { compoundId: string | undefined }) {
  const { t } = useTranslation();
  const summary = useFundSummary(compoundId);
  const [linking, setLinking] = useState<FundUse | null>(null);
  if (!compoundId) return <Empty description={t('feesFund.chooseCompound')} />;
  if (summary.isPending) return <Spin />;
  if (summary.isError) return <Alert type="error" message={summary.error.message} />;
  const s = summary.data;
  const columns: TableColumnsType<FundUse> = [
    { title: t('feesFund.entry.day'), dataIndex: 'day', width: 110 },
    { title: t('feesFund.entry.serial'), dataIndex: 'serial', width: 140 },
    { title: t('feesFund.entry.summary'), dataIndex: 'summary' },
    { title: t('feesFund.entry.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.use.basis'), key: 'basis', render: (_, u) => <BasisText use={u} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={4} wrap>
          {s.can.link && (
            <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(u)}>
              {u.basisKind ? t('feesFund.use.change') : t('feesFund.use.link')}
            </Button>
          )}
          {u.basisKind === 'emergency' && u.documentName && (
            <Button size="small" href={`/api/fees/fund/entries/${u.id}/document`} target="_blank">
              {t('feesFund.use.document')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {(
          [
            ['balance', s.balanceFen],
            ['raised', s.raisedFen],
            ['interest', s.interestFen],
            ['used', s.usedFen],
            ['refunded', s.refundedFen],
          ] as const
        ).map(([key, fen]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t(`feesFund.cards.${key}`)} value={yuan(fen)} suffix={t('feesFund.yuan')} />
            </Card>
          </Col>
        ))}
      </Row>
      <p style={{ color: '#666' }}>{t('feesFund.mirrorNote', { day: s.lastDay ?? '—', count: s.entries })}</p>
      {s.usesWithoutBasis > 0 && <Alert type="warning" showIcon message={t('feesFund.use.missing', { count: s.usesWithoutBasis })} />}
      <Card title={t('feesFund.use.title')} size="small">
        <Table<FundUse> rowKey="id" size="small" columns={columns} dataSource={s.uses} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('feesFund.use.none') }} />
      </Card>
      {linking && <LinkModal compoundId={compoundId} use={linking} onClose={() => setLinking(null)} />}
    </Space>
  );
}

function BasisText({ use }: { use: FundUse }) {
  const { t } = useTranslation();
  if (use.basisKind === 'decision') return <Tag color="blue">{t('feesFund.use.decision', { title: use.decisionTitle ?? '' })}</Tag>;
  if (use.basisKind === 'emergency')
    return (
      <span>
        <Tag color="orange">{t('feesFund.use.emergency')}</Tag>
        {t('feesFund.use.emergencyText', { day: use.emergencyDay ?? '', by: use.certifiedBy ?? '', what: use.emergencyWhat ?? '' })}
      </span>
    );
  return <Tag color="red">{t('feesFund.use.noBasis')}</Tag>;
}

function LinkModal({ compoundId, use, onClose }: { compoundId: string; use: FundUse; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useLinkUse();
  const [kind, setKind] = useState<BasisForm['kind']>(use.basisKind === 'emergency' ? 'emergency' : 'decision');
  const [file, setFile] = useState<File | null>(null);
  const decisions = useFundDecisions(compoundId, kind === 'decision');
  return (
    <FormModal<Omit<BasisForm, 'day'> & { day?: Dayjs }>
      title={t('feesFund.use.linkTitle', { serial: use.serial })}
      open
      onClose={onClose}
      submit={(v) => link.mutateAsync({ ...v, kind, day: v.day?.format('YYYY-MM-DD'), document: file, entryId: use.id })}
    >
      <p>{t('feesFund.use.linkHelp')}</p>
      <Form.Item label={t('feesFund.use.kind')}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as BasisForm['kind'])}>
          <Radio.Button value="decision">{t('feesFund.use.kindDecision')}</Radio.Button>
          <Radio.Button value="emergency">{t('feesFund.use.kindEmergency')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {kind === 'decision' ? (
        <Form.Item name="decisionId" label={t('feesFund.use.decisionLabel')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            loading={decisions.isPending}
            options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.title}（${formatDate(d.publishedAt)}）` }))}
            notFoundContent={t('feesFund.use.noDecisions')}
          />
        </Form.Item>
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('feesFund.use.emergencyHelp')} />
          <Form.Item name="what" label={t('feesFund.use.what')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
            <Input.TextArea maxLength={500} rows={3} showCount />
          </Form.Item>
          <Form.Item name="day" label={t('feesFund.use.day')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          <Form.Item name="certifiedBy" label={t('feesFund.use.certifiedBy')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
            <Input maxLength={100} placeholder={t('feesFund.use.certifiedByHint')} />
          </Form.Item>
          <Form.Item label={t('feesFund.use.documentLabel')} required={use.basisKind !== 'emergency'} help={use.basisKind === 'emergency' ? t('feesFund.use.documentKeep') : undefined}>
            <Upload accept=".pdf,.jpg,.jpeg,.png,.webp" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
              <Button>{t('feesFund.use.chooseDocument')}</Button>
            </Upload>
          </Form.Item>
        </>
      )}
      {use.basisKind && (
        <Form.Item name="reason" label={t('feesFund.use.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
          <Input.TextArea maxLength={200} rows={2} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}

const ENTRY_FILTERS = ['q', 'kind', 'basis'] as const;

function Entries({ compoundId }: { compoundId: string | undefined }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(ENTRY_FILTERS);
  const query = { ...list.query, placeId: compoundId ?? scope?.id };
  const entries = useFundEntries(query);
  const columns: TableColumnsType<FundEntryRow> = [
    { title: t('feesFund.entry.day'), dataIndex: 'day', key: 'day', sorter: true, width: 110 },
    { title: t('feesFund.entry.serial'), dataIndex: 'serial', key: 'serial', sorter: true },
    { title: t('feesFund.entry.compound'), dataIndex: 'compoundName' },
    { title: t('feesFund.entry.room'), dataIndex: 'room', render: (v: string | null) => v ?? '—' },
    { title: t('feesFund.entry.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: FundEntryRow['kind']) => <Tag color={v === 'use' || v === 'refund' ? 'orange' : 'green'}>{t(`feesFund.kind.${v}`)}</Tag> },
    { title: t('feesFund.entry.amount'), dataIndex: 'amountFen', key: 'amount', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.entry.summary'), dataIndex: 'summary' },
    { title: t('feesFund.use.basis'), dataIndex: 'basisKind', render: (v: FundEntryRow['basisKind'], r) => (r.kind !== 'use' ? '' : v ? t(`feesFund.basisKind.${v}`) : <Tag color="red">{t('feesFund.use.noBasis')}</Tag>) },
  ];
  return (
    <ListCard
      list={list}
      title={
        <ExportButton total={entries.data?.total ?? 0} limit={20000} i18nPrefix="feesFund.entries" run={() => download('/api/fees/fund/entries/export.xlsx', query, `${t('feesFund.entries.file')}.xlsx`)} />
      }
      search={{ label: t('feesFund.entries.search') }}
      selects={[
        { field: 'kind', label: t('feesFund.entry.kind'), options: optionsOf(FUND_ENTRY_KINDS, (k) => t(`feesFund.kind.${k}`)) },
        { field: 'basis', label: t('feesFund.use.basis'), options: optionsOf(['none', 'decision', 'emergency'] as const, (k) => t(`feesFund.basisKind.${k}`)) },
      ]}
      query={entries}
      columns={columns}
      empty={{ none: t('feesFund.entries.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
    />
  );
}

function ImportWizard() {
  const { t, i18n } = useTranslation();
  const { scope } = useScope();
  const [place, setPlace] = useState<{ id: string; name: string } | null>(scope);
  const [checked, setChecked] = useState<FundChecked | null>(null);
  const [done, setDone] = useState<{ added: number; present: number } | null>(null);
  const upload = useUploadStatement();
  const commit = useCommitStatement();
  const step = done ? 3 : checked ? 2 : place ? 1 : 0;
  const errorColumns: TableColumnsType<FundRowError> = [
    { title: t('feesFund.import.row'), dataIndex: 'row', width: 80 },
    { title: t('feesFund.entry.serial'), dataIndex: 'serial', width: 160, render: (v: string | null) => v ?? '—' },
    { title: t('feesFund.import.problem'), key: 'problem', render: (_, e) => (i18n.language === 'en' ? e.en : e.zh) },
  ];
  const restart = () => {
    setChecked(null);
    setDone(null);
  };
  return (
    <Card>
      <Steps current={step} items={[{ title: t('feesFund.import.stepPlace') }, { title: t('feesFund.import.stepUpload') }, { title: t('feesFund.import.stepCheck') }, { title: t('feesFund.import.stepDone') }]} />
      <div style={{ marginTop: 24 }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <PlaceTreeSelect
            aria-label={t('feesFund.import.place')}
            value={place?.id ?? null}
            valueLabel={place?.name}
            placeholder={t('feesFund.import.place')}
            onChange={(id, name) => (setPlace(id ? { id, name: name ?? '' } : null), restart())}
            style={{ minWidth: 260 }}
          />
          <Button icon={<DownloadOutlined />} href="/api/fees/fund/template.xlsx">
            {t('feesFund.import.template')}
          </Button>
        </Space>
        <p style={{ color: '#666' }}>{t('feesFund.import.help')}</p>
        {place && !checked && (
          <Spin spinning={upload.isPending} tip={t('feesFund.import.checking')}>
            <Upload.Dragger
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate({ placeId: place.id, file }, { onSuccess: (r) => setChecked(r) });
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('feesFund.import.drop')}</p>
            </Upload.Dragger>
            {upload.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={upload.error.message} />}
          </Spin>
        )}
        {checked && !done && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type={checked.report.errors.length ? 'error' : 'success'}
              showIcon
              message={t('feesFund.import.report', { total: checked.report.total, added: checked.report.added, present: checked.report.present, errors: checked.report.errors.length })}
              description={checked.report.added === 0 && checked.report.errors.length === 0 ? t('feesFund.import.allPresent') : undefined}
            />
            {checked.report.compounds.length > 0 && (
              <Table
                size="small"
                rowKey="compoundId"
                pagination={false}
                dataSource={checked.report.compounds}
                columns={[
                  { title: t('feesFund.entry.compound'), dataIndex: 'name' },
                  { title: t('feesFund.import.newRows'), dataIndex: 'rows' },
                  { title: t('feesFund.import.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => yuan(v) },
                ]}
              />
            )}
            {checked.report.errors.length > 0 && <Table<FundRowError> size="small" rowKey="row" dataSource={checked.report.errors} columns={errorColumns} pagination={{ pageSize: 20 }} />}
            <Space>
              <Button onClick={restart}>{t('feesFund.import.again')}</Button>
              <Button
                type="primary"
                disabled={checked.report.errors.length > 0}
                loading={commit.isPending}
                onClick={() => commit.mutate(checked.id, { onSuccess: (r) => setDone({ added: r.report.added, present: r.report.present }) })}
              >
                {t('feesFund.import.commit')}
              </Button>
            </Space>
            {commit.isError && <Alert type="error" showIcon message={commit.error.message} />}
          </Space>
        )}
        {done && <Result status="success" title={t('feesFund.import.done', done)} extra={<Button onClick={restart}>{t('feesFund.import.another')}</Button>} />}
      </div>
    </Card>
  );
}

function Publications({ compoundId }: { compoundId: string | undefined }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams([] as const);
  const query = { ...list.query, placeId: compoundId ?? scope?.id };
  const publications = useFundPublications(query);
  const summary = useFundSummary(compoundId);
  const publish = usePublishQuarter();
  const [publishing, setPublishing] = useState(false);
  const columns: TableColumnsType<FundPublicationRow> = [
    { title: t('feesFund.publication.quarter'), dataIndex: 'quarter', key: 'quarter', sorter: true },
    { title: t('feesFund.entry.compound'), dataIndex: 'compoundName' },
    { title: t('feesFund.cards.opening'), dataIndex: 'openingFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.cards.raised'), dataIndex: 'raisedFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.cards.interest'), dataIndex: 'interestFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.cards.used'), dataIndex: 'usedFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.cards.closing'), dataIndex: 'closingFen', key: 'closing', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesFund.publication.publishedAt'), dataIndex: 'publishedAt', key: 'publishedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={4} wrap>
          <Button size="small" href={`/api/fees/fund/publications/${p.id}/notice.pdf`} target="_blank">
            {t('feesFund.publication.notice')}
          </Button>
          <PublicPageButton pageKey="fees.fund" id={p.compoundId} />
        </Space>
      ),
    },
  ];
  return (
    <>
      <ListCard
        list={list}
        title={
          summary.data?.can.publish ? (
            <Button type="primary" onClick={() => setPublishing(true)}>
              {t('feesFund.publication.publish')}
            </Button>
          ) : undefined
        }
        query={publications}
        columns={columns}
        empty={t('feesFund.publication.none')}
      />
      <FormModal<{ quarter: string }>
        title={t('feesFund.publication.publishTitle', { compound: summary.data?.compound.name ?? '' })}
        open={publishing}
        onClose={() => setPublishing(false)}
        initialValues={{ quarter: lastQuarter(todayInShanghai()) }}
        submit={(v) => publish.mutateAsync({ placeId: compoundId!, quarter: v.quarter })}
      >
        <p>{t('feesFund.publication.publishHelp')}</p>
        <Form.Item name="quarter" label={t('feesFund.publication.quarter')} rules={[{ required: true, pattern: /^\d{4}-Q[1-4]$/, message: t('feesFund.publication.quarterHelp') }]}>
          <Input placeholder="2026-Q3" maxLength={7} />
        </Form.Item>
      </FormModal>
    </>
  );
}
