import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The decisions module's resident (H5) texts, kept apart from the workbench's, merged when the H5 loads the module. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
