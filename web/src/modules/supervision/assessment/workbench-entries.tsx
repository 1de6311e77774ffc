import { TrophyOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The assessment part's workbench pages (四色考评, its settings, evaluations, a compound's breakdown) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/assessment', lazy: page(() => import('./pages/AssessmentPage.tsx'), 'AssessmentPage') },
      { path: 'supervision/assessment/settings', lazy: page(() => import('./pages/SettingsPage.tsx'), 'SettingsPage') },
      { path: 'supervision/assessment/evaluations', lazy: page(() => import('./pages/EvaluationsPage.tsx'), 'EvaluationsPage') },
      { path: 'supervision/assessment/:period/:compoundId', lazy: page(() => import('./pages/CompoundAssessmentPage.tsx'), 'CompoundAssessmentPage') },
    ],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.assessmentRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/assessment', icon: <TrophyOutlined />, label: t('supervisionAssessment.menu.assessment') }] }
        : null,
  },
];
