import { AppstoreOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { page } from '../../shared/lazy-page.ts';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import { mayDeliberation } from './api.ts';
import type { WorkbenchEntry } from './entries.ts';
import { workbenchEntries as executionEntries } from './execution/workbench-entries.tsx';
import { workbenchEntries as meetingsEntries } from './meetings/workbench-entries.tsx';
import './i18n.ts';

/** The items' own pages (stages 1–3) and menu entries; the meetings' and the execution's parts add theirs. */
const itemEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'deliberation/board', lazy: page(() => import('./pages/BoardPage.tsx'), 'BoardPage') },
      { path: 'deliberation/items', lazy: page(() => import('./pages/ItemsPage.tsx'), 'ItemsPage') },
      { path: 'deliberation/items/:id', lazy: page(() => import('./pages/ItemPage.tsx'), 'ItemPage') },
      { path: 'deliberation/settings', lazy: page(() => import('./pages/SettingsPage.tsx'), 'SettingsPage') },
    ],
    menu: (t, me) =>
      mayDeliberation(me, 'read')
        ? { type: 'group', key: 'decisions', label: t('menu.group.decisions'), children: [
            { key: '/deliberation/board', icon: <AppstoreOutlined />, label: t('deliberation.menu.board') },
            { key: '/deliberation/items', icon: <UnorderedListOutlined />, label: t('deliberation.menu.items') },
            { key: '/deliberation/settings', icon: <SettingOutlined />, label: t('deliberation.menu.settings') },
          ] }
        : null,
  },
];

const entries: WorkbenchEntry[] = [...itemEntries, ...meetingsEntries, ...executionEntries];

const routes: RouteObject[] = entries.flatMap((e) => e.routes ?? []);

/** The 议事协商 group of the menu (shared with owners' decisions, merged by its key): every part's entries for `me`. */
function deliberationMenu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'decisions', label: t('menu.group.decisions'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'deliberation', order: 65, routes, menu: deliberationMenu };
