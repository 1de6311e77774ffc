import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** What rectification notices tell the other side (kernel/notify). Links open the notice on the workbench. */
export const RECTIFICATION_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'supervision.notice_issued',
    label: { zh: '收到整改通知单', en: 'Rectification notices received' },
    title: { zh: '整改通知单 {no}：{title}', en: 'Rectification notice {no}: {title}' },
    body: {
      zh: '{issuer}向{company}下发整改通知单，{compound}「{title}」，请于 {deadline} 前整改并回复。',
      en: '{issuer} issued a rectification notice to {company}: "{title}" at {compound}. Fix it and answer by {deadline}.',
    },
    wechat: { thing1: '{title}', time2: '{deadline}' },
    link: '/supervision/notices/{id}',
  },
  {
    key: 'supervision.notice_responded',
    label: { zh: '整改回复待核验', en: 'Rectification answers to verify' },
    title: { zh: '{company}已回复整改通知单 {no}', en: '{company} answered notice {no}' },
    body: { zh: '{compound}「{title}」已提交整改情况和佐证材料，请核验。', en: 'The fix of "{title}" at {compound} was reported with its evidence: please verify it.' },
    wechat: { thing1: '{title}', phrase2: '待核验' },
    link: '/supervision/notices/{id}',
  },
  {
    key: 'supervision.notice_closed',
    label: { zh: '整改通知单销号', en: 'Rectification notices closed' },
    title: { zh: '整改通知单 {no} 已核验销号', en: 'Notice {no} verified and closed' },
    body: { zh: '{issuer}已核验{compound}「{title}」的整改情况，通知单销号。', en: '{issuer} verified the fix of "{title}" at {compound}: the notice is closed.' },
    wechat: { thing1: '{title}', phrase2: '已销号' },
    link: '/supervision/notices/{id}',
  },
  {
    key: 'supervision.notice_reissued',
    label: { zh: '整改通知单退回重改', en: 'Rectification notices sent back' },
    title: { zh: '整改通知单 {no} 需重新整改', en: 'Notice {no} sent back for another fix' },
    body: { zh: '{issuer}核验未通过{compound}「{title}」的整改，请于 {deadline} 前重新整改并回复。', en: '{issuer} did not accept the fix of "{title}" at {compound}: fix it again and answer by {deadline}.' },
    wechat: { thing1: '{title}', time2: '{deadline}' },
    link: '/supervision/notices/{id}',
  },
  {
    key: 'supervision.notice_escalated',
    label: { zh: '整改通知单逾期', en: 'Overdue rectification notices' },
    title: { zh: '整改通知单 {no} 逾期未整改', en: 'Notice {no} is overdue' },
    body: {
      zh: '{level}下发给{company}的整改通知单「{title}」（{compound}）已过整改期限 {deadline} 仍未回复，现提交上级督办。',
      en: 'The notice "{title}" ({compound}) to {company} passed its deadline {deadline} without an answer and is escalated to you.',
    },
    wechat: { thing1: '{title}', time2: '{deadline}' },
    link: '/supervision/notices/{id}',
  },
];
