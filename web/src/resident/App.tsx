import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUSLocale from 'antd-mobile/es/locales/en-US.js';
import zhCNLocale from 'antd-mobile/es/locales/zh-CN.js';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { interopDefault } from '../shared/interop.ts';
import { createQueryClient } from '../shared/query-client.ts';
import { residentRoutes } from './routes.tsx';

const queryClient = createQueryClient();
// The server hands /h5/* to this shell; the router works below that prefix.
const router = createBrowserRouter(residentRoutes, { basename: '/h5' });
const enUS = interopDefault(enUSLocale);
const zhCN = interopDefault(zhCNLocale);

export function ResidentApp() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </QueryClientProvider>
  );
}
