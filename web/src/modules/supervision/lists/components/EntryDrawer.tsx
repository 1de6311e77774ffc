import { Alert, Button, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Radio, Select, Space, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_TEXT_MAX, type MeasureKind } from '#server/modules/supervision/contract.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Entry, fileUrl, toForm, useAppeal, useDecide, useEntry, useRecordMeasure, useSubmitPlan } from '../api.ts';
import { AppealTag, blobsOf, FilePicker, ListTag, recentQuarters, score } from './labels.tsx';

type Modal = 'appeal' | 'decide' | 'measure' | { plan: string } | null;

/** One entry: its grade and clause, the appeal and its decision, the measures with their clauses, and the actor's next actions. */
export function EntryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const entry = useEntry(id);
  const [modal, setModal] = useState<Modal>(null);
  return (
    <Drawer open={!!id} onClose={onClose} width={640} title={entry.data ? `${entry.data.companyName} · ${entry.data.period}` : t('supervisionLists.entry.title')} destroyOnHidden>
      {id && (
        <QueryView query={entry}>
          {(e) => (
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <Descriptions column={1} size="small" bordered labelStyle={{ width: 120 }}>
                <Descriptions.Item label={t('supervisionLists.col.list')}>
                  <ListTag list={e.list} removed={!!e.removedAt} />
                </Descriptions.Item>
                <Descriptions.Item label={t('supervisionLists.col.grade')}>
                  {e.grade} · {score(e.scoreCenti)}
                </Descriptions.Item>
                <Descriptions.Item label={t('supervisionLists.entry.asOf')}>{formatDateTime(e.asOf)}</Descriptions.Item>
                <Descriptions.Item label={t('supervisionLists.entry.basis')}>{e.basis}</Descriptions.Item>
                {e.appealUntil && <Descriptions.Item label={t('supervisionLists.entry.appealUntil')}>{formatDateTime(e.appealUntil)}</Descriptions.Item>}
              </Descriptions>

              <section>
                <Typography.Title level={5}>{t('supervisionLists.entry.appeal')}</Typography.Title>
                {e.appeal ? (
                  <Descriptions column={1} size="small" bordered labelStyle={{ width: 120 }}>
                    <Descriptions.Item label={t('supervisionLists.entry.appealState')}>
                      <AppealTag status={e.appeal.status} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('supervisionLists.entry.reasons')}>
                      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.appeal.reasons}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {e.appeal.submittedByName} · {formatDateTime(e.appeal.submittedAt)}
                      </Typography.Text>
                    </Descriptions.Item>
                    {e.appeal.files.length > 0 && (
                      <Descriptions.Item label={t('supervisionLists.entry.files')}>
                        <Files entryId={e.id} files={e.appeal.files} />
                      </Descriptions.Item>
                    )}
                    {e.appeal.decidedAt && (
                      <Descriptions.Item label={t('supervisionLists.entry.decision')}>
                        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.appeal.decisionReasons}</Typography.Paragraph>
                        <Typography.Text type="secondary">
                          {e.appeal.decidedByName} · {formatDateTime(e.appeal.decidedAt)}
                        </Typography.Text>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                ) : (
                  <Typography.Text type="secondary">{e.list === 'black' ? t('supervisionLists.entry.noAppeal') : t('supervisionLists.entry.redNoAppeal')}</Typography.Text>
                )}
                <Space style={{ marginTop: 8 }}>
                  {e.actions.appeal && (
                    <Button type="primary" onClick={() => setModal('appeal')}>
                      {t('supervisionLists.action.appeal')}
                    </Button>
                  )}
                  {e.actions.decide && (
                    <Button type="primary" onClick={() => setModal('decide')}>
                      {t('supervisionLists.action.decide')}
                    </Button>
                  )}
                </Space>
              </section>

              {e.list === 'black' && (
                <section>
                  <Typography.Title level={5}>{t('supervisionLists.entry.measures')}</Typography.Title>
                  {e.measures.length ? (
                    <List
                      bordered
                      dataSource={e.measures}
                      renderItem={(m) => (
                        <List.Item
                          actions={
                            m.canSubmitPlan
                              ? [
                                  <Button key="plan" size="small" type="primary" onClick={() => setModal({ plan: m.id })}>
                                    {t('supervisionLists.action.submitPlan')}
                                  </Button>,
                                ]
                              : []
                          }
                        >
                          <List.Item.Meta title={`${t(`supervisionLists.measure.${m.kind}`)} · ${formatDate(m.recordedAt)}`} description={<MeasureText entryId={e.id} m={m} />} />
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervisionLists.entry.noMeasures')} />
                  )}
                  {e.actions.measure && (
                    <Button style={{ marginTop: 8 }} onClick={() => setModal('measure')}>
                      {t('supervisionLists.action.measure')}
                    </Button>
                  )}
                  {e.appeal?.status === 'pending' && e.list === 'black' && !e.removedAt && <Alert style={{ marginTop: 8 }} type="info" showIcon message={t('supervisionLists.entry.measureAfterAppeal')} />}
                </section>
              )}
              {modal === 'appeal' && <AppealModal entry={e} onClose={() => setModal(null)} />}
              {modal === 'decide' && e.appeal && <DecideModal appealId={e.appeal.id} entry={e} onClose={() => setModal(null)} />}
              {modal === 'measure' && <MeasureModal entry={e} onClose={() => setModal(null)} />}
              {modal && typeof modal === 'object' && <PlanModal measureId={modal.plan} onClose={() => setModal(null)} />}
            </Space>
          )}
        </QueryView>
      )}
    </Drawer>
  );
}

