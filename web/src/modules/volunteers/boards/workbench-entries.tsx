import { AuditOutlined, StopOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The boards part's workbench pages: the moderation queue 内容审核 and the street's banned words 敏感词. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'volunteers/moderation', lazy: page(() => import('./pages/ModerationPage.tsx'), 'ModerationPage') },
      { path: 'volunteers/banned-words', lazy: page(() => import('./pages/BannedWordsPage.tsx'), 'BannedWordsPage') },
    ],
    menu: (t, me) => (holds(me, VOLUNTEERS_ROLES.boardsRead) ? { key: '/volunteers/moderation', icon: <AuditOutlined />, label: t('volBoards.menu.moderation') } : null),
  },
  {
    menu: (t, me) => (holds(me, VOLUNTEERS_ROLES.boardsRead) ? { key: '/volunteers/banned-words', icon: <StopOutlined />, label: t('volBoards.menu.words') } : null),
  },
];
