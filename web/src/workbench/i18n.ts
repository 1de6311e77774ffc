import { addTranslations } from '../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The workbench's own texts (menus, the registry's forms, approvals, audit), which the resident H5 never loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
