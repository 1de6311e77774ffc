import { SafetyCertificateOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The credit part's workbench pages (企业信用, a company's credit, the formula, repair applications) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/credit', lazy: page(() => import('./pages/CreditPage.tsx'), 'CreditPage') },
      { path: 'supervision/credit/settings', lazy: page(() => import('./pages/CreditSettingsPage.tsx'), 'CreditSettingsPage') },
      { path: 'supervision/credit/repairs', lazy: page(() => import('./pages/CreditRepairsPage.tsx'), 'CreditRepairsPage') },
      { path: 'supervision/credit/companies/:companyId', lazy: page(() => import('./pages/CompanyCreditPage.tsx'), 'CompanyCreditPage') },
    ],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.creditRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/credit', icon: <SafetyCertificateOutlined />, label: t('supervisionCredit.menu.credit') }] }
        : null,
  },
];
