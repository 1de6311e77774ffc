import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, type TableColumnsType, Tag, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CREDIT_STATEMENT_MAX, type CreditRecordKind, MANUAL_CREDIT_KINDS, NOTE_MAX } from '#server/modules/supervision/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { blobsOf, EvidencePicker } from '../../rectification/components/EvidencePicker.tsx';
import { type CompanyDetail, creditFileUrl, type RecordView, type RepairView, toForm, useAddCreditRecord, useApplyRepair, useCreditCompany, useCreditSettings } from '../api.ts';
import { DecideRepairModal } from '../components/DecideRepairModal.tsx';
import { GradeTag, score, signedPoints, toCenti } from '../components/labels.tsx';

const STATE_COLOUR = { counting: 'processing', expired: 'default', repaired: 'success', not_yet: 'default' } as const;

/** A company's credit: the score and grade now, the formula stated, every record (expired and repaired greyed) and the repair applications. */
export function CompanyCreditPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const detail = useCreditCompany(companyId);
  return (
    <QueryView query={detail}>
      {(d) => (
        <>
          <PageHeader
            title={d.companyName}
            tags={<GradeTag grade={d.grade} />}
            breadcrumb={<Link to="/supervision/credit">{t('supervisionCredit.page.title')}</Link>}
            extra={d.canManage && <AddRecordButton company={d} />}
          />
          <Summary d={d} />
          <Records d={d} />
          <Repairs d={d} />
        </>
      )}
    </QueryView>
  );
}

function Summary({ d }: { d: CompanyDetail }) {
  const { t } = useTranslation();
  const f = d.formula;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={10}>
        <Card title={t('supervisionCredit.company.now', { at: formatDateTime(d.at) })}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('supervisionCredit.col.score')} value={score(d.scoreCenti)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('supervisionCredit.col.good')} value={`+${score(d.goodCenti)}`} valueStyle={{ color: '#389e0d' }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('supervisionCredit.col.bad')} value={`−${score(d.badCenti)}`} valueStyle={{ color: '#cf1322' }} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('supervisionCredit.company.compounds', { list: d.compounds.map((c) => c.name).join('、') || '—', count: d.counting })}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('supervisionCredit.company.formula', { version: f.version })}>
          <Typography.Paragraph data-testid="credit-formula">
            {t('supervisionCredit.company.formulaText', { base: score(f.baseCenti), cap: score(f.capCenti), top: score(f.baseCenti + f.capCenti), months: f.validityMonths })}
          </Typography.Paragraph>
          <Space wrap>
            {f.bands.map((b) => (
              <span key={b.grade}>
                <GradeTag grade={b.grade} /> {b.label}
              </span>
            ))}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

