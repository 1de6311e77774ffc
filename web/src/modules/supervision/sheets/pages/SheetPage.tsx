import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EVIDENCE_KINDS, SCORING_METHODS, type EvidenceKind, type ScoringMethod } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type Sheet, points, useActivateSheet, useCopySheet, useDeleteSheet, useSaveSheet, useSheet } from '../api.ts';
import { SheetStatusTag } from '../components/SheetStatusTag.tsx';

/** The editor's values: points as decimals (7.5), the API's as hundredths. */
interface EditorIndicator {
  code: string;
  name: string;
  guidance?: string;
  method: ScoringMethod;
  maxPoints: number;
  deductionPoints?: number | null;
  evidence: EvidenceKind;
}
interface EditorValues {
  name: string;
  sections: { name: string; weight: number; indicators?: EditorIndicator[] }[];
}
const centi = (p: number | null | undefined) => (p == null ? null : Math.round(p * 100));

const toEditor = (s: Sheet): EditorValues => ({
  name: s.name,
  sections: s.sections.map((sec) => ({
    name: sec.name,
    weight: sec.weight,
    indicators: sec.indicators.map((i) => ({ code: i.code, name: i.name, guidance: i.guidance, method: i.method, maxPoints: i.maxCenti / 100, deductionPoints: i.deductionCenti == null ? null : i.deductionCenti / 100, evidence: i.evidence })),
  })),
});
const fromEditor = (v: EditorValues) => ({
  name: v.name,
  sections: (v.sections ?? []).map((s) => ({
    name: s.name,
    weight: s.weight ?? 0,
    indicators: (s.indicators ?? []).map((i) => ({
      code: i.code,
      name: i.name,
      guidance: i.guidance ?? '',
      method: i.method,
      maxCenti: centi(i.maxPoints) ?? 0,
      deductionCenti: i.method === 'deduction' ? centi(i.deductionPoints) : null,
      evidence: i.evidence,
    })),
  })),
});

/** 考评标准 detail: a version's sections and indicators; a draft is edited, activated (confirmed) or deleted; a frozen one copied. */
export function SheetPage() {
  const { id = '' } = useParams();
  const sheet = useSheet(id);
  return <QueryView query={sheet}>{(s) => <SheetBody key={`${s.id}:${s.updatedAt}`} sheet={s} />}</QueryView>;
}

