import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The ledger's texts (receipts, the public board, the evidence bundle), workbench and H5 alike. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
