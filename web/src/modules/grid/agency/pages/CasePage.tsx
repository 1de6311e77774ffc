import { App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AGENCY_HANDOVERS, AGENCY_OUTCOMES } from '#server/modules/grid/contract.ts';
import { formatDate, formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useCase, useCaseStep } from '../api.ts';
import { CaseStatusTag, yuan } from '../components/labels.tsx';

/**
 * One case: the applicant (ID number and phone masked), the service and point, due day, result and hand-over; the
 * documents (opened by the point's staff and the street, each view recorded; 「已按规定删除」 once deleted); the
 * timeline; and the point staff's actions, each behind a confirmation: 转报, 登记结果, 交付, 撤回.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const kase = useCase(id);
  const step = useCaseStep(id);
  const [dialog, setDialog] = useState<'result' | 'handover' | 'withdraw' | null>(null);

  const send = () =>
    modal.confirm({
      title: t('gridAgency.detail.sendTitle'),
      content: t('gridAgency.detail.sendContent'),
      okText: t('gridAgency.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await step.mutateAsync({ step: 'send', body: { note: '' } });
          void message.success(t('gridAgency.detail.sent'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={kase}>
      {(c) => (
        <>
          <PageHeader
            title={`${c.serviceName} · ${c.no}`}
            tags={<CaseStatusTag status={c.status} overdue={c.overdue} />}
            extra={
              <Space wrap>
                <Link to="/grid/agency/cases">{t('gridAgency.detail.back')}</Link>
                {c.actions.includes('send') && (
                  <Button type="primary" onClick={send}>
                    {t('gridAgency.detail.send')}
                  </Button>
                )}
                {c.actions.includes('result') && (
                  <Button type="primary" onClick={() => setDialog('result')}>
                    {t('gridAgency.detail.result')}
                  </Button>
                )}
                {c.actions.includes('handover') && (
                  <Button type="primary" onClick={() => setDialog('handover')}>
                    {t('gridAgency.detail.handover')}
                  </Button>
                )}
                {c.actions.includes('withdraw') && (
                  <Button danger onClick={() => setDialog('withdraw')}>
                    {t('gridAgency.detail.withdraw')}
                  </Button>
                )}
              </Space>
            }
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('gridAgency.col.applicant')}>
                {c.applicantName}
                {c.applicantPhoneMasked ? ` · ${c.applicantPhoneMasked}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('gridAgency.detail.idNumber')}>{c.idNumberMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('gridAgency.col.point')}>
                {c.pointName}（{c.companyName}）
              </Descriptions.Item>
              <Descriptions.Item label={t('gridAgency.col.acceptedAt')}>{formatDateTime(c.acceptedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('gridAgency.col.dueOn')}>{formatDate(c.dueOn)}</Descriptions.Item>
              {c.outcome && (
                <Descriptions.Item label={t('gridAgency.detail.outcome')}>
                  {t(`gridAgency.outcome.${c.outcome}`)}
                  {c.refusalReason ? `：${c.refusalReason}` : ''}
                </Descriptions.Item>
              )}
              {c.handedOverOn && (
                <Descriptions.Item label={t('gridAgency.detail.handedOver')}>
                  {formatDate(c.handedOverOn)} · {c.handover ? t(`gridAgency.handover.${c.handover}`) : ''}
                </Descriptions.Item>
              )}
              {c.completedAt && <Descriptions.Item label={t('gridAgency.detail.onTime')}>{c.onTime ? t('gridAgency.detail.yes') : t('gridAgency.detail.no')}</Descriptions.Item>}
              {c.payFen !== null && <Descriptions.Item label={t('gridAgency.detail.pay')}>{t('gridAgency.yuan', { amount: yuan(c.payFen) })}</Descriptions.Item>}
              {c.withdrawReason && <Descriptions.Item label={t('gridAgency.detail.withdrawReason')}>{c.withdrawReason}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('gridAgency.detail.documents')} style={{ marginBottom: 16 }}>
            {c.documents.length === 0 ? (
              <Typography.Text type="secondary">{t('gridAgency.detail.noDocuments')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {c.documents.map((d) => (
                  <li key={d.id}>
                    {d.label} ·{' '}
                    {d.purgedAt ? (
                      <Typography.Text type="secondary">{t('gridAgency.documentsPurged')}（{formatDateTime(d.purgedAt)}）</Typography.Text>
                    ) : d.url ? (
                      <a href={d.url} target="_blank" rel="noreferrer">
                        {t('gridAgency.detail.view')}
                      </a>
                    ) : (
                      <Typography.Text type="secondary">{t('gridAgency.detail.handedIn')}</Typography.Text>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('gridAgency.detail.documentsNote')}
            </Typography.Paragraph>
          </Card>
          <Card title={t('gridAgency.detail.timeline')}>
            <Timeline
              items={c.steps.map((s, i) => ({
                key: `${s.step}-${i}`,
                children: (
                  <>
                    <Typography.Text strong>{t(`gridAgency.step.${s.step}`)}</Typography.Text>
                    {s.byName ? ` · ${s.byName}` : ''} · {formatDateTime(s.at)}
                    {s.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{s.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          {dialog === 'result' && (
            <FormModal<{ outcome: 'success' | 'refused'; reason?: string }>
              title={t('gridAgency.detail.result')}
              open
              okText={t('gridAgency.detail.ok')}
              initialValues={{ outcome: 'success' }}
              onClose={() => setDialog(null)}
              submit={(v) => step.mutateAsync({ step: 'result', body: v.outcome === 'refused' ? v : { outcome: v.outcome } })}
            >
              <Form.Item name="outcome" label={t('gridAgency.detail.outcome')} rules={[{ required: true }]}>
                <Select options={AGENCY_OUTCOMES.map((o) => ({ value: o, label: t(`gridAgency.outcome.${o}`) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue('outcome') === 'refused' && (
                    <Form.Item name="reason" label={t('gridAgency.detail.refusalReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </FormModal>
          )}
          {dialog === 'handover' && (
            <FormModal<{ how: 'in_person' | 'delivered'; day: dayjs.Dayjs; note?: string }>
              title={t('gridAgency.detail.handover')}
              open
              okText={t('gridAgency.detail.ok')}
              initialValues={{ how: 'in_person', day: dayjs(todayInShanghai()) }}
              onClose={() => setDialog(null)}
              submit={(v) => step.mutateAsync({ step: 'handover', body: { how: v.how, day: v.day.format('YYYY-MM-DD'), note: v.note ?? '' } })}
            >
              <Form.Item name="how" label={t('gridAgency.detail.how')} rules={[{ required: true }]}>
                <Radio.Group options={AGENCY_HANDOVERS.map((h) => ({ value: h, label: t(`gridAgency.handover.${h}`) }))} />
              </Form.Item>
              <Form.Item name="day" label={t('gridAgency.detail.handoverDay')} rules={[{ required: true }]}>
                <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
              </Form.Item>
              <Form.Item name="note" label={t('gridAgency.open.note')} rules={[{ max: 500 }]}>
                <Input maxLength={500} />
              </Form.Item>
            </FormModal>
          )}
          {dialog === 'withdraw' && (
            <FormModal<{ reason: string }> title={t('gridAgency.detail.withdrawTitle')} open okText={t('gridAgency.detail.withdraw')} onClose={() => setDialog(null)} submit={(v) => step.mutateAsync({ step: 'withdraw', body: v })}>
              <Form.Item name="reason" label={t('gridAgency.detail.withdrawReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </FormModal>
          )}
        </>
      )}
    </QueryView>
  );
}
