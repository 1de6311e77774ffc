import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNLocale from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { loadWithEnglish } from '../shared/i18n.ts';
import { interopDefault } from '../shared/interop.ts';
import { createQueryClient } from '../shared/query-client.ts';
import { workbenchRoutes } from './routes.tsx';

const queryClient = createQueryClient();
const zhCN = interopDefault(zhCNLocale);
// antd's English comes with the English texts, when someone picks English (and dayjs's English is built in).
let enUS: Locale | undefined;
loadWithEnglish(async () => {
  enUS = interopDefault((await import('antd/locale/en_US.js')).default);
});
const router = createBrowserRouter(workbenchRoutes);

/** Party red as the brand colour, as 红色物业 platforms use it; danger stays antd's brighter red. */
const theme: ThemeConfig = {
  token: { colorPrimary: '#b8292f', colorLink: '#b8292f', borderRadius: 6 },
};

export function WorkbenchApp() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
  }, [en]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={en ? (enUS ?? zhCN) : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
