import { BarChartOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../../../shared/session.ts';
import { page } from '../../../shared/lazy-page.ts';
import { mayDecisions } from '../api.ts';
import './i18n.ts';

/** The election pages of the workbench: the reviewer's queue, the street's vetting departments, the report. */
export const electionRoutes: RouteObject[] = [
  { path: 'decisions/vetting/queue', lazy: page(() => import('./pages/VettingQueuePage.tsx'), 'VettingQueuePage') },
  { path: 'decisions/vetting/departments', lazy: page(() => import('./pages/VettingDepartmentsPage.tsx'), 'VettingDepartmentsPage') },
  { path: 'decisions/elections/report', lazy: page(() => import('./pages/ElectionsReportPage.tsx'), 'ElectionsReportPage') },
];

const hasRole = (me: Me, role: string) => me.grants.some((g) => g.role === role);

/**
 * Their menu entries: 候选人联审 for department reviewers and the street (anyone else who reviews finds an empty
 * queue), 联审部门 for the street official who configures them, the report for whoever reads decisions.
 */
export function electionMenuItems(t: TFunction, me: Me): NonNullable<Required<MenuProps>['items'][number]>[] {
  const items: NonNullable<Required<MenuProps>['items'][number]>[] = [];
  if (hasRole(me, 'department_reviewer') || mayDecisions(me, 'read'))
    items.push({ key: '/decisions/vetting/queue', icon: <SafetyCertificateOutlined />, label: t('decisionsElection.menu.queue') });
  if (hasRole(me, 'street_official')) items.push({ key: '/decisions/vetting/departments', icon: <TeamOutlined />, label: t('decisionsElection.menu.departments') });
  if (mayDecisions(me, 'read')) items.push({ key: '/decisions/elections/report', icon: <BarChartOutlined />, label: t('decisionsElection.menu.report') });
  return items;
}
