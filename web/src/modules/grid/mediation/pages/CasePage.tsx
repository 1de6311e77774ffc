import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Radio, Row, Select, Space, Table, Timeline, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CONFIRMATION_OUTCOMES, MAX_MEDIATORS, MEDIATION_REFERRALS } from '#server/modules/grid/contract.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Case, type Step, useCase, useCaseStep, useCommittees, useUploadSigned } from '../api.ts';
import { CaseStatusTag } from '../components/labels.tsx';

type Dialog = 'decline' | 'session' | 'agree' | 'fail' | 'assign' | 'sign' | 'confirmApply' | 'confirmOutcome' | 'followup' | null;
const notFuture = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > todayInShanghai();

/**
 * One mediation case: facts, parties (in full only for its mediators), mediators, sessions, the agreement (生成 /
 * 下载调解协议书, the signed scan), court confirmation, follow-ups and the timeline; the actions the server allows this
 * viewer (`actions`), each behind a confirmation or a form.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const kase = useCase(id);
  const step = useCaseStep(id);
  const sign = useUploadSigned(id);
  const committees = useCommittees();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [files, setFiles] = useState<File[]>([]);

  const confirm = (title: string, content: string, s: Step) =>
    modal.confirm({
      title,
      content,
      okText: t('gridMediation.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await step.mutateAsync({ step: s, body: {} });
          void message.success(t('gridMediation.detail.done'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });
  const run = (s: Step) => (body: object) => step.mutateAsync({ step: s, body });
  const pdfUrl = `/api/grid/mediation/cases/${id}/agreement.pdf`;

  const actionButtons = (c: Case) => {
    const a = c.actions;
    const b: React.ReactNode[] = [];
    if (a.includes('accept'))
      b.push(
        <Button key="accept" type="primary" onClick={() => confirm(t('gridMediation.detail.acceptTitle'), t('gridMediation.detail.acceptContent'), 'accept')}>
          {t('gridMediation.detail.accept')}
        </Button>,
      );
    if (a.includes('session'))
      b.push(
        <Button key="session" type="primary" onClick={() => setDialog('session')}>
          {t('gridMediation.detail.session')}
        </Button>,
      );
    if (a.includes('agree'))
      b.push(
        <Button key="agree" type="primary" onClick={() => setDialog('agree')}>
          {t('gridMediation.detail.agree')}
        </Button>,
      );
    if (a.includes('assign')) b.push(<Button key="assign" onClick={() => setDialog('assign')}>{t('gridMediation.detail.assign')}</Button>);
    if (a.includes('escalate'))
      b.push(
        <Button key="escalate" onClick={() => confirm(t('gridMediation.detail.escalateTitle'), t('gridMediation.detail.escalateContent'), 'escalate')}>
          {t('gridMediation.detail.escalate')}
        </Button>,
      );
    if (a.includes('decline')) b.push(<Button key="decline" danger onClick={() => setDialog('decline')}>{t('gridMediation.detail.decline')}</Button>);
    if (a.includes('fail')) b.push(<Button key="fail" danger onClick={() => setDialog('fail')}>{t('gridMediation.detail.fail')}</Button>);
    return b;
  };

  return (
    <QueryView query={kase}>
      {(c) => {
        const committee = committees.data?.items.find((x) => x.id === c.committeeId);
        const mediatorOptions = (committee?.mediators ?? []).filter((m) => m.current).map((m) => ({ value: m.id, label: `${m.name}（${t(`gridMediation.title.${m.title}`)}）` }));
        return (
          <>
            <PageHeader
              title={`${t(`gridMediation.category.${c.category}`)} · ${c.no}`}
              tags={<CaseStatusTag status={c.status} overdue={c.overdue} level={c.level} />}
              extra={
                <Space wrap>
                  <Link to="/grid/mediation">{t('gridMediation.detail.back')}</Link>
                  {actionButtons(c)}
                </Space>
              }
            />
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('gridMediation.detail.place')}>{c.placeName}</Descriptions.Item>
                <Descriptions.Item label={t('gridMediation.detail.committee')}>
                  {c.committeeName}（{t(`gridMediation.level.${c.level}`)}）
                </Descriptions.Item>
                <Descriptions.Item label={t('gridMediation.detail.source')}>
                  {t(`gridMediation.source.${c.source}`)}
                  {c.sourceTitle ? ` · ${c.sourceTitle}` : ''}
                  {c.source === 'grid_event' && c.sourceRef ? (
                    <>
                      {' · '}
                      <Link to={`/grid/events/${c.sourceRef}`}>{c.sourceRef.slice(0, 8)}</Link>
                    </>
                  ) : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridMediation.detail.openedAt')}>{formatDateTime(c.openedAt)}</Descriptions.Item>
                {c.acceptedAt && <Descriptions.Item label={t('gridMediation.detail.acceptedAt')}>{formatDateTime(c.acceptedAt)}</Descriptions.Item>}
                {c.dueAt && <Descriptions.Item label={t('gridMediation.detail.dueAt')}>{formatDateTime(c.dueAt)}</Descriptions.Item>}
                {c.closedAt && <Descriptions.Item label={t('gridMediation.detail.closedAt')}>{formatDateTime(c.closedAt)}</Descriptions.Item>}
                {c.declineReason && <Descriptions.Item label={t('gridMediation.detail.declineReason')}>{c.declineReason}</Descriptions.Item>}
                {c.referral && (
                  <Descriptions.Item label={t('gridMediation.detail.referral')}>
                    {t(`gridMediation.referral.${c.referral}`)}
                    {c.failureNote ? `：${c.failureNote}` : ''}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('gridMediation.detail.summary')} span={2}>
                  {c.summary}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <Card title={t('gridMediation.detail.parties')} style={{ marginBottom: 16 }} extra={!c.partiesInFull && <Typography.Text type="secondary">{t('gridMediation.detail.partiesMasked')}</Typography.Text>}>
                  <Table
                    size="small"
                    rowKey="seq"
                    pagination={false}
                    dataSource={c.parties}
                    columns={[
                      { title: t('gridMediation.col.parties'), dataIndex: 'name' },
                      { title: t('gridMediation.new.parties'), dataIndex: 'role', render: (v: string) => t(`gridMediation.partyRole.${v}`) },
                      { title: t('gridMediation.new.partyPhone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
                      { title: t('gridMediation.new.partyRoom'), dataIndex: 'room', render: (v: string) => v || '—' },
                    ]}
                  />
                </Card>
                <Card title={t('gridMediation.detail.sessions')} style={{ marginBottom: 16 }}>
                  {c.sessions.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gridMediation.detail.noSessions')} />
                  ) : (
                    c.sessions.map((s) => (
                      <div key={s.id} style={{ marginBottom: 12 }}>
                        <Typography.Text strong>{formatDate(s.heldOn)}</Typography.Text>
                        {s.location ? ` · ${s.location}` : ''}
                        {s.attendees ? ` · ${t('gridMediation.detail.attendees')}：${s.attendees}` : ''}
                        <div>{s.notes || <Typography.Text type="secondary">{t('gridMediation.detail.notesHidden')}</Typography.Text>}</div>
                      </div>
                    ))
                  )}
                </Card>
                {(c.status === 'agreed' || c.agreedAt) && (
                  <Card title={t('gridMediation.detail.agreement')} style={{ marginBottom: 16 }}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.agreementTerms ?? <Typography.Text type="secondary">{t('gridMediation.detail.termsHidden')}</Typography.Text>}</Typography.Paragraph>
                    <Space wrap style={{ marginBottom: 12 }}>
                      {c.actions.includes('pdf') && (
                        <>
                          <Button type="primary" href={pdfUrl} target="_blank">
                            {t('gridMediation.detail.generate')}
                          </Button>
                          <a href={pdfUrl} download>
                            {t('gridMediation.detail.download')}
                          </a>
                        </>
                      )}
                      {c.actions.includes('sign') && (
                        <Button icon={<UploadOutlined />} onClick={() => setDialog('sign')}>
                          {t('gridMediation.detail.uploadSigned')}
                        </Button>
                      )}
                    </Space>
                    <Descriptions column={1} size="small">
                      <Descriptions.Item label={t('gridMediation.detail.signedOn')}>{c.signedOn ? formatDate(c.signedOn) : t('gridMediation.detail.noSigned')}</Descriptions.Item>
                      {c.documents.map((d) => (
                        <Descriptions.Item key={d.id} label={t('gridMediation.detail.signedScan')}>
                          <a href={d.url} target="_blank" rel="noreferrer">
                            {d.label}
                          </a>{' '}
                          · {formatDateTime(d.uploadedAt)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </Card>
                )}
                {c.status === 'agreed' && (
                  <Card
                    title={t('gridMediation.detail.confirmation')}
                    style={{ marginBottom: 16 }}
                    extra={
                      <Space>
                        {c.actions.includes('confirmApply') && <Button onClick={() => setDialog('confirmApply')}>{t('gridMediation.detail.applyConfirmation')}</Button>}
                        {c.actions.includes('confirmOutcome') && <Button onClick={() => setDialog('confirmOutcome')}>{t('gridMediation.detail.recordOutcome')}</Button>}
                      </Space>
                    }
                  >
                    <Descriptions column={{ xs: 1, md: 2 }} size="small">
                      <Descriptions.Item label={t('gridMediation.detail.court')}>{c.confirmation.court ?? t('gridMediation.detail.notApplied')}</Descriptions.Item>
                      <Descriptions.Item label={t('gridMediation.detail.appliedOn')}>{c.confirmation.appliedOn ? formatDate(c.confirmation.appliedOn) : '—'}</Descriptions.Item>
                      {c.confirmation.lastDay && <Descriptions.Item label={t('gridMediation.detail.lastDay')}>{formatDate(c.confirmation.lastDay)}</Descriptions.Item>}
                      {c.confirmation.outcome && (
                        <Descriptions.Item label={t('gridMediation.detail.outcome')}>
                          {t(`gridMediation.detail.${c.confirmation.outcome}`)} · {formatDate(c.confirmation.on)}
                          {c.confirmation.note ? ` · ${c.confirmation.note}` : ''}
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                  </Card>
                )}
                {c.status === 'agreed' && (
                  <Card title={t('gridMediation.detail.followups')} style={{ marginBottom: 16 }} extra={c.actions.includes('followup') && <Button onClick={() => setDialog('followup')}>{t('gridMediation.detail.followup')}</Button>}>
                    {c.followups.length === 0 ? (
                      <Typography.Text type="secondary">{t('gridMediation.detail.noFollowups')}</Typography.Text>
                    ) : (
                      c.followups.map((f) => (
                        <div key={f.id}>
                          {formatDate(f.visitedOn)} · {f.visitor} · {f.performed ? t('gridMediation.detail.performedYes') : t('gridMediation.detail.performedNo')}
                          {f.note ? ` · ${f.note}` : ''}
                        </div>
                      ))
                    )}
                  </Card>
                )}
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('gridMediation.detail.mediators')} style={{ marginBottom: 16 }}>
                  {c.mediators.length === 0 ? (
                    <Typography.Text type="secondary">{t('gridMediation.detail.noMediators')}</Typography.Text>
                  ) : (
                    c.mediators.map((m) => (
                      <div key={m.id}>
                        {m.name}（{t(`gridMediation.title.${m.title}`)}）
                      </div>
                    ))
                  )}
                </Card>
                <Card title={t('gridMediation.detail.timeline')}>
                  <Timeline
                    items={c.steps.map((s, i) => ({
                      key: `${s.step}-${i}`,
                      color: s.step === 'overdue' ? 'red' : undefined,
                      children: (
                        <>
                          <Typography.Text strong>{t(`gridMediation.step.${s.step}`)}</Typography.Text>
                          {s.byName ? ` · ${s.byName}` : ''} · {formatDateTime(s.at)}
                          {s.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{s.note}</div>}
                        </>
                      ),
                    }))}
                  />
                </Card>
              </Col>
            </Row>

            {dialog === 'decline' && (
              <FormModal<{ reason: string }> title={t('gridMediation.detail.decline')} open okText={t('gridMediation.detail.ok')} onClose={() => setDialog(null)} submit={run('decline')}>
                <Form.Item name="reason" label={t('gridMediation.detail.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                  <Input.TextArea rows={3} maxLength={500} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'session' && (
              <FormModal<{ heldOn: dayjs.Dayjs; location?: string; attendees?: string; notes: string }>
                title={t('gridMediation.detail.session')}
                open
                okText={t('gridMediation.detail.ok')}
                initialValues={{ heldOn: dayjs(todayInShanghai()) }}
                onClose={() => setDialog(null)}
                submit={(v) => step.mutateAsync({ step: 'sessions', body: { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') } })}
              >
                <Form.Item name="heldOn" label={t('gridMediation.detail.heldOn')} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} disabledDate={notFuture} />
                </Form.Item>
                <Form.Item name="location" label={t('gridMediation.detail.location')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="attendees" label={t('gridMediation.detail.attendees')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="notes" label={t('gridMediation.detail.sessionNotes')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
                  <Input.TextArea rows={4} maxLength={2000} placeholder={t('gridMediation.detail.sessionNotesPlaceholder')} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'agree' && (
              <FormModal<{ terms: string }> title={t('gridMediation.detail.agree')} open okText={t('gridMediation.detail.ok')} onClose={() => setDialog(null)} submit={run('agree')}>
                <Form.Item name="terms" label={t('gridMediation.detail.terms')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
                  <Input.TextArea rows={6} maxLength={4000} placeholder={t('gridMediation.detail.terms')} aria-label={t('gridMediation.detail.terms')} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'fail' && (
              <FormModal<{ referral: string; note: string }> title={t('gridMediation.detail.fail')} open okText={t('gridMediation.detail.ok')} initialValues={{ referral: 'court' }} onClose={() => setDialog(null)} submit={run('fail')}>
                <Form.Item name="referral" label={t('gridMediation.detail.referral')} rules={[{ required: true }]}>
                  <Radio.Group options={MEDIATION_REFERRALS.map((r) => ({ value: r, label: t(`gridMediation.referral.${r}`) }))} />
                </Form.Item>
                <Form.Item name="note" label={t('gridMediation.detail.failureNote')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                  <Input.TextArea rows={3} maxLength={500} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'assign' && (
              <FormModal<{ mediatorIds: string[] }> title={t('gridMediation.detail.assign')} open okText={t('gridMediation.detail.ok')} initialValues={{ mediatorIds: c.mediators.map((m) => m.id) }} onClose={() => setDialog(null)} submit={run('assign')}>
                <Form.Item name="mediatorIds" label={t('gridMediation.detail.mediators')} rules={[{ required: true, type: 'array', min: 1, max: MAX_MEDIATORS }]}>
                  <Select mode="multiple" maxCount={MAX_MEDIATORS} options={mediatorOptions} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'sign' && (
              <FormModal<{ signedOn: dayjs.Dayjs }>
                title={t('gridMediation.detail.uploadSigned')}
                open
                okText={t('gridMediation.detail.ok')}
                initialValues={{ signedOn: dayjs(todayInShanghai()) }}
                onClose={() => {
                  setFiles([]);
                  setDialog(null);
                }}
                submit={(v) => sign.mutateAsync({ signedOn: v.signedOn.format('YYYY-MM-DD'), files })}
              >
                <Form.Item name="signedOn" label={t('gridMediation.detail.signedOn')} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} disabledDate={notFuture} />
                </Form.Item>
                <Form.Item label={t('gridMediation.detail.signedScan')} required>
                  <Upload
                    accept="application/pdf,image/jpeg,image/png,image/webp"
                    multiple
                    maxCount={6}
                    beforeUpload={(f) => {
                      setFiles((xs) => [...xs, f]);
                      return false;
                    }}
                    onRemove={(f) => setFiles((xs) => xs.filter((x) => x.name !== f.name))}
                  >
                    <Button icon={<UploadOutlined />}>{t('gridMediation.detail.uploadSigned')}</Button>
                  </Upload>
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'confirmApply' && (
              <FormModal<{ court: string; appliedOn: dayjs.Dayjs }>
                title={t('gridMediation.detail.applyConfirmation')}
                open
                okText={t('gridMediation.detail.ok')}
                initialValues={{ appliedOn: dayjs(todayInShanghai()) }}
                onClose={() => setDialog(null)}
                submit={(v) => step.mutateAsync({ step: 'confirmation', body: { court: v.court, appliedOn: v.appliedOn.format('YYYY-MM-DD') } })}
              >
                <Form.Item name="court" label={t('gridMediation.detail.court')} rules={[{ required: true, whitespace: true, max: 60 }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="appliedOn" label={t('gridMediation.detail.appliedOn')} extra={c.confirmation.lastDay ? `${t('gridMediation.detail.lastDay')}：${formatDate(c.confirmation.lastDay)}` : undefined} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} disabledDate={notFuture} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'confirmOutcome' && (
              <FormModal<{ outcome: string; on: dayjs.Dayjs; note?: string }>
                title={t('gridMediation.detail.recordOutcome')}
                open
                okText={t('gridMediation.detail.ok')}
                initialValues={{ outcome: 'confirmed', on: dayjs(todayInShanghai()) }}
                onClose={() => setDialog(null)}
                submit={(v) => step.mutateAsync({ step: 'confirmation/outcome', body: { outcome: v.outcome, on: v.on.format('YYYY-MM-DD'), note: v.note || undefined } })}
              >
                <Form.Item name="outcome" label={t('gridMediation.detail.outcome')} rules={[{ required: true }]}>
                  <Radio.Group options={CONFIRMATION_OUTCOMES.map((o) => ({ value: o, label: t(`gridMediation.detail.${o}`) }))} />
                </Form.Item>
                <Form.Item name="on" label={t('gridMediation.detail.outcomeOn')} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} disabledDate={notFuture} />
                </Form.Item>
                <Form.Item name="note" label={t('gridMediation.detail.note')} rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </FormModal>
            )}
            {dialog === 'followup' && (
              <FormModal<{ visitedOn: dayjs.Dayjs; visitor: string; performed: boolean; note?: string }>
                title={t('gridMediation.detail.followup')}
                open
                okText={t('gridMediation.detail.ok')}
                initialValues={{ visitedOn: dayjs(todayInShanghai()), performed: true }}
                onClose={() => setDialog(null)}
                submit={(v) => step.mutateAsync({ step: 'followups', body: { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD'), note: v.note || undefined } })}
              >
                <Form.Item name="visitedOn" label={t('gridMediation.detail.visitedOn')} rules={[{ required: true }]}>
                  <DatePicker allowClear={false} disabledDate={notFuture} />
                </Form.Item>
                <Form.Item name="visitor" label={t('gridMediation.detail.visitor')} rules={[{ required: true, whitespace: true, max: 60 }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="performed" label={t('gridMediation.detail.performed')} rules={[{ required: true }]}>
                  <Radio.Group
                    options={[
                      { value: true, label: t('gridMediation.detail.performedYes') },
                      { value: false, label: t('gridMediation.detail.performedNo') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="note" label={t('gridMediation.detail.note')} rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </FormModal>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
