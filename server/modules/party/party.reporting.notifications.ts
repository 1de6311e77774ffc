import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** What the community's decision on a 双报到 tells the reporter (the liaison's account, or the member's), in-app. */
export const REPORTING_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'party.report_confirmed',
    label: { zh: '双报到确认结果', en: 'Dual-reporting decisions' },
    title: { zh: '{community}已确认{who}的报到', en: '{community} confirmed the report of {who}' },
    body: { zh: '{who}向{community}的报到已确认，可以认领社区服务项目了。', en: 'The report of {who} to {community} is confirmed: community service projects can now be claimed.' },
    link: '{link}',
  },
  {
    key: 'party.report_rejected',
    label: { zh: '双报到退回', en: 'Dual-reporting sent back' },
    title: { zh: '{community}退回了{who}的报到', en: '{community} sent back the report of {who}' },
    body: { zh: '退回原因：{reason}', en: 'Reason: {reason}' },
    link: '{link}',
  },
];
