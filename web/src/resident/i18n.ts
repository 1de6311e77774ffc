import { addTranslations } from '../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The resident H5's own texts, which the workbench never loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