function Files({ files }: { files: { id: string; fileName: string }[] }) {
  return files.length ? (
    <Space direction="vertical" size={0}>
      {files.map((f) => (
        <a key={f.id} href={creditFileUrl(f.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.fileName}
        </a>
      ))}
    </Space>
  ) : null;
}

function Records({ d }: { d: CompanyDetail }) {
  const { t } = useTranslation();
  const [applying, setApplying] = useState<RecordView | null>(null);
  const columns: TableColumnsType<RecordView> = [
    { title: t('supervisionCredit.record.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => formatDate(v), width: 110 },
    { title: t('supervisionCredit.record.kind'), dataIndex: 'kind', render: (k: CreditRecordKind) => t(`supervisionCredit.kind.${k}`), width: 130 },
    {
      title: t('supervisionCredit.record.source'),
      dataIndex: 'sourceLabel',
      render: (v: string, r) => (
        <>
          {v}
          {r.note && <div style={{ fontSize: 12, opacity: 0.75 }}>{r.note}</div>}
        </>
      ),
    },
    {
      title: t('supervisionCredit.record.points'),
      dataIndex: 'pointsCenti',
      align: 'right',
      width: 90,
      render: (v: number) => <span style={{ color: v > 0 ? '#389e0d' : '#cf1322' }}>{signedPoints(v)}</span>,
    },
    { title: t('supervisionCredit.record.basis'), dataIndex: 'basis', width: 260 },
    { title: t('supervisionCredit.record.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDate(v), width: 110 },
    {
      title: t('supervisionCredit.record.state'),
      dataIndex: 'state',
      width: 120,
      render: (s: RecordView['state'], r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATE_COLOUR[s]}>{t(`supervisionCredit.state.${s}`)}</Tag>
          {r.repairedAt && <Typography.Text type="secondary">{formatDate(r.repairedAt)}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('supervisionCredit.record.files'), dataIndex: 'files', render: (f: RecordView['files']) => <Files files={f} /> },
    {
      title: t('supervisionCredit.record.repair'),
      key: 'repair',
      render: (_, r) =>
        r.canApply ? (
          <Button size="small" onClick={() => setApplying(r)}>
            {t('supervisionCredit.repair.apply')}
          </Button>
        ) : r.repair ? (
          <Tag>{t(`supervisionCredit.repairStatus.${r.repair.status}`)}</Tag>
        ) : null,
    },
  ];
  return (
    <Card title={t('supervisionCredit.company.records')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('supervisionCredit.company.recordsHelp')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={columns}
        dataSource={d.records}
        onRow={(r) => (r.state === 'counting' ? {} : { style: { opacity: 0.5 }, 'data-greyed': 'true' } as object)}
        locale={{ emptyText: t('supervisionCredit.company.noRecords') }}
      />
      {applying && <ApplyRepairModal record={applying} onClose={() => setApplying(null)} />}
    </Card>
  );
}

function Repairs({ d }: { d: CompanyDetail }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<RepairView | null>(null);
  const columns: TableColumnsType<RepairView> = [
    { title: t('supervisionCredit.repair.appliedAt'), dataIndex: 'appliedAt', render: (v: string) => formatDateTime(v), width: 150 },
    { title: t('supervisionCredit.repair.record'), dataIndex: 'recordLabel', render: (v: string, r) => `${v}（${signedPoints(r.pointsCenti)}）` },
    { title: t('supervisionCredit.repair.statement'), dataIndex: 'statement' },
    { title: t('supervisionCredit.record.files'), dataIndex: 'files', render: (f: RepairView['files']) => <Files files={f} /> },
    { title: t('supervisionCredit.repair.applicant'), dataIndex: 'applicantName', width: 100 },
    {
      title: t('supervisionCredit.repair.status'),
      dataIndex: 'status',
      render: (s: RepairView['status'], r) => (
        <Space direction="vertical" size={0}>
          <Tag color={s === 'pending' ? 'gold' : s === 'approved' ? 'green' : 'red'}>{t(`supervisionCredit.repairStatus.${s}`)}</Tag>
          {r.decidedAt && (
            <Typography.Text type="secondary">
              {r.deciderName} {formatDate(r.decidedAt)}：{r.reason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'decide',
      render: (_, r) =>
        d.canDecide && r.status === 'pending' ? (
          <Button size="small" type="primary" onClick={() => setDeciding(r)}>
            {t('supervisionCredit.decide.open')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card title={t('supervisionCredit.company.repairs')}>
      <Typography.Paragraph type="secondary">{t('supervisionCredit.company.repairsHelp')}</Typography.Paragraph>
      <Table rowKey="id" size="small" scroll={{ x: 900 }} pagination={false} columns={columns} dataSource={d.repairs} locale={{ emptyText: t('supervisionCredit.company.noRepairs') }} />
      {deciding && <DecideRepairModal repair={{ ...deciding, companyName: d.companyName }} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function ApplyRepairModal({ record, onClose }: { record: RecordView; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyRepair(record.id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ statement: string }>
      title={t('supervisionCredit.repair.title')}
      open
      onClose={onClose}
      okText={t('supervisionCredit.repair.submit')}
      submit={(v) => apply.mutateAsync(toForm({ statement: v.statement }, blobsOf(files)))}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('supervisionCredit.record.source')}>{record.sourceLabel}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionCredit.record.points')}>{signedPoints(record.pointsCenti)}</Descriptions.Item>
        <Descriptions.Item label={t('supervisionCredit.record.basis')}>{record.basis}</Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('supervisionCredit.repair.help')} />
      <Form.Item name="statement" label={t('supervisionCredit.repair.statement')} rules={[{ required: true, whitespace: true, message: t('supervisionCredit.repair.statementRequired') }]}>
        <Input.TextArea rows={4} maxLength={CREDIT_STATEMENT_MAX} showCount />
      </Form.Item>
      <Form.Item label={t('supervisionCredit.repair.files')}>
        <EvidencePicker files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}

function AddRecordButton({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('supervisionCredit.add.open')}
      </Button>
      {open && <AddRecordModal company={company} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddRecordModal({ company, onClose }: { company: CompanyDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCreditRecord();
  const settings = useCreditSettings(company.streetId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [kind, setKind] = useState<(typeof MANUAL_CREDIT_KINDS)[number]>('complaint_upheld');
  const rule = settings.data?.kinds[kind];
  return (
    <FormModal<{ kind: (typeof MANUAL_CREDIT_KINDS)[number]; points?: number; note: string }>
      title={t('supervisionCredit.add.title', { company: company.companyName })}
      open
      onClose={onClose}
      initialValues={{ kind: 'complaint_upheld' }}
      submit={(v) =>
        add.mutateAsync(
          toForm({ companyId: company.companyId, kind: v.kind, note: v.note, pointsCenti: v.kind === 'award' && v.points !== undefined ? String(toCenti(v.points)) : undefined }, blobsOf(files)),
        )
      }
    >
      <Form.Item name="kind" label={t('supervisionCredit.record.kind')}>
        <Select onChange={setKind} options={MANUAL_CREDIT_KINDS.map((k) => ({ value: k, label: t(`supervisionCredit.kind.${k}`) }))} />
      </Form.Item>
      {rule && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={
            kind === 'award'
              ? t('supervisionCredit.add.awardRule', { min: score(rule.min ?? 0), max: score(rule.max ?? 0), basis: rule.basis })
              : t('supervisionCredit.add.fixedRule', { points: signedPoints(rule.points ?? 0), basis: rule.basis })
          }
        />
      )}
      {kind === 'award' && (
        <Form.Item name="points" label={t('supervisionCredit.add.points')} rules={[{ required: true, message: t('supervisionCredit.add.pointsRequired') }]}>
          <InputNumber min={(rule?.min ?? 0) / 100} max={(rule?.max ?? 0) / 100} step={0.5} precision={2} style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('supervisionCredit.add.note')} rules={[{ required: true, whitespace: true, message: t('supervisionCredit.add.noteRequired') }]}>
        <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
      </Form.Item>
      <Form.Item label={t('supervisionCredit.add.files')}>
        <EvidencePicker files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}
