import { AlertOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The events part's workbench pages (网格事件, 上报, 详情; 执法进小区; 联合巡查) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/events', lazy: page(() => import('./pages/EventsPage.tsx'), 'EventsPage') },
      { path: 'grid/events/new', lazy: page(() => import('./pages/ReportEventPage.tsx'), 'ReportEventPage') },
      { path: 'grid/events/:id', lazy: page(() => import('./pages/EventPage.tsx'), 'EventPage') },
    ],
    menu: (t, me) => (holds(me, GRID_ROLES.eventsRead) ? { key: '/grid/events', icon: <AlertOutlined />, label: t('gridEvents.menu.title') } : null),
  },
  {
    routes: [{ path: 'grid/liaisons', lazy: page(() => import('./pages/LiaisonsPage.tsx'), 'LiaisonsPage') }],
    menu: (t, me) => (holds(me, GRID_ROLES.eventsRead) ? { key: '/grid/liaisons', icon: <SafetyCertificateOutlined />, label: t('gridEvents.menu.liaisons') } : null),
  },
  {
    routes: [{ path: 'grid/patrols', lazy: page(() => import('./pages/PatrolsPage.tsx'), 'PatrolsPage') }],
    menu: (t, me) => (holds(me, GRID_ROLES.eventsRead) ? { key: '/grid/patrols', icon: <TeamOutlined />, label: t('gridEvents.menu.patrols') } : null),
  },
];
