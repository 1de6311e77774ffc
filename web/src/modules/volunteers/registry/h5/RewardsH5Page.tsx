import { Button, Dialog, DotLoading, ErrorBlock, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyRewards, useRedeem } from '../api.ts';
import '../i18n.ts';

/** 积分兑换 (H5): the rewards my community offers, with my balance; redeem one after confirming. */
export function RewardsH5Page() {
  const { t } = useTranslation();
  const q = useMyRewards();
  const redeem = useRedeem();
  const ask = async (r: { id: string; name: string; points: number }) => {
    const ok = await Dialog.confirm({ content: t('volRegistry.h5.redeemConfirm', { name: r.name, points: r.points }), confirmText: t('volRegistry.review.ok'), cancelText: t('volRegistry.review.cancel') });
    if (!ok) return;
    redeem.mutate(r.id, {
      onSuccess: (d) => void Toast.show({ icon: 'success', content: t('volRegistry.h5.redeemed', { name: d.rewardName, balance: d.balance }) }),
      onError: (e) => void Toast.show({ icon: 'fail', content: e.message }),
    });
  };
  return (
    <>
      <BackTitle fallback="/volunteers/me">{t('volRegistry.h5.rewards')}</BackTitle>
      {q.isLoading ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" description={q.error.message} />
      ) : q.data!.communities.length === 0 ? (
        <ErrorBlock status="empty" title={t('volRegistry.h5.rewardsOnlyVolunteers')} description="" />
      ) : (
        q.data!.communities.map((c) => (
          <List key={c.communityName} header={t('volRegistry.h5.rewardsOf', { community: c.communityName, balance: c.balance })}>
            {c.rewards.length === 0 && <List.Item>{t('volRegistry.rewards.none')}</List.Item>}
            {c.rewards.map((r) => (
              <List.Item
                key={r.id}
                description={`${r.description}${r.description ? ' · ' : ''}${t('volRegistry.h5.stockLeft', { stock: r.stock })}`}
                extra={
                  <Button size="middle" color="primary" disabled={r.stock === 0 || r.points > c.balance} loading={redeem.isPending && redeem.variables === r.id} onClick={() => ask(r)}>
                    {t('volRegistry.h5.redeem', { points: r.points })}
                  </Button>
                }
              >
                {r.name}
              </List.Item>
            ))}
          </List>
        ))
      )}
    </>
  );
}
