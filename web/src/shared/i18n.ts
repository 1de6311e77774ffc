import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { readStored, writeStored } from './storage.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language by its own name, in full and short (a language switch shows them in every language alike). */
export const LANGUAGE_NAMES: Record<Language, { full: string; short: string }> = { 'zh-CN': { full: '中文', short: '中文' }, en: { full: 'English', short: 'EN' } };

const LANG_KEY = 'gz.lang';
export const isLanguage = (v: unknown): v is Language => v === 'zh-CN' || v === 'en';

/** The language chosen on this device before or without signing in; zh-CN by default. */
export const storedLanguage = (): Language | null => {
  const v = readStored(LANG_KEY);
  return isLanguage(v) ? v : null;
};

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/**
 * The texts both shells use (sign-in, common words, errors); each shell adds its own (workbench/i18n.ts,
 * resident/i18n.ts) and each module its own.
 *
 * Chinese is the default and ships with the first load; English is fetched the first time someone
 * switches to it (each module registers its own English texts here), so a page's first load carries
 * one language, not two.
 */
type Texts = Record<string, unknown>;
const englishLoaders: (() => Promise<{ default: Texts }>)[] = [() => import('../i18n/en.json', { with: { type: 'json' } })];
let english: Promise<void> | null = null;
const addEnglish = (texts: Texts): void => void i18n.addResourceBundle('en', 'translation', texts, true, false);

/** A module's texts: Chinese now, English when (or if) it is needed. */
export function addTranslations(zh: Texts, loadEnglish: () => Promise<{ default: Texts }>): void {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  englishLoaders.push(loadEnglish);
  // A module that loads after English was fetched brings its own English along.
  if (english) english = english.then(async () => addEnglish((await loadEnglish()).default));
}

/** Something else only English needs (a component library's English locale), fetched with the texts. */
export function loadWithEnglish(load: () => Promise<void>): void {
  addTranslations({}, async () => {
    await load();
    return { default: {} };
  });
}

function loadEnglish(): Promise<void> {
  english ??= Promise.all(englishLoaders.map(async (load) => addEnglish((await load()).default))).then(() => {});
  return english;
}

/** Switches the interface language and remembers it on this device. */
export async function applyLanguage(lng: Language): Promise<void> {
  writeStored(LANG_KEY, lng);
  if (lng === 'en') await loadEnglish();
  document.documentElement.lang = lng;
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

// The language chosen on this device earlier (English comes a moment after the first paint).
if (storedLanguage() === 'en') void applyLanguage('en');

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

export default i18n;
