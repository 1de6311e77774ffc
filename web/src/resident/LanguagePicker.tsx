import { Selector, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Language } from '../shared/i18n.ts';
import { useLanguagePicker } from '../shared/session.ts';

/** 中文 / English as two big buttons: no precise gestures needed. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const picker = useLanguagePicker((content) => Toast.show({ content }));
  return (
    <Selector<Language>
      aria-label={t('lang.switch')}
      columns={2}
      value={[picker.value]}
      showCheckMark={false}
      options={picker.options}
      onChange={(v) => v[0] && picker.pick(v[0])}
    />
  );
}
