import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** 委托投票, 送达 and 拨打: their texts (workbench and H5 alike), merged into the app's translations when first used. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
