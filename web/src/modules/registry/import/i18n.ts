import { addTranslations } from '../../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

// The import's own strings, added to the app's bundle under `import.*` (module-local, see CONTRIBUTING).
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
