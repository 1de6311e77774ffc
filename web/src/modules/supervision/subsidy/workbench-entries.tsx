import { MoneyCollectOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The subsidy part's workbench page (达标补贴: the quarter's compounds and amounts, the policy, the list) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [{ path: 'supervision/subsidy', lazy: page(() => import('./pages/SubsidyPage.tsx'), 'SubsidyPage') }],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.subsidyRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/subsidy', icon: <MoneyCollectOutlined />, label: t('supervisionSubsidy.menu.title') }] }
        : null,
  },
];
