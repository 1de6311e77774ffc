import { addTranslations } from '../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The dashboards module's texts, merged into the app's translations when the module loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
