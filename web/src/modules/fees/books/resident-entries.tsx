import { FileOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The books part's H5 pages (账目公开: the months, a month, the way back from a question) and its tile on the 办事 tab. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees/books', lazy: page(() => import('./h5/MyBooksPage.tsx'), 'MyBooksPage') },
      { path: 'fees/books/:id', lazy: page(() => import('./h5/MyStatementPage.tsx'), 'MyStatementPage') },
      { path: 'fees/books/lines/:id', lazy: page(() => import('./h5/MyBookLinePage.tsx'), 'MyBookLinePage') },
    ],
    serviceTiles: [{ order: 14, to: '/fees/books', Icon: FileOutline, label: 'feesBooks.h5.tile', hint: 'feesBooks.h5.tileHint' }],
  },
];
