import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The paper ballots' texts (workbench and H5 alike), merged into the app's translations when a paper component loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
