import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

// 信息更正's strings, with the menu (the menu entry and the home's to-do name it): `correction.*`.
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