type Measure = Entry['measures'][number];

function MeasureText({ entryId, m }: { entryId: string; m: Measure }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {m.kind === 'interview' && <span>{t('supervisionLists.measure.interviewText', { day: m.interviewOn, attendees: m.attendees })}</span>}
      {m.kind === 'more_inspections' && <span>{t('supervisionLists.measure.inspectionsText', { count: m.extraInspections ?? 0, period: m.inspectionPeriod })}</span>}
      {m.kind === 'rectification_plan' && (
        <span>
          {t('supervisionLists.measure.planText', { due: m.planDue })}
          {m.planSubmittedAt ? ` · ${t('supervisionLists.measure.planSubmitted', { at: formatDateTime(m.planSubmittedAt) })}` : ` · ${t('supervisionLists.measure.planWaiting')}`}
        </span>
      )}
      {m.note && <span>{m.note}</span>}
      {m.planNote && <span>{m.planNote}</span>}
      {m.files.length > 0 && <Files entryId={entryId} files={m.files} />}
      <Typography.Text type="secondary">{t('supervisionLists.entry.cites', { basis: m.basis })}</Typography.Text>
      <Typography.Text type="secondary">{m.recordedByName}</Typography.Text>
    </Space>
  );
}

function Files({ entryId, files }: { entryId: string; files: { id: string; fileName: string }[] }) {
  return (
    <Space wrap>
      {files.map((f) => (
        <a key={f.id} href={fileUrl(entryId, f.id)} target="_blank" rel="noreferrer">
          {f.fileName}
        </a>
      ))}
    </Space>
  );
}

function AppealModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const appeal = useAppeal(entry.id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ reasons: string }>
      title={t('supervisionLists.appeal.title', { company: entry.companyName, period: entry.period })}
      open
      onClose={onClose}
      okText={t('supervisionLists.action.appeal')}
      submit={(v) => appeal.mutateAsync(toForm({ reasons: v.reasons }, blobsOf(files)))}
    >
      <p>{t('supervisionLists.appeal.body', { until: formatDateTime(entry.appealUntil) })}</p>
      <Form.Item name="reasons" label={t('supervisionLists.entry.reasons')} rules={[{ required: true, whitespace: true, message: t('supervisionLists.appeal.reasonsRequired') }]}>
        <Input.TextArea rows={4} maxLength={LIST_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item label={t('supervisionLists.entry.files')}>
        <FilePicker files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}

