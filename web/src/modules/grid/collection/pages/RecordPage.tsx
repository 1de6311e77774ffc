import { Alert, App, Button, Card, Descriptions, Form, Image, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REASON_MAX } from '#server/modules/grid/contract.ts';
import { formatDateTime, formatShare } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Record_, useCheck, useRecord, useSpotCheck } from '../api.ts';
import { SpotTag, StatusTag, yuan } from '../components/labels.tsx';

const MATCH_COLOUR = { new: 'green', here: 'blue', elsewhere: 'orange', not_living: 'red' } as const;

/**
 * One record: what was collected where and by whom, what the registry knows (new / here / elsewhere / not living
 * there) with the room's current members and a link 「查看房屋」, and the check — 核实为新增 (applied), 已有记录,
 * 信息有误 with a reason — each confirmed first; the street's spot check; the incentive and its statement.
 */
export function RecordPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const record = useRecord(id);
  const check = useCheck(id);
  const spot = useSpotCheck(id);
  const [wrong, setWrong] = useState(false);
  const [spotting, setSpotting] = useState(false);

  const ask = (outcome: 'new' | 'known', title: string, content: string, done: string) =>
    modal.confirm({
      title,
      content,
      okText: t('gridCollection.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await check.mutateAsync({ outcome });
          void message.success(done);
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={record}>
      {(r: Record_) => (
        <>
          <PageHeader
            title={`${t(`gridCollection.kind.${r.kind}`)} · ${r.personName ?? r.subjectName ?? (r.componentKind ? t(`gridCollection.componentKind.${r.componentKind}`) : '')}`}
            tags={
              <Space>
                <StatusTag status={r.status} />
                <SpotTag status={r.spotStatus} />
              </Space>
            }
            extra={
              <Space wrap>
                <Link to="/grid/collection">{t('gridCollection.detail.back')}</Link>
                {r.roomId && <Link to={`/registry/places/${r.roomId}`}>{t('gridCollection.detail.viewRoom')}</Link>}
                {r.can.check && (
                  <>
                    <Button type="primary" onClick={() => ask('new', t('gridCollection.detail.verifyTitle'), t('gridCollection.detail.verifyContent'), t('gridCollection.detail.verified'))}>
                      {t('gridCollection.detail.verify')}
                    </Button>
                    <Button onClick={() => ask('known', t('gridCollection.detail.knownTitle'), t('gridCollection.detail.knownContent'), t('gridCollection.detail.checked'))}>{t('gridCollection.detail.known')}</Button>
                    <Button danger onClick={() => setWrong(true)}>
                      {t('gridCollection.detail.wrong')}
                    </Button>
                  </>
                )}
                {r.can.spotCheck && <Button onClick={() => setSpotting(true)}>{t('gridCollection.detail.spotCheck')}</Button>}
              </Space>
            }
          />
          {r.registryOutcome && <Alert style={{ marginBottom: 16 }} type={r.registryOutcome === 'applied' ? 'success' : 'info'} showIcon message={t(`gridCollection.registryOutcome.${r.registryOutcome}`)} />}
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('gridCollection.col.place')}>{r.placeLabel}</Descriptions.Item>
              <Descriptions.Item label={t('gridCollection.col.company')}>{r.companyName ?? t('gridCollection.col.gridWorker')}</Descriptions.Item>
              <Descriptions.Item label={t('gridCollection.col.submittedBy')}>{`${r.submittedByName} · ${formatDateTime(r.submittedAt)}`}</Descriptions.Item>
              {r.personName && <Descriptions.Item label={t('gridCollection.form.name')}>{r.personName}</Descriptions.Item>}
              {r.phoneMasked && <Descriptions.Item label={t('gridCollection.form.phone')}>{r.phoneMasked}</Descriptions.Item>}
              {r.idNumberMasked && <Descriptions.Item label={t('gridCollection.form.idNumber')}>{r.idNumberMasked}</Descriptions.Item>}
              {r.relation && <Descriptions.Item label={t('gridCollection.form.relation')}>{t(`gridCollection.relation.${r.relation}`)}</Descriptions.Item>}
              {r.shareBp !== null && <Descriptions.Item label={t('gridCollection.detail.share')}>{formatShare(r.shareBp)}</Descriptions.Item>}
              {r.date && <Descriptions.Item label={t('gridCollection.detail.date')}>{r.date}</Descriptions.Item>}
              {r.landlordName && <Descriptions.Item label={t('gridCollection.detail.landlord')}>{r.landlordName}</Descriptions.Item>}
              {r.contractStart && <Descriptions.Item label={t('gridCollection.detail.contract')}>{`${r.contractStart} ~ ${r.contractEnd ?? ''}`}</Descriptions.Item>}
              {r.subjectName && <Descriptions.Item label={t('gridCollection.form.legalName')}>{r.subjectName}</Descriptions.Item>}
              {r.legalKind && <Descriptions.Item label={t('gridCollection.form.legalKind')}>{t(`gridCollection.legalKind.${r.legalKind}`)}</Descriptions.Item>}
              {r.creditCode && <Descriptions.Item label={t('gridCollection.actuals.creditCode')}>{r.creditCode}</Descriptions.Item>}
              {r.contact && <Descriptions.Item label={t('gridCollection.form.contact')}>{r.contact}</Descriptions.Item>}
              {r.componentKind && <Descriptions.Item label={t('gridCollection.form.componentKind')}>{t(`gridCollection.componentKind.${r.componentKind}`)}</Descriptions.Item>}
              {r.condition && <Descriptions.Item label={t('gridCollection.form.condition')}>{t(`gridCollection.condition.${r.condition}`)}</Descriptions.Item>}
              {r.location && <Descriptions.Item label={t('gridCollection.form.location')}>{r.location}</Descriptions.Item>}
              {r.component && (
                <Descriptions.Item label={t('gridCollection.detail.componentNow')}>{`${t(`gridCollection.componentKind.${r.component.kind}`)} · ${t(`gridCollection.condition.${r.component.condition}`)}`}</Descriptions.Item>
              )}
              {r.note && <Descriptions.Item label={t('gridCollection.detail.note')}>{r.note}</Descriptions.Item>}
              {r.checkedAt && <Descriptions.Item label={t('gridCollection.col.checkedBy')}>{`${r.checkedByName ?? ''} · ${formatDateTime(r.checkedAt)}`}</Descriptions.Item>}
              {r.checkReason && <Descriptions.Item label={t('gridCollection.detail.checkReason')}>{r.checkReason}</Descriptions.Item>}
              {r.approvalId && (
                <Descriptions.Item label={t('gridCollection.detail.approval')}>
                  <Link to="/approvals">{t('gridCollection.registryOutcome.pending_approval')}</Link>
                </Descriptions.Item>
              )}
              {r.incentiveFen !== null && <Descriptions.Item label={t('gridCollection.detail.incentive')}>{`¥${yuan(r.incentiveFen)}`}</Descriptions.Item>}
              {r.spotNote && <Descriptions.Item label={t('gridCollection.detail.spotNote')}>{r.spotNote}</Descriptions.Item>}
              {r.payout && (
                <Descriptions.Item label={t('gridCollection.detail.payout')}>
                  <Link to={`/payouts/${r.payout.statementId}`}>{t('gridCollection.detail.payoutOn', { period: r.payout.period, status: t(`gridCollection.statements.payoutStatus.${r.payout.status}`) })}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {r.match && (
            <Card title={t('gridCollection.detail.registry')} style={{ marginBottom: 16 }}>
              <Space direction="vertical">
                <Tag color={MATCH_COLOUR[r.match]}>{t(`gridCollection.match.${r.match}`)}</Tag>
                <div>
                  {t('gridCollection.detail.members')}：
                  {r.members.length ? r.members.map((m) => `${m.name}（${m.relations.map((x) => t(`gridCollection.relation.${x}`, { defaultValue: x })).join('、')}）`).join('；') : t('gridCollection.detail.noMembers')}
                </div>
              </Space>
            </Card>
          )}
          {r.photos.length > 0 && (
            <Card title={t('gridCollection.detail.photos')}>
              <Image.PreviewGroup>
                <Space wrap>
                  {r.photos.map((p, i) => (
                    <Image key={p.id} src={p.url} width={120} height={120} style={{ objectFit: 'cover' }} alt={t('gridCollection.detail.photoAlt', { n: i + 1 })} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </Card>
          )}
          {wrong && (
            <FormModal<{ reason: string }>
              title={t('gridCollection.detail.wrong')}
              open
              okText={t('gridCollection.detail.ok')}
              onClose={() => setWrong(false)}
              submit={async (v) => {
                await check.mutateAsync({ outcome: 'wrong', reason: v.reason });
              }}
            >
              <Form.Item name="reason" label={t('gridCollection.detail.reason')} rules={[{ required: true, whitespace: true, max: REASON_MAX }]}>
                <Input.TextArea rows={3} maxLength={REASON_MAX} />
              </Form.Item>
            </FormModal>
          )}
          {spotting && (
            <FormModal<{ passed: boolean; note: string }>
              title={t('gridCollection.detail.spotCheck')}
              open
              okText={t('gridCollection.detail.ok')}
              initialValues={{ passed: true, note: '' }}
              onClose={() => setSpotting(false)}
              submit={async (v) => {
                await spot.mutateAsync({ passed: v.passed, note: v.note ?? '' });
                void message.success(t('gridCollection.detail.spotDone'));
              }}
            >
              <Form.Item name="passed" label={t('gridCollection.detail.spotCheck')} rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: true, label: t('gridCollection.detail.spotPassed') },
                    { value: false, label: t('gridCollection.detail.spotFailed') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label={t('gridCollection.detail.spotNote')} rules={[{ max: REASON_MAX }]}>
                <Input.TextArea rows={2} maxLength={REASON_MAX} />
              </Form.Item>
            </FormModal>
          )}
        </>
      )}
    </QueryView>
  );
}
