import { FormOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { SURVEYS_ROLES } from '#server/modules/surveys/contract.ts';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [
  { path: 'surveys', lazy: page(() => import('./pages/SurveysPage.tsx'), 'SurveysPage') },
  { path: 'surveys/:id', lazy: page(() => import('./pages/SurveyPage.tsx'), 'SurveyPage') },
];

/** 问卷调查 in the 议事协商 group of the menu (the opinions module names it), for the roles that read results (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  if (!me.grants.some((g) => (SURVEYS_ROLES.readResults as readonly string[]).includes(g.role))) return null;
  return { type: 'group', key: 'decisions', label: t('menu.group.decisions'), children: [{ key: '/surveys', icon: <FormOutlined />, label: t('surveys.menu.surveys') }] };
}

export const workbench: WorkbenchModule = { name: 'surveys', order: 65, routes, menu };
