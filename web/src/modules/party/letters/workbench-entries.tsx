import { MailOutlined } from '@ant-design/icons';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The letters part's workbench pages (报到函件: the list, a letter) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'party/letters', lazy: page(() => import('./pages/LettersPage.tsx'), 'LettersPage') },
      { path: 'party/letters/:id', lazy: page(() => import('./pages/LetterPage.tsx'), 'LetterPage') },
    ],
    menu: (t, me) => (holds(me, PARTY_ROLES.lettersRead) ? { key: '/party/letters', icon: <MailOutlined />, label: t('partyLetters.menu.title') } : null),
  },
];
