import { booksRoutes } from './fees.books.routes.ts';
import { seedBooks } from './fees.books.seed.ts';
import type { FeesPart } from './fees.part.ts';
import { booksStaffHome } from './use-cases/books-staff-home.ts';

/**
 * The books part of the fees module (see fees.part.ts): 信托制 open books — the compound's contract setting for
 * the company's remuneration, monthly statements of every income and expense with vouchers and basis, confirmed
 * by the owners' committee and the company, published to the compound's owners, questioned line by line through
 * the opinions module.
 */
export const booksPart: FeesPart = {
  routes: booksRoutes,
  templates: [
    {
      key: 'fees.books_published',
      label: { zh: '小区账目公开', en: 'Open books of my compound' },
      title: { zh: '{compound} {month} 账目已公开', en: 'The {month} books of {compound} are published' },
      body: {
        zh: '{compound} {month} 的物业服务收支账目经业委会和物业公司双方确认后公开：收入 {income} 元，支出 {expense} 元。每一笔都附凭证，有疑问可在账目中提出。',
        en: 'The {month} income and expense of {compound}, confirmed by the owners committee and the company, are published: income {income} yuan, expense {expense} yuan. Every line has its voucher; question any line there.',
      },
      wechat: { thing1: '{compound} {month} 账目公开', amount2: '{income}元', amount3: '{expense}元' },
      link: '/h5/fees/books/{id}',
    },
  ],
  staffHome: booksStaffHome,
  seed: seedBooks,
};
