import { Button, Card, Dialog, ErrorBlock, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useClaimPost, useMyProjects, useWithdrawClaim } from '../api.ts';
import { Loaded } from '../../../../resident/Loaded.tsx';

/** 社区服务项目 (H5): the open projects and posts of the community I reported to (confirmed); 认领岗位 after a confirm. */
export function MyProjectsH5Page() {
  const { t } = useTranslation();
  const q = useMyProjects();
  const claim = useClaimPost();
  const withdraw = useWithdrawClaim();
  return (
    <>
      <BackTitle fallback="/party/reporting">{t('partyReporting.h5.projectsTitle')}</BackTitle>
      <Loaded q={q}>
        {(d) =>
          !d.confirmed ? (
            <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.notConfirmed')}>
              <Link to="/party/reporting">
                <Button color="primary">{t('partyReporting.h5.reportingTitle')}</Button>
              </Link>
            </ErrorBlock>
          ) : d.projects.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.noProjects', { community: d.communityName })} />
          ) : (
            <Space direction="vertical" block style={{ padding: 12 }}>
              <div style={{ color: 'var(--adm-color-weak)' }}>{t('partyReporting.h5.projectsIntro', { community: d.communityName, year: d.year })}</div>
              {d.projects.map((p) => (
                <Card key={p.id} title={p.title} extra={<span style={{ color: 'var(--adm-color-weak)' }}>{p.placeName}</span>}>
                  <div style={{ marginBottom: 8 }}>{p.description}</div>
                  {p.posts.map((post) => {
                    const full = post.claimed >= post.slots;
                    return (
                      <div key={post.id} data-testid="party-post" style={{ borderTop: '1px solid var(--adm-color-border)', padding: '8px 0' }}>
                        <div style={{ fontWeight: 600 }}>{post.title}</div>
                        <div style={{ color: 'var(--adm-color-weak)' }}>{t('partyReporting.h5.postFacts', { claimed: post.claimed, slots: post.slots, pph: post.pointsPerHour })}</div>
                        {post.myClaimId ? (
                          <Space align="center">
                            <Tag color="success">{t('partyReporting.h5.claimed')}</Tag>
                            <Button
                              size="mini"
                              onClick={async () => {
                                if (!(await Dialog.confirm({ content: t('partyReporting.h5.withdrawClaimConfirm', { post: post.title }), confirmText: t('partyReporting.h5.withdrawClaim'), cancelText: t('common.cancel') }))) return;
                                await withdraw.mutateAsync(post.myClaimId!);
                              }}
                            >
                              {t('partyReporting.h5.withdrawClaim')}
                            </Button>
                          </Space>
                        ) : (
                          <Button
                            color="primary"
                            size="small"
                            disabled={full}
                            onClick={async () => {
                              if (!(await Dialog.confirm({ content: t('partyReporting.h5.claimConfirm', { post: post.title }), confirmText: t('partyReporting.h5.claimOk'), cancelText: t('common.cancel') }))) return;
                              try {
                                await claim.mutateAsync(post.id);
                                Toast.show({ icon: 'success', content: t('partyReporting.h5.claimed') });
                              } catch (e) {
                                Toast.show({ icon: 'fail', content: (e as Error).message });
                              }
                            }}
                          >
                            {full ? t('partyReporting.h5.full') : t('partyReporting.h5.claimButton')}
                          </Button>
                        )}
                      </div>
                    );
                  })}
                </Card>
              ))}
            </Space>
          )
        }
      </Loaded>
    </>
  );
}
