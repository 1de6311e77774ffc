import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the activities part tells members: an activity scheduled for them, and one cancelled. */
export const activitiesTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'party.activities.scheduled',
    title: { zh: '党组织活动通知：{title}', en: 'Party activity: {title}' },
    body: { zh: '{branch}将于 {at} 在{venue}开展{kind}「{title}」，请准时参加。', en: '{branch} holds "{title}" ({kind}) at {venue} on {at}. Please attend.' },
    link: '/h5/party/activities',
    label: { zh: '党组织活动通知', en: 'Party activity notices' },
  },
  {
    key: 'party.activities.cancelled',
    title: { zh: '活动取消：{title}', en: 'Activity cancelled: {title}' },
    body: { zh: '原定于 {at} 举行的「{title}」已取消。原因：{reason}', en: '"{title}" on {at} has been cancelled. Reason: {reason}' },
    link: '/h5/party/activities',
    label: { zh: '党组织活动通知', en: 'Party activity notices' },
  },
];
