import type { NotificationTemplate } from '../../kernel/notify/notify.ts';
import { FILING_NOTIFICATIONS } from './filing.notifications.ts';

/** What decisions says to owners and organisers (kernel/notify). Links lead to the H5 decision or the workbench page. */
export const DECISIONS_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'decisions.roll_published',
    label: { zh: '表决名册公示', en: 'Roll published for objections' },
    title: { zh: '表决名册已公示：{title}', en: 'Roll published: {title}' },
    body: { zh: '请核对您的房屋和面积，如有异议请于 {until} 前提出。', en: 'Check your rooms and areas; object by {until} if something is wrong.' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.opened',
    label: { zh: '业主表决开始', en: 'Voting opened' },
    title: { zh: '业主表决开始：{title}', en: 'Voting is open: {title}' },
    body: { zh: '请在 {until} 前投票。', en: 'Please vote by {until}.' },
    sms: { zh: '业主表决“{title}”已开始，请于 {until} 前登录共治投票。', en: 'Owners’ vote "{title}" is open: vote on Gongzhi by {until}.' },
    wechat: { thing1: '{title}', time2: '{until}' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.extended',
    label: { zh: '表决延期', en: 'Voting extended' },
    title: { zh: '表决延期：{title}', en: 'Voting extended: {title}' },
    body: { zh: '表决截止时间延至 {until}。', en: 'Voting now closes on {until}.' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.ballot_code',
    label: { zh: '投票验证码', en: 'Ballot code' },
    title: { zh: '投票验证码', en: 'Ballot code' },
    body: { zh: '验证码 {code}', en: 'Code {code}' },
    sms: { zh: '您的投票确认验证码为 {code}，5 分钟内有效。请勿告诉他人。', en: 'Your ballot confirmation code is {code}, valid for 5 minutes. Do not share it.' },
  },
  {
    key: 'decisions.ballot_recorded',
    label: { zh: '选票已计入', en: 'Ballot recorded' },
    title: { zh: '您的房屋已投票：{title}', en: 'A ballot was cast for your home: {title}' },
    body: {
      zh: '一张{how}已为您的房屋计入，回执码 {receipt}，可在表决公示板核对。如非本人、共有人代表或您委托的人所投，请立即联系业委会或社区。',
      en: "A ballot cast {howEn} now counts for your home (receipt {receipt}: check it on the public board). If neither you, your co-owners' representative nor your proxy cast it, tell the owners' committee or the community at once.",
    },
    sms: {
      zh: '业主表决“{title}”：一张{how}已为您的房屋计入，回执码 {receipt}。如非本人或您委托的人所投，请立即联系业委会或社区。',
      en: 'Owners’ vote "{title}": a ballot cast {howEn} now counts for your home, receipt {receipt}. If you did not cast it, tell the owners’ committee at once.',
    },
    wechat: { thing1: '{title}', thing2: '{how}已计入' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.receipt_reported',
    label: { zh: '业主报告回执不符', en: 'Receipt mismatch reported' },
    title: { zh: '业主报告回执与公示板不符：{title}', en: 'An owner reports a receipt mismatch: {title}' },
    body: { zh: '回执码 {receipt}。请核查该表决的哈希链与证据包。', en: 'Receipt {receipt}. Check the decision’s chain and evidence bundle.' },
    link: '/decisions/{id}',
  },
  {
    key: 'decisions.proxy_registered',
    label: { zh: '委托投票登记', en: 'Proxy registered' },
    title: { zh: '已登记代您投票的受托人：{title}', en: 'A proxy was registered for you: {title}' },
    body: { zh: '受托人：{proxy}。如非您本人委托，请在受托人投票前点击撤销。', en: 'Proxy: {proxy}. If you did not appoint them, revoke it before they vote.' },
    sms: { zh: '业主表决“{title}”已登记受托人{proxy}代您投票。如非您本人委托，请登录共治撤销或联系业委会。', en: 'Owners’ vote "{title}": {proxy} was registered as your proxy. If you did not appoint them, revoke it on Gongzhi.' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.result_published',
    label: { zh: '表决结果公示', en: 'Result published' },
    title: { zh: '表决结果已公示：{title}', en: 'Result published: {title}' },
    body: { zh: '点击查看各事项的表决结果。', en: 'See the result of each item.' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.objection_answered',
    label: { zh: '名册异议答复', en: 'Objection answered' },
    title: { zh: '您对名册的异议已答复：{title}', en: 'Your objection was answered: {title}' },
    body: { zh: '答复：{answer}', en: 'Answer: {answer}' },
    link: '/h5/decisions/{id}',
  },
  {
    key: 'decisions.inspection_requested',
    label: { zh: '查阅表决资料申请', en: 'Requests to inspect ballots' },
    title: { zh: '业主申请查阅表决资料：{title}', en: 'An owner asks to inspect the ballots: {title}' },
    body: { zh: '请安排查阅并记录。', en: 'Arrange the inspection and record it.' },
    link: '/decisions/{id}',
  },
  ...FILING_NOTIFICATIONS,
];
