import type { Ctx } from '../../kernel/context.ts';
import { arrearsFigures } from './fees.arrears.figures.ts';
import { receiptCheckPage } from './fees.arrears.public.ts';
import { arrearsRoutes } from './fees.arrears.routes.ts';
import { seedArrears } from './fees.arrears.seed.ts';
import type { FeesPart } from './fees.part.ts';
import { holdsAnywhere } from './fees.policy.ts';
import { listInvoices } from './use-cases/invoice-requests.ts';
import { receiptVoidApproval } from './use-cases/void-receipt.ts';

/**
 * The arrears part of the fees module (see fees.part.ts): receipts after issue (PDF, public check, void with a
 * second approver), tax-invoice requests, arrears by ageing band, reminder batches, arrears cases, and the
 * collection-rate figures.
 */
export const arrearsPart: FeesPart = {
  routes: arrearsRoutes,
  approvals: [receiptVoidApproval],
  publicPages: [receiptCheckPage],
  figures: arrearsFigures,
  templates: [
    {
      key: 'fees.arrears_reminder',
      label: { zh: '物业费催缴', en: 'Property fee reminders' },
      title: { zh: '物业费缴费提醒', en: 'Property fees overdue' },
      body: {
        zh: '{room} 尚有物业费 {amount} 元未缴（最久逾期 {months} 个月），请在“我的账单”中缴纳。如已缴纳请忽略。',
        en: '{room} owes {amount} yuan of property fees (the oldest {months} months overdue). Please pay under "My bills"; ignore this if you have paid.',
      },
      sms: { zh: '您的房屋 {room} 尚有物业费 {amount} 元未缴，请登录共治平台“我的账单”缴纳，已缴请忽略。', en: '{room} owes {amount} yuan of property fees. Please pay under "My bills" on Gongzhi; ignore if paid.' },
      wechat: { thing1: '{room}', amount2: '{amount}元', thing3: '物业费逾期未缴' },
      link: '/h5/fees/bills',
    },
  ],
  staffHome: async (ctx: Ctx) => {
    if (!holdsAnywhere(ctx.actor, 'bill')) return {};
    // The same use case as the list the to-do opens, so the count is its total.
    const open = await listInvoices(ctx, { page: 1, pageSize: 1, status: 'requested', sort: 'requestedAt', order: 'desc' });
    return { todos: [{ key: 'feesInvoiceRequests', count: open.total, link: '/fees/invoices?status=requested' }] };
  },
  seed: seedArrears,
};
