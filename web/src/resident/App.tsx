import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import zhCNLocale from 'antd-mobile/es/locales/zh-CN.js';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { loadWithEnglish } from '../shared/i18n.ts';
import { interopDefault } from '../shared/interop.ts';
import { createQueryClient } from '../shared/query-client.ts';
import { residentRoutes } from './routes.tsx';

const queryClient = createQueryClient();
// The server hands /h5/* to this shell; the router works below that prefix.
const router = createBrowserRouter(residentRoutes, { basename: '/h5' });
const zhCN = interopDefault(zhCNLocale);
// antd-mobile's English comes with the English texts, when someone picks English.
let enUS: typeof zhCN | undefined;
loadWithEnglish(async () => {
  enUS = interopDefault((await import('antd-mobile/es/locales/en-US.js')).default);
});

export function ResidentApp() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? (enUS ?? zhCN) : zhCN}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </QueryClientProvider>
  );
}
