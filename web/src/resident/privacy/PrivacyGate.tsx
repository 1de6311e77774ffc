import { Button, Checkbox, DotLoading, ErrorBlock, List, Toast } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../shared/session.ts';
import { LanguagePicker } from '../LanguagePicker.tsx';
import { useConsent, useMyConsent, usePrivacyNotice } from './privacy-api.ts';

/**
 * Before any H5 page: a resident who has not agreed to the privacy notice in force (never, or only to an
 * earlier version) reads it on a page of its own and agrees — the notice, and apart from it, optionally,
 * the processing of their ID number (PIPL art. 29). Until then no other page opens; the language and
 * signing out stay at hand. Staff-only accounts are not asked (the server says who is: `required`).
 */
export function PrivacyGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const consent = useMyConsent();
  if (consent.isPending) {
    return (
      <div className="gz-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (consent.isError) {
    return (
      <ErrorBlock status="default" title={t('error.title.500')} description={consent.error.message}>
        <Button color="primary" onClick={() => void consent.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  if (!consent.data.required || consent.data.consented) return <>{children}</>;
  return <PrivacyNoticePage updated={consent.data.updated} />;
}

function PrivacyNoticePage({ updated }: { updated: boolean }) {
  const { t } = useTranslation();
  const notice = usePrivacyNotice();
  const agree = useConsent();
  const logout = useLogout();
  const [sensitive, setSensitive] = useState(false);
  return (
    <main className="gz-privacy-gate" aria-labelledby="gz-privacy-gate-title">
      <div className="gz-padded">
        <h1 id="gz-privacy-gate-title" className="gz-privacy-gate-title">
          {t(updated ? 'privacy.gate.updatedTitle' : 'privacy.gate.title')}
        </h1>
        <p>{t(updated ? 'privacy.gate.updatedIntro' : 'privacy.gate.intro')}</p>
        <LanguagePicker />
      </div>
      {notice.isPending && (
        <div className="gz-center">
          <DotLoading color="primary" />
        </div>
      )}
      {notice.data && (
        <List header={`${notice.data.title}（${t('privacy.version', { version: notice.data.version })}）`}>
          {notice.data.sections.map(([title, text]) => (
            <List.Item key={title} description={text}>
              {title}
            </List.Item>
          ))}
        </List>
      )}
      <div className="gz-padded">
        <Checkbox checked={sensitive} onChange={setSensitive}>
          {t('privacy.sensitive')}
        </Checkbox>
        <p className="gz-profile-sub">{t('privacy.gate.sensitiveOptional')}</p>
        <Button
          block
          size="large"
          color="primary"
          disabled={!notice.data}
          loading={agree.isPending}
          onClick={() =>
            notice.data &&
            agree.mutate({ version: notice.data.version, sensitive }, { onError: (e) => Toast.show({ icon: 'fail', content: e.message }) })
          }
        >
          {t('privacy.gate.agree')}
        </Button>
        <Button block size="large" fill="none" style={{ marginTop: 8 }} loading={logout.isPending} onClick={() => logout.mutate()}>
          {t('auth.signOut')}
        </Button>
      </div>
    </main>
  );
}
