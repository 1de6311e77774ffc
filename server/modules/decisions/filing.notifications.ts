import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** What filing (备案) says: to the receiving office when a package arrives, to whoever submitted it when the office answers. */
export const FILING_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'decisions.filing_submitted',
    label: { zh: '备案材料提交', en: 'Filing submitted' },
    title: { zh: '收到备案材料：{title}', en: 'A filing arrived: {title}' },
    body: { zh: '业委会已向{office}提交备案材料（第 {version} 版），请审查后确认备案或退回补正。', en: "The owners' committee submitted its package (version {version}) to {office}: acknowledge it or return it for correction." },
    link: '/filings/{filingId}',
  },
  {
    key: 'decisions.filing_acknowledged',
    label: { zh: '备案已确认', en: 'Filing acknowledged' },
    title: { zh: '已完成备案：{title}', en: 'Filed: {title}' },
    body: { zh: '{office}已确认备案。', en: '{office} acknowledged the filing.' },
    link: '/decisions/{id}',
  },
  {
    key: 'decisions.filing_returned',
    label: { zh: '备案退回补正', en: 'Filing returned' },
    title: { zh: '备案材料被退回：{title}', en: 'Filing returned: {title}' },
    body: { zh: '{office}退回理由：{reason}。请补正后重新提交。', en: 'Returned by {office}: {reason}. Correct it and submit again.' },
    link: '/decisions/{id}',
  },
];
