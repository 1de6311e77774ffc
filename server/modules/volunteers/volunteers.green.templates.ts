import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the green part tells an applicant: their application decided, their adoption ended early. */
export const greenTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.green.approved',
    title: { zh: '绿地认养申请已通过：{plot}', en: 'Your adoption of {plot} is approved' },
    body: { zh: '您申请认养{compound}「{plot}」，认养期限 {from} 至 {to}，已通过审核。欢迎记录您的养护情况。', en: 'Your adoption of "{plot}" at {compound} from {from} to {to} is approved. Share how you look after it.' },
    link: '/h5/volunteers/green',
    label: { zh: '认栽认养通知', en: 'Green adoption notices' },
  },
  {
    key: 'volunteers.green.rejected',
    title: { zh: '绿地认养申请未通过：{plot}', en: 'Your adoption of {plot} was not approved' },
    body: { zh: '您申请认养{compound}「{plot}」未通过。原因：{reason}', en: 'Your application to adopt "{plot}" at {compound} was not approved. Reason: {reason}' },
    link: '/h5/volunteers/green',
    label: { zh: '认栽认养通知', en: 'Green adoption notices' },
  },
  {
    key: 'volunteers.green.ended',
    title: { zh: '绿地认养已结束：{plot}', en: 'Your adoption of {plot} has ended' },
    body: { zh: '您对{compound}「{plot}」的认养已于 {day} 提前结束。原因：{reason}', en: 'Your adoption of "{plot}" at {compound} ended early on {day}. Reason: {reason}' },
    link: '/h5/volunteers/green',
    label: { zh: '认栽认养通知', en: 'Green adoption notices' },
  },
];
