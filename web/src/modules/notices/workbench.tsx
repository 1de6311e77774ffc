import { NotificationOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import type { WorkbenchModule } from '../../workbench/manifest.ts';

/** The notices pages of the staff workbench. */
export const noticeRoutes: RouteObject[] = [
  { path: 'notices', lazy: page(() => import('./pages/NoticesPage.tsx'), 'NoticesPage') },
  { path: 'notices/new', lazy: page(() => import('./pages/NoticeEditorPage.tsx'), 'NewNoticePage') },
  { path: 'notices/:id', lazy: page(() => import('./pages/NoticePage.tsx'), 'NoticePage') },
  { path: 'notices/:id/edit', lazy: page(() => import('./pages/NoticeEditorPage.tsx'), 'EditNoticePage') },
];

/** The 信息发布 group of the workbench menu. */
export const noticesMenu = (t: TFunction): Required<MenuProps>['items'][number] => ({
  type: 'group',
  key: 'notices',
  label: t('menu.group.notices'),
  children: [{ key: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') }],
});

export const workbench: WorkbenchModule = { name: 'notices', order: 30, routes: noticeRoutes, menu: noticesMenu };
