import { DotLoading, ErrorBlock, List, Switch, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { useMyMembership, useSetBadge } from '../api.ts';

/** 我的党员身份: the member's organisation and joining date, and the Switch to show their identity on their posts. */
export function MyMembershipPage() {
  const { t } = useTranslation();
  const me = useMyMembership();
  const badge = useSetBadge();
  if (me.isPending) return <DotLoading />;
  if (me.isError) {
    const notMember = me.error instanceof ApiError && me.error.status === 403;
    return (
      <>
        <BackTitle fallback="/">{t('partyMembers.h5.title')}</BackTitle>
        <ErrorBlock status="empty" title={notMember ? t('partyMembers.h5.notMember') : t('partyMembers.h5.loadFailed')} description={notMember ? t('partyMembers.h5.notMemberHint') : ''} />
      </>
    );
  }
  const m = me.data;
  const toggle = async (on: boolean) => {
    try {
      await badge.mutateAsync({ public: on });
      Toast.show({ icon: 'success', content: on ? t('partyMembers.h5.shownToast') : t('partyMembers.h5.hiddenToast') });
    } catch (e) {
      Toast.show({ content: e instanceof ApiError ? e.message : t('partyMembers.h5.loadFailed') });
    }
  };
  return (
    <>
      <BackTitle fallback="/">{t('partyMembers.h5.title')}</BackTitle>
      <List header={m.personName}>
        <List.Item extra={t(`partyMembers.membership.${m.membership}`)}>{t('partyMembers.h5.membership')}</List.Item>
        <List.Item description={m.organisationName} data-testid="party-me-organisation">
          {m.membership === 'local' ? t('partyMembers.col.branch') : t('partyMembers.col.workplaceOrg')}
        </List.Item>
        <List.Item extra={m.joinedOn}>{t('partyMembers.col.joinedOn')}</List.Item>
      </List>
      <List header={t('partyMembers.h5.identity')}>
        <List.Item
          description={t('partyMembers.h5.badgeHint')}
          extra={<Switch aria-label={t('partyMembers.h5.badge')} checked={m.badgePublic} loading={badge.isPending} onChange={(on) => void toggle(on)} />}
        >
          {t('partyMembers.h5.badge')}
        </List.Item>
      </List>
    </>
  );
}
