import { AccountBookOutlined } from '@ant-design/icons';
import { BOOKS_ROLES } from '#server/modules/fees/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The books part's workbench pages (信托账目 list and a statement's editor) and its menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'fees/books', lazy: page(() => import('./pages/BooksPage.tsx'), 'BooksPage') },
      // The same list under the API's path: the workbench home's to-do links there (its count is that list's total).
      { path: 'fees/books/statements', lazy: page(() => import('./pages/BooksPage.tsx'), 'BooksPage') },
      { path: 'fees/books/:id', lazy: page(() => import('./pages/StatementPage.tsx'), 'StatementPage') },
    ],
    menu: (t, me) =>
      holds(me, BOOKS_ROLES.read) ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children: [{ key: '/fees/books', icon: <AccountBookOutlined />, label: t('feesBooks.menu.books') }] } : null,
  },
];
