import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The gates part's texts (namespace `devicesGates`), for the workbench and the H5. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