function DecideModal({ appealId, entry, onClose }: { appealId: string; entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide(appealId);
  return (
    <FormModal<{ decision: 'upheld' | 'rejected'; reasons: string }>
      title={t('supervisionLists.decide.title', { company: entry.companyName })}
      open
      onClose={onClose}
      okText={t('supervisionLists.action.decide')}
      submit={(v) => decide.mutateAsync(v)}
    >
      <Form.Item name="decision" label={t('supervisionLists.decide.decision')} rules={[{ required: true, message: t('supervisionLists.decide.decisionRequired') }]}>
        <Radio.Group>
          <Radio value="upheld">{t('supervisionLists.decide.upheld')}</Radio>
          <Radio value="rejected">{t('supervisionLists.decide.rejected')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reasons" label={t('supervisionLists.decide.reasons')} rules={[{ required: true, whitespace: true, message: t('supervisionLists.decide.reasonsRequired') }]}>
        <Input.TextArea rows={4} maxLength={LIST_TEXT_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface MeasureValues {
  kind: MeasureKind;
  interviewOn?: string;
  attendees?: string;
  extraInspections?: number;
  inspectionPeriod?: string;
  planDue?: string;
  note?: string;
}

function MeasureModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMeasure(entry.id);
  const [kind, setKind] = useState<MeasureKind | undefined>(entry.listedMeasures[0]?.kind);
  const basis = entry.listedMeasures.find((m) => m.kind === kind)?.basis;
  const quarters = recentQuarters(3, new Date(Date.now() + 92 * 86_400_000));
  const required = (message: string) => [{ required: true, message }];
  return (
    <FormModal<MeasureValues>
      title={t('supervisionLists.measure.title', { company: entry.companyName })}
      open
      onClose={onClose}
      okText={t('supervisionLists.action.measure')}
      initialValues={{ kind }}
      submit={(v) => record.mutateAsync({ ...v, note: v.note || undefined })}
    >
      <Form.Item name="kind" label={t('supervisionLists.measure.kind')} rules={required(t('supervisionLists.measure.kindRequired'))} extra={basis && t('supervisionLists.entry.cites', { basis })}>
        <Select onChange={(k: MeasureKind) => setKind(k)} options={entry.listedMeasures.map((m) => ({ value: m.kind, label: t(`supervisionLists.measure.${m.kind}`) }))} />
      </Form.Item>
      {kind === 'interview' && (
        <>
          <Form.Item name="interviewOn" label={t('supervisionLists.measure.interviewOn')} rules={required(t('supervisionLists.measure.fieldRequired'))}>
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="attendees" label={t('supervisionLists.measure.attendees')} rules={required(t('supervisionLists.measure.fieldRequired'))}>
            <Input maxLength={LIST_TEXT_MAX} />
          </Form.Item>
        </>
      )}
      {kind === 'more_inspections' && (
        <>
          <Form.Item name="extraInspections" label={t('supervisionLists.measure.extraInspections')} rules={required(t('supervisionLists.measure.fieldRequired'))}>
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="inspectionPeriod" label={t('supervisionLists.measure.inspectionPeriod')} rules={required(t('supervisionLists.measure.fieldRequired'))}>
            <Select style={{ width: 140 }} options={quarters.map((q) => ({ value: q, label: q }))} />
          </Form.Item>
        </>
      )}
      {kind === 'rectification_plan' && (
        <Form.Item name="planDue" label={t('supervisionLists.measure.planDue')} rules={required(t('supervisionLists.measure.fieldRequired'))}>
          <Input type="date" min={todayInShanghai()} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('supervisionLists.measure.note')}>
        <Input.TextArea rows={3} maxLength={LIST_TEXT_MAX} />
      </Form.Item>
    </FormModal>
  );
}

function PlanModal({ measureId, onClose }: { measureId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitPlan(measureId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ note: string }> title={t('supervisionLists.plan.title')} open onClose={onClose} okText={t('supervisionLists.action.submitPlan')} submit={(v) => submit.mutateAsync(toForm({ note: v.note }, blobsOf(files)))}>
      <Form.Item name="note" label={t('supervisionLists.plan.note')} rules={[{ required: true, whitespace: true, message: t('supervisionLists.plan.noteRequired') }]}>
        <Input.TextArea rows={3} maxLength={LIST_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item label={t('supervisionLists.plan.files')} required>
        <FilePicker files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}
