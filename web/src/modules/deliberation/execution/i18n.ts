import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The texts of stages 4–6 (namespace `deliberationExecution`), merged into the app's translations when loaded. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
