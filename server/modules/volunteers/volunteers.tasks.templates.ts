import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the tasks part tells people: a new task to the place's volunteers; confirmed, returned or cancelled to its grabber. */
export const tasksTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.tasks.posted',
    title: { zh: '新任务待抢：{title}', en: 'New task to take: {title}' },
    body: { zh: '{place}发布了任务「{title}」，{points} 积分、服务 {minutes} 分钟，截止 {deadline}。先到先得。', en: '{place} posted "{title}": {points} points, {minutes} minutes of service, until {deadline}. First come, first served.' },
    link: '/h5/volunteers/tasks',
    label: { zh: '志愿任务', en: 'Volunteer tasks' },
  },
  {
    key: 'volunteers.tasks.confirmed',
    title: { zh: '任务已确认：{title}', en: 'Task confirmed: {title}' },
    body: { zh: '您完成的任务「{title}」已确认，获得 {points} 积分、服务时长 {minutes} 分钟。', en: 'Your task "{title}" is confirmed: {points} points and {minutes} minutes of service credited.' },
    link: '/h5/volunteers/tasks',
    label: { zh: '志愿任务', en: 'Volunteer tasks' },
  },
  {
    key: 'volunteers.tasks.returned',
    title: { zh: '任务被退回：{title}', en: 'Task returned: {title}' },
    body: { zh: '您提交的任务「{title}」被退回，原因：{reason}。请补充后重新提交。', en: 'Your task "{title}" was returned: {reason}. Please complete it and submit again.' },
    link: '/h5/volunteers/tasks',
    label: { zh: '志愿任务', en: 'Volunteer tasks' },
  },
  {
    key: 'volunteers.tasks.cancelled',
    title: { zh: '任务已取消：{title}', en: 'Task cancelled: {title}' },
    body: { zh: '您抢到的任务「{title}」已取消，原因：{reason}。', en: 'The task you took, "{title}", has been cancelled: {reason}.' },
    link: '/h5/volunteers/tasks',
    label: { zh: '志愿任务', en: 'Volunteer tasks' },
  },
];
