import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../shared/i18n.ts';
import { useChangeLanguage } from '../../shared/session.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const change = useChangeLanguage();
  const { message } = App.useApp();
  return (
    <Segmented<Language>
      aria-label={t('lang.switch')}
      size="small"
      value={currentLanguage()}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(lng) => change(lng).catch((err: Error) => message.error(err.message))}
    />
  );
}
