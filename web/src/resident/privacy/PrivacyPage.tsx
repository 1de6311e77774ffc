import { Button, Checkbox, Dialog, Empty, List, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { BackTitle } from '../BackTitle.tsx';
import {
  type CorrectionField,
  PERSONAL_DATA_URL,
  useCloseAccount,
  useConsent,
  useMyConsent,
  useMyCorrections,
  usePiiReads,
  usePrivacyNotice,
  useRequestCorrection,
} from './privacy-api.ts';

const FIELDS: CorrectionField[] = ['name', 'phone', 'id_number', 'household', 'other'];


/** 个人信息: the privacy notice and my consent, download my data, who looked at my full numbers, close my account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const notice = usePrivacyNotice();
  const consent = useMyConsent();
  const reads = usePiiReads();
  const agree = useConsent();
  const close = useCloseAccount();
  const [sensitive, setSensitive] = useState(false);
  const corrections = useMyCorrections();
  const requestCorrection = useRequestCorrection();
  const [field, setField] = useState<CorrectionField>('name');
  const [text, setText] = useState('');
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
            <p>{t(c.sensitive ? 'privacy.consentedWithSensitive' : 'privacy.consented', { at: c.consentedAt ? formatDateTime(c.consentedAt) : '' })}</p>
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
          <List.Item key={i} description={formatDateTime(r.at)}>
            {r.roles.map((g) => `${g.place} · ${g.label}`).join('；') || t('privacy.unknownRole')}
            {' — '}
            {t(r.action === 'repairs.order.contact_read' ? 'privacy.readContact' : 'privacy.readPerson')}
          </List.Item>
        ))}
      </List>
      <List header={t('privacy.correction.title')}>
        {corrections.data?.items.map((c) => (
          <List.Item key={c.id} description={c.answer ? t('privacy.correction.answer', { answer: c.answer }) : t('privacy.correction.open')}>
            {t(`privacy.correction.field.${c.field}`)}：{c.request}
          </List.Item>
        ))}
      </List>
      <div className="gz-padded">
        <p className="gz-profile-sub">{t('privacy.correctionHint')}</p>
        <Selector
          options={FIELDS.map((f) => ({ label: t(`privacy.correction.field.${f}`), value: f }))}
          value={[field]}
          onChange={(v) => v[0] && setField(v[0])}
        />
        <TextArea value={text} onChange={setText} maxLength={500} rows={3} placeholder={t('privacy.correction.placeholder')} />
        <Button
          block
          disabled={!text.trim()}
          loading={requestCorrection.isPending}
          onClick={() =>
            requestCorrection.mutate(
              { field, request: text.trim() },
              { onSuccess: () => (setText(''), Toast.show({ icon: 'success', content: t('privacy.correction.sent') })), onError: fail },
            )
          }
        >
          {t('privacy.correction.send')}
        </Button>
      </div>
      <div className="gz-padded">
        <Button block size="large" color="danger" fill="outline" onClick={closeAccount} loading={close.isPending}>
          {t('privacy.close.title')}
        </Button>
      </div>
    </>
  );
}
