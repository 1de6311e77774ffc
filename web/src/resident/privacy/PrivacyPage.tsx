import { Button, Checkbox, Dialog, Empty, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../BackTitle.tsx';
import { PERSONAL_DATA_URL, useCloseAccount, useConsent, useMyConsent, usePiiReads, usePrivacyNotice } from './privacy-api.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 个人信息: the privacy notice and my consent, download my data, who looked at my full numbers, close my account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const notice = usePrivacyNotice();
  const consent = useMyConsent();
  const reads = usePiiReads();
  const agree = useConsent();
  const close = useCloseAccount();
  const [sensitive, setSensitive] = useState(false);
  const fail = (e: Error) => Toast.show({ icon: 'fail', content: e.message });
  const c = consent.data;

  const closeAccount = async () => {
    const sure = await Dialog.confirm({
      title: t('privacy.close.title'),
      content: t('privacy.close.consequences'),
      confirmText: t('privacy.close.confirm'),
      cancelText: t('common.cancel'),
    });
    if (sure) close.mutate(undefined, { onError: fail });
  };

  return (
    <>
      <BackTitle fallback="/me">{t('h5.profile')}</BackTitle>
      {notice.data && (
        <List header={`${notice.data.title}（${t('privacy.version', { version: notice.data.version })}）`}>
          {notice.data.sections.map(([title, text]) => (
            <List.Item key={title} description={text}>
              {title}
            </List.Item>
          ))}
        </List>
      )}
      {c && notice.data && (
        <div className="gz-padded">
          {c.consented ? (
            <p>{t(c.sensitive ? 'privacy.consentedWithSensitive' : 'privacy.consented', { at: c.consentedAt ? when(c.consentedAt) : '' })}</p>
          ) : (
            <p>{t('privacy.pleaseConsent')}</p>
          )}
          {(!c.consented || !c.sensitive) && (
            <>
              <Checkbox checked={sensitive} onChange={setSensitive}>
                {t('privacy.sensitive')}
              </Checkbox>
              <Button
                block
                color="primary"
                style={{ marginTop: 12 }}
                loading={agree.isPending}
                onClick={() => agree.mutate({ version: notice.data.version, sensitive }, { onError: fail })}
              >
                {t('privacy.agree')}
              </Button>
            </>
          )}
        </div>
      )}
      <List header={t('privacy.myData')}>
        <List.Item description={t('privacy.downloadHint')} onClick={() => window.location.assign(PERSONAL_DATA_URL)}>
          {t('privacy.download')}
        </List.Item>
      </List>
      <List header={t('privacy.whoLooked')}>
        {reads.data?.items.length === 0 && <Empty description={t('privacy.nobodyLooked')} />}
        {reads.data?.items.map((r, i) => (
          <List.Item key={i} description={when(r.at)}>
            {r.roles.map((g) => `${g.place} · ${g.label}`).join('；') || t('privacy.unknownRole')}
            {' — '}
            {t(r.action === 'repairs.order.contact_read' ? 'privacy.readContact' : 'privacy.readPerson')}
          </List.Item>
        ))}
      </List>
      <div className="gz-padded">
        <p className="gz-profile-sub">{t('privacy.correctionHint')}</p>
        <Button block size="large" color="danger" fill="outline" onClick={closeAccount} loading={close.isPending}>
          {t('privacy.close.title')}
        </Button>
      </div>
    </>
  );
}
