import type { ModulePart } from '../../kernel/module-parts.ts';

const label = { zh: '应急通知', en: 'Emergency notices' };

/** What the emergency part says, urgently: to every resident of a place switched into emergency mode, and to the place's volunteers called up. */
export const emergencyTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'grid.emergency.declared',
    title: { zh: '【应急】{place}已启动{level}应急响应', en: '[Emergency] {place} is in emergency mode' },
    body: { zh: '{place}已启动{level}应急响应：{reason}。请留意社区通知，配合入户排查。', en: '{place} is in emergency mode ({level}): {reason}. Please follow the community’s notices and help the door-to-door screening.' },
    sms: { zh: '{place}已启动应急响应：{reason}。请配合社区入户排查。', en: '{place} is in emergency mode: {reason}. Please help the screening.' },
    link: '/h5',
    label,
  },
  {
    key: 'grid.emergency.call_up',
    title: { zh: '【志愿者召集】{task}', en: '[Volunteer call-up] {task}' },
    body: { zh: '{place}应急召集志愿者：{task}，共 {slots} 个名额；集合时间 {at}，地点 {point}。', en: '{place} calls up volunteers: {task}, {slots} slots; meet at {point}, {at}.' },
    link: '/h5/grid/call-ups',
    label: { zh: '志愿者召集', en: 'Volunteer call-ups' },
  },
];
