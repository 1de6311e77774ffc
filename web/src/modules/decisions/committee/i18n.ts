import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** 业委会选举, 加装电梯 and 备案 (Decisions 4/4): their texts, workbench and H5 alike, merged in when first used. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
