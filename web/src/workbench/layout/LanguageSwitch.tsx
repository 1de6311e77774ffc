import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n.ts';
import { useLanguagePicker } from '../../shared/session.ts';

/** 中文 / EN, small, in the header and on the sign-in page. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const picker = useLanguagePicker((text) => void message.error(text), 'short');
  return <Segmented<Language> aria-label={t('lang.switch')} size="small" value={picker.value} options={picker.options} onChange={picker.pick} />;
}
