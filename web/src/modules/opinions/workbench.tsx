import { CommentOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import type { WorkbenchModule } from '../../workbench/manifest.ts';

/** The opinions pages of the staff workbench. */
export const opinionRoutes: RouteObject[] = [
  { path: 'opinions', lazy: page(() => import('./pages/OpinionsInboxPage.tsx'), 'OpinionsInboxPage') },
  { path: 'opinions/:id', lazy: page(() => import('./pages/OpinionPage.tsx'), 'OpinionPage') },
];

/** The 议事协商 group of the workbench menu (deliberations and votes join it later). */
export const opinionsMenu = (t: TFunction): Required<MenuProps>['items'][number] => ({
  type: 'group',
  key: 'decisions',
  label: t('menu.group.decisions'),
  children: [{ key: '/opinions', icon: <CommentOutlined />, label: t('menu.opinions') }],
});

export const workbench: WorkbenchModule = { name: 'opinions', order: 20, routes: opinionRoutes, menu: opinionsMenu };
