import { Badge, Button, Dialog, List, Switch } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useUnread } from '../shared/notify-api.ts';
import { useTranslation } from 'react-i18next';
import { useMyHome } from '../modules/registry/index.ts';
import { useLogout, useSignedIn } from '../shared/session.ts';
import { useElderlyMode } from './elderly.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { PageTitle } from './PageTitle.tsx';
import { useMyConsent } from './privacy/privacy-api.ts';

/** 我的: who I am, language, elderly mode, sign out. */
export function MePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const home = useMyHome();
  const logout = useLogout();
  const [elderly, setElderly] = useElderlyMode(me.account);
  const navigate = useNavigate();
  const unread = useUnread();
  // A new privacy notice not yet agreed to is flagged here until the resident reads it.
  const consent = useMyConsent();

  const signOut = async () => {
    const sure = await Dialog.confirm({ content: t('h5.signOutConfirm'), confirmText: t('auth.signOut'), cancelText: t('common.cancel') });
    // The sign-in gate takes the page to the sign-in page once the session is gone.
    if (sure) logout.mutate();
  };

  return (
    <>
      <PageTitle>{t('h5.tab.me')}</PageTitle>
      <section className="gz-profile" aria-label={t('h5.profile')}>
        <div className="gz-avatar" aria-hidden>
          {me.account.name.slice(0, 1)}
        </div>
        <div>
          <div className="gz-profile-name">{me.account.name}</div>
          {home.data?.person?.phone && <div className="gz-profile-sub">{home.data.person.phone}</div>}
        </div>
      </section>
      <List>
        <List.Item
          onClick={() => navigate('/messages')}
          extra={unread.data ? <Badge content={unread.data} aria-label={t('notify.unread', { count: unread.data })} /> : undefined}
        >
          {t('notify.title')}
        </List.Item>
        <List.Item onClick={() => navigate('/messages/settings')}>{t('notify.settings')}</List.Item>
        <List.Item
          onClick={() => navigate('/me/privacy')}
          extra={consent.data && !consent.data.consented ? <Badge content={t('privacy.toConfirm')} /> : undefined}
        >
          {t('h5.profile')}
        </List.Item>
      </List>
      <List header={t('h5.settings')}>
        <List.Item
          description={t('h5.elderlyHint')}
          extra={<Switch checked={elderly} onChange={setElderly} aria-label={t('h5.elderly')} />}
        >
          {t('h5.elderly')}
        </List.Item>
        <List.Item description={<LanguagePicker />}>{t('lang.switch')}</List.Item>
      </List>
      <div className="gz-padded">
        <Button block size="large" color="danger" fill="outline" onClick={signOut} loading={logout.isPending}>
          {t('auth.signOut')}
        </Button>
      </div>
    </>
  );
}
