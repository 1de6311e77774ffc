import { Button, Card, Dialog, ErrorBlock, Form, Radio, Space, Steps, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { type MyReporting, useMyReporting, useSubmitMemberReport, useWithdrawMemberReport } from '../api.ts';
import { Loaded } from '../../../../resident/Loaded.tsx';

type Report = MyReporting['reports'][number];

/** One report as a timeline: submitted → the community's decision (待社区确认 / 已确认 / 已退回 with the reason). */
function Timeline({ r }: { r: Report }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawMemberReport();
  const last =
    r.status === 'pending'
      ? { title: t('partyReporting.h5.status.pending'), status: 'process' as const }
      : r.status === 'confirmed'
        ? { title: t('partyReporting.h5.status.confirmed'), status: 'finish' as const, description: formatDate(r.decidedAt) }
        : r.status === 'rejected'
          ? { title: t('partyReporting.h5.status.rejected'), status: 'error' as const, description: `${formatDate(r.decidedAt)} ${t('partyReporting.h5.reason', { reason: r.decisionNote ?? '' })}` }
          : { title: t('partyReporting.h5.status.withdrawn'), status: 'wait' as const };
  return (
    <Card title={r.communityName} data-testid="party-report" data-status={r.status}>
      <Steps direction="vertical" current={1}>
        <Steps.Step title={t('partyReporting.h5.submitted')} status="finish" description={`${formatDate(r.reportedAt)} ${r.skills ? t('partyReporting.h5.skillsAre', { skills: r.skills }) : ''}`} />
        <Steps.Step title={last.title} status={last.status} description={last.description} />
      </Steps>
      {r.status === 'pending' && (
        <Button
          size="small"
          onClick={async () => {
            if (!(await Dialog.confirm({ content: t('partyReporting.h5.withdrawConfirm'), confirmText: t('partyReporting.withdraw'), cancelText: t('common.cancel') }))) return;
            await withdraw.mutateAsync(r.id);
          }}
        >
          {t('partyReporting.withdraw')}
        </Button>
      )}
    </Card>
  );
}

/** 我的双报到 (H5): an employed member reports to the community where they live, with their skills, and follows it. */
export function MyReportingH5Page() {
  const { t } = useTranslation();
  const q = useMyReporting();
  const submit = useSubmitMemberReport();
  const [open, setOpen] = useState(false);
  return (
    <>
      <BackTitle fallback="/">{t('partyReporting.h5.reportingTitle')}</BackTitle>
      <Loaded q={q}>
        {(d) =>
          !d.member ? (
            <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.notMember')} />
          ) : d.member.membership !== 'employed' ? (
            <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.localMember')} />
          ) : (
            <Space direction="vertical" block style={{ padding: 12 }}>
              <div style={{ color: 'var(--adm-color-weak)' }}>{t('partyReporting.h5.explain')}</div>
              {d.canReport && !open && (
                <Button color="primary" block size="large" onClick={() => setOpen(true)}>
                  {t('partyReporting.h5.reportButton')}
                </Button>
              )}
              {d.canReport && open && (
                <Form
                  layout="vertical"
                  initialValues={{ communityId: d.communities[0]?.id }}
                  onFinish={async (v: { communityId: string; skills?: string; note?: string }) => {
                    await submit.mutateAsync({ communityId: v.communityId, skills: v.skills ?? '', note: v.note });
                    Toast.show({ content: t('partyReporting.h5.reported') });
                    setOpen(false);
                  }}
                  footer={
                    <Button block type="submit" color="primary" size="large" loading={submit.isPending}>
                      {t('partyReporting.report.submit')}
                    </Button>
                  }
                >
                  <Form.Item name="communityId" label={t('partyReporting.report.community')} rules={[{ required: true }]}>
                    <Radio.Group>
                      <Space direction="vertical">
                        {d.communities.map((c) => (
                          <Radio key={c.id} value={c.id}>
                            {c.name}
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                  </Form.Item>
                  <Form.Item name="skills" label={t('partyReporting.col.skills')} help={t('partyReporting.h5.skillsHelp')}>
                    <TextArea rows={3} maxLength={200} showCount placeholder={t('partyReporting.h5.skillsPlaceholder')} />
                  </Form.Item>
                </Form>
              )}
              {d.member && d.communities.length === 0 && <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.noHome')} />}
              {d.reports.map((r) => (
                <Timeline key={r.id} r={r} />
              ))}
              {d.reports.some((r) => r.status === 'confirmed') && (
                <Space direction="vertical" block>
                  <Link to="/party/projects">
                    <Button block>{t('partyReporting.h5.projectsTitle')}</Button>
                  </Link>
                  <Link to="/party/service">
                    <Button block>{t('partyReporting.h5.serviceTitle')}</Button>
                  </Link>
                </Space>
              )}
            </Space>
          )
        }
      </Loaded>
    </>
  );
}
