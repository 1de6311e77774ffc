import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { readStored, writeStored } from './storage.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANG_KEY = 'gz.lang';
export const isLanguage = (v: unknown): v is Language => v === 'zh-CN' || v === 'en';

/** The language chosen on this device before or without signing in; zh-CN by default. */
export const storedLanguage = (): Language | null => {
  const v = readStored(LANG_KEY);
  return isLanguage(v) ? v : null;
};

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Switches the interface language and remembers it on this device. */
export function applyLanguage(lng: Language): void {
  writeStored(LANG_KEY, lng);
  document.documentElement.lang = lng;
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

export default i18n;
