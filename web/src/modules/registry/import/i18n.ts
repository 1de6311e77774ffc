import i18n from '../../../shared/i18n.ts';
import en from './i18n/en.json' with { type: 'json' };
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

// The import's own strings, added to the app's bundle under `import.*` (module-local, see CONTRIBUTING).
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
