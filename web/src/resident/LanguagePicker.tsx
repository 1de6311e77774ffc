import { Selector, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../shared/i18n.ts';
import { useChangeLanguage } from '../shared/session.ts';

/** 中文 / English as two big buttons: no precise gestures needed. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const change = useChangeLanguage();
  return (
    <Selector<Language>
      aria-label={t('lang.switch')}
      columns={2}
      value={[currentLanguage()]}
      showCheckMark={false}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => {
        if (v[0]) change(v[0]).catch((err: Error) => Toast.show({ content: err.message }));
      }}
    />
  );
}
