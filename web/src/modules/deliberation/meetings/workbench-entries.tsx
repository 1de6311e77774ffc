import { CalendarOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { MenuItem } from '../../../workbench/manifest.ts';
import type { WorkbenchEntry } from '../entries.ts';
import { mayMeetings } from './api.ts';
import './i18n.ts';

/** The joint meetings' workbench pages, spread into the deliberation module's routes. */
export const meetingRoutes: RouteObject[] = [
  { path: 'deliberation/meetings', lazy: page(() => import('./pages/MeetingsPage.tsx'), 'MeetingsPage') },
  { path: 'deliberation/meetings/waiting-items', lazy: page(() => import('./pages/WaitingItemsPage.tsx'), 'WaitingItemsPage') },
  { path: 'deliberation/meetings/schedules', lazy: page(() => import('./pages/SchedulesPage.tsx'), 'SchedulesPage') },
  { path: 'deliberation/meetings/:id', lazy: page(() => import('./pages/MeetingPage.tsx'), 'MeetingPage') },
];

/** Their menu entries (联席会议, 待上会议题 for those who convene, 例会安排), for whoever reads meetings. */
export function meetingMenuItems(t: TFunction, me: Me): NonNullable<MenuItem>[] {
  if (!mayMeetings(me, 'read')) return [];
  return [
    { key: '/deliberation/meetings', icon: <TeamOutlined />, label: t('deliberationMeetings.menu.meetings') },
    ...(mayMeetings(me, 'manage') ? [{ key: '/deliberation/meetings/waiting-items', icon: <InboxOutlined />, label: t('deliberationMeetings.menu.waiting') }] : []),
    { key: '/deliberation/meetings/schedules', icon: <CalendarOutlined />, label: t('deliberationMeetings.menu.schedules') },
  ];
}

/** The 议事协商 menu group with the meetings' entries (merged with the other modules' entries of that group by key). */
export function meetingsMenu(t: TFunction, me: Me): MenuItem | null {
  const children = meetingMenuItems(t, me);
  return children.length ? { type: 'group', key: 'decisions', label: t('menu.group.decisions'), children } : null;
}

/** The meetings' part of the deliberation module's workbench manifest (workbench.tsx spreads it in). */
export const workbenchEntries: WorkbenchEntry[] = [{ routes: meetingRoutes, menu: meetingsMenu }];
