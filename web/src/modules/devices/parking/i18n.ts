import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The parking part's texts (namespace `devicesParking`), for the workbench and the H5. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
