import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the activities part tells volunteers: a new activity of their place, and one cancelled. */
export const activitiesTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.activities.published',
    title: { zh: '志愿活动招募：{title}', en: 'Volunteers wanted: {title}' },
    body: { zh: '{place}将于 {at} 在{venue}开展志愿活动「{title}」，招募 {capacity} 人，欢迎报名。', en: '{place} holds "{title}" at {venue} on {at}, for {capacity} volunteers. Sign up now.' },
    link: '/h5/volunteers/activities',
    label: { zh: '志愿活动招募', en: 'Volunteer activities' },
  },
  {
    key: 'volunteers.activities.reminder',
    title: { zh: '志愿活动提醒：{title}', en: 'Reminder: {title}' },
    body: { zh: '您报名的志愿活动「{title}」将于 {at} 在{venue}开始，请准时参加，到场后向组织者索取签到码签到。', en: '"{title}", which you signed up for, starts at {venue} on {at}. Please be on time and sign in with the organiser\'s code.' },
    link: '/h5/volunteers/activities/mine',
    label: { zh: '志愿活动招募', en: 'Volunteer activities' },
  },
  {
    key: 'volunteers.activities.cancelled',
    title: { zh: '志愿活动取消：{title}', en: 'Volunteer activity cancelled: {title}' },
    body: { zh: '原定于 {at} 举行的志愿活动「{title}」已取消。原因：{reason}', en: '"{title}" on {at} has been cancelled. Reason: {reason}' },
    link: '/h5/volunteers/activities/mine',
    label: { zh: '志愿活动招募', en: 'Volunteer activities' },
  },
];
