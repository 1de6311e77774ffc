import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The owners' committee elections' texts (workbench and H5 alike), merged into the app's translations when an election component loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