function SheetBody({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const save = useSaveSheet(sheet.id);
  const activate = useActivateSheet(sheet.id);
  const copy = useCopySheet(sheet.id);
  const remove = useDeleteSheet(sheet.id);
  const fail = (err: unknown) => message.error(err instanceof Error ? err.message : String(err));

  const onActivate = () =>
    modal.confirm({
      title: t('supervisionSheets.sheet.activateTitle', { version: sheet.version }),
      content: t('supervisionSheets.sheet.activateBody', { period: sheet.activationAppliesFrom }),
      okText: t('supervisionSheets.sheet.activate'),
      onOk: () =>
        activate.mutateAsync(undefined).then(
          (s) => message.success(t('supervisionSheets.sheet.activated', { period: s.appliesFrom })),
          (err) => fail(err),
        ),
    });
  const onCopy = () =>
    copy.mutateAsync(undefined).then((s) => {
      message.success(t('supervisionSheets.sheet.copied', { version: s.version }));
      navigate(`/supervision/sheets/${s.id}`);
    }, fail);
  const onDelete = () =>
    modal.confirm({
      title: t('supervisionSheets.sheet.deleteConfirm'),
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(undefined).then(() => {
          message.success(t('supervisionSheets.sheet.deleted'));
          navigate('/supervision/sheets');
        }, fail),
    });

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link to="/supervision/sheets">
            <ArrowLeftOutlined /> {t('supervisionSheets.sheet.back')}
          </Link>
        }
        title={`${sheet.name} · ${t('supervisionSheets.sheets.version', { version: sheet.version })}`}
        tags={
          <Space size={4}>
            <SheetStatusTag status={sheet.status} />
            {sheet.isDemo && <Tag>{t('supervisionSheets.demo')}</Tag>}
          </Space>
        }
        extra={
          <>
            {sheet.can.edit && !editing && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('supervisionSheets.sheet.edit')}
              </Button>
            )}
            {sheet.can.activate && !editing && (
              <Button type="primary" onClick={onActivate} loading={activate.isPending}>
                {t('supervisionSheets.sheet.activate')}
              </Button>
            )}
            {sheet.can.edit && !editing && (
              <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
                {t('supervisionSheets.sheet.delete')}
              </Button>
            )}
            {sheet.can.copy && (
              <Button icon={<CopyOutlined />} onClick={onCopy} loading={copy.isPending}>
                {t('supervisionSheets.sheet.copy')}
              </Button>
            )}
          </>
        }
      />
      {sheet.status !== 'draft' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('supervisionSheets.sheet.frozen')} />}
      {sheet.isDemo && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('supervisionSheets.sheet.demoNote')} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('supervisionSheets.sheets.col.kind')}>{t(`supervisionSheets.kind.${sheet.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionSheets.sheets.col.street')}>{sheet.streetName}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionSheets.sheets.col.appliesFrom')}>{sheet.appliesFrom ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionSheets.sheets.col.updatedAt')}>{formatDateTime(sheet.updatedAt)}</Descriptions.Item>
        </Descriptions>
        <Space wrap>
          <Tag color={sheet.weightSum === 100 ? 'green' : 'red'}>{sheet.weightSum === 100 ? t('supervisionSheets.sheet.weightSum', { sum: sheet.weightSum }) : t('supervisionSheets.sheet.weightBad', { sum: sheet.weightSum })}</Tag>
          <Tag>{t('supervisionSheets.sheets.size', { sections: sheet.sections.length, indicators: sheet.indicatorCount })}</Tag>
          <Tag>{t('supervisionSheets.sheet.maxSum', { points: points(sheet.maxCentiSum) })}</Tag>
        </Space>
      </Card>
      {editing ? (
        <SheetEditor
          sheet={sheet}
          onCancel={() => setEditing(false)}
          onSave={async (values, form) => {
            try {
              await save.mutateAsync(fromEditor(values));
              message.success(t('supervisionSheets.sheet.saved'));
              setEditing(false);
            } catch (err) {
              const banner = showServerErrors(form, err);
              if (banner) message.error(banner);
            }
          }}
          saving={save.isPending}
        />
      ) : (
        <SheetContent sheet={sheet} />
      )}
    </>
  );
}

/** The sheet read-only: a table of indicators per section. */
function SheetContent({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  if (sheet.sections.length === 0) return <Card>{t('supervisionSheets.sheet.empty')}</Card>;
  return (
    <>
      {sheet.sections.map((s) => (
        <Card key={s.id} size="small" style={{ marginBottom: 16 }} title={`${s.name}（${s.weight}%）`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={s.indicators}
            columns={[
              { title: t('supervisionSheets.sheet.code'), dataIndex: 'code', width: 70 },
              {
                title: t('supervisionSheets.sheet.indicatorName'),
                dataIndex: 'name',
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    {r.guidance && <Typography.Text type="secondary">{r.guidance}</Typography.Text>}
                  </>
                ),
              },
              {
                title: t('supervisionSheets.sheet.method'),
                dataIndex: 'method',
                width: 150,
                render: (v: ScoringMethod, r) => (v === 'deduction' ? `${t(`supervisionSheets.method.${v}`)}（${t('supervisionSheets.sheet.deductionRule', { points: points(r.deductionCenti) })}）` : t(`supervisionSheets.method.${v}`)),
              },
              { title: t('supervisionSheets.sheet.maxPoints'), dataIndex: 'maxCenti', width: 80, align: 'right', render: (v: number) => points(v) },
              { title: t('supervisionSheets.sheet.evidence'), dataIndex: 'evidence', width: 110, render: (v: EvidenceKind) => t(`supervisionSheets.evidence.${v}`) },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

/** The draft's editor: sections (name, weight) with their indicators, saved as a whole. */
function SheetEditor({ sheet, onSave, onCancel, saving }: { sheet: Sheet; onSave: (v: EditorValues, form: ReturnType<typeof Form.useForm<EditorValues>>[0]) => Promise<void>; onCancel: () => void; saving: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditorValues>();
  const sections = Form.useWatch('sections', form) ?? [];
  const sum = sections.reduce((a, s) => a + (Number(s?.weight) || 0), 0);
  const required = [{ required: true, message: t('supervisionSheets.sheet.required') }];
  return (
    <Form form={form} layout="vertical" initialValues={toEditor(sheet)} onFinish={(v) => onSave(v, form)}>
      <Card style={{ marginBottom: 16 }}>
        <Form.Item name="name" label={t('supervisionSheets.sheets.name')} rules={[{ required: true, whitespace: true, message: t('supervisionSheets.sheets.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Tag color={sum === 100 ? 'green' : 'red'}>{sum === 100 ? t('supervisionSheets.sheet.weightSum', { sum }) : t('supervisionSheets.sheet.weightBad', { sum })}</Tag>
      </Card>
      <Form.List name="sections">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 16 }}
                title={
                  <Row gutter={8} style={{ paddingTop: 12 }}>
                    <Col xs={24} sm={16}>
                      <Form.Item name={[f.name, 'name']} label={t('supervisionSheets.sheet.sectionName')} rules={required}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'weight']} label={t('supervisionSheets.sheet.weight')} rules={required}>
                        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                }
                extra={
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('supervisionSheets.sheet.removeSection')}>
                    {t('supervisionSheets.sheet.removeSection')}
                  </Button>
                }
              >
                <IndicatorsEditor sectionField={f.name} />
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 0, indicators: [] })} style={{ marginBottom: 16 }}>
              {t('supervisionSheets.sheet.addSection')}
            </Button>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('supervisionSheets.sheet.save')}
        </Button>
        <Button onClick={onCancel}>{t('supervisionSheets.sheet.cancel')}</Button>
      </Space>
    </Form>
  );
}

function IndicatorsEditor({ sectionField }: { sectionField: number }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('supervisionSheets.sheet.required') }];
  return (
    <Form.List name={[sectionField, 'indicators']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row key={f.key} gutter={8} align="top" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
              <Col xs={8} md={2}>
                <Form.Item name={[f.name, 'code']} label={t('supervisionSheets.sheet.code')} rules={required}>
                  <Input maxLength={20} />
                </Form.Item>
              </Col>
              <Col xs={16} md={7}>
                <Form.Item name={[f.name, 'name']} label={t('supervisionSheets.sheet.indicatorName')} rules={required}>
                  <Input.TextArea autoSize maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, 'method']} label={t('supervisionSheets.sheet.method')} rules={required}>
                  <Select options={SCORING_METHODS.map((m) => ({ value: m, label: t(`supervisionSheets.method.${m}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={6} md={2}>
                <Form.Item name={[f.name, 'maxPoints']} label={t('supervisionSheets.sheet.maxPoints')} rules={required}>
                  <InputNumber min={0.01} max={100} step={0.5} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue(['sections', sectionField, 'indicators', f.name, 'method']) === 'deduction' ? (
                    <Col xs={6} md={2}>
                      <Form.Item name={[f.name, 'deductionPoints']} label={t('supervisionSheets.sheet.perFinding')} rules={required}>
                        <InputNumber min={0.01} max={100} step={0.5} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  ) : null
                }
              </Form.Item>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, 'evidence']} label={t('supervisionSheets.sheet.evidence')} rules={required}>
                  <Select options={EVIDENCE_KINDS.map((e) => ({ value: e, label: t(`supervisionSheets.evidence.${e}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={20} md={4}>
                <Form.Item name={[f.name, 'guidance']} label={t('supervisionSheets.sheet.guidance')}>
                  <Input.TextArea autoSize maxLength={1000} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('supervisionSheets.sheet.remove')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ method: 'points', evidence: 'none', maxPoints: 5 })}>
            {t('supervisionSheets.sheet.addIndicator')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
