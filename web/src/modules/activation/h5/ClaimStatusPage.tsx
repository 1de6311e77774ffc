import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useMe } from '../../../shared/session.ts';
import { useMyActivation } from '../api.ts';
import { ActTitle } from './ActTitle.tsx';

const COLOR = { pending: 'warning', approved: 'success', activated: 'success', rejected: 'danger', superseded: 'default' } as const;

/** 认领进度: my claims and what became of them (a rejection shows the committee's reason). */
export function ClaimStatusPage() {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="gz-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!me.data) return <Navigate to="/login" replace />;
  return <ClaimStatus />;
}

function ClaimStatus() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyActivation();
  return (
    <div className="gz-act-page">
      <ActTitle back="/activate">{t('activation.h5.statusTitle')}</ActTitle>
      {mine.isPending ? (
        <div className="gz-center">
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={mine.error.message}>
          <Button color="primary" onClick={() => void mine.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : (
        <>
          {mine.data.claims.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('activation.h5.statusNone')} description="" />
          ) : (
            <List>
              {mine.data.claims.map((c) => (
                <List.Item
                  key={c.id}
                  description={
                    <>
                      <div>{formatDateTime(c.createdAt)}</div>
                      {c.status === 'rejected' && c.decisionNote && <div>{t('activation.h5.rejectedReason', { reason: c.decisionNote })}</div>}
                    </>
                  }
                  extra={<Tag color={COLOR[c.status]}>{t(`activation.h5.status.${c.status}`, { defaultValue: c.status })}</Tag>}
                >
                  <span className="gz-act-room-label">{c.roomLabel}</span>
                </List.Item>
              ))}
            </List>
          )}
          <div className="gz-act-actions">
            {mine.data.activated ? (
              <Button block color="primary" size="large" onClick={() => navigate('/', { replace: true })}>
                {t('activation.h5.toHome')}
              </Button>
            ) : (
              <Button block color="primary" size="large" onClick={() => navigate('/activate')}>
                {t('activation.h5.claimAgain')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
