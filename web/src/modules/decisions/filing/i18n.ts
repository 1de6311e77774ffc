import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** Filing's texts (备案): the decision page's card and the review page. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
