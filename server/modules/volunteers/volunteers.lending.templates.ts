import type { ModulePart } from '../../kernel/module-parts.ts';

const label = { zh: '工具图书借用', en: 'Tool and book loans' };

/** What the lending part tells residents: a request to the owner, the owner's answer, and an overdue reminder. */
export const lendingTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.lending.requested',
    title: { zh: '有邻居想借您的「{title}」', en: 'A neighbour asks to borrow "{title}"' },
    body: { zh: '{borrower}申请借用您发布的「{title}」，请在“我的出借”中同意或婉拒。', en: '{borrower} asks to borrow your "{title}". Lend it or decline under My lending.' },
    link: '/h5/volunteers/lending/mine',
    label,
  },
  {
    key: 'volunteers.lending.lent',
    title: { zh: '「{title}」已同意借给您', en: '"{title}" is lent to you' },
    body: { zh: '物主已同意借出「{title}」，请于 {due} 前归还。', en: 'The owner lends you "{title}". Please return it by {due}.' },
    link: '/h5/volunteers/lending/mine',
    label,
  },
  {
    key: 'volunteers.lending.declined',
    title: { zh: '「{title}」的借用申请未获同意', en: 'Your request for "{title}" was declined' },
    body: { zh: '物主暂不能借出「{title}」。{reason}', en: 'The owner cannot lend "{title}" now. {reason}' },
    link: '/h5/volunteers/lending',
    label,
  },
  {
    key: 'volunteers.lending.overdue',
    title: { zh: '借用的「{title}」已逾期', en: '"{title}" is overdue' },
    body: { zh: '您借用的「{title}」应于 {due} 归还，已逾期 {days} 天，请尽快归还物主。', en: '"{title}" was due back on {due} and is {days} day(s) overdue. Please return it to its owner soon.' },
    link: '/h5/volunteers/lending/mine',
    label,
  },
];
