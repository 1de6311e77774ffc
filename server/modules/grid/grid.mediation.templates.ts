import type { ModulePart } from '../../kernel/module-parts.ts';

const label = { zh: '人民调解', en: 'Mediation' };

/** What the mediation part tells: the applying resident of each decisive step; mediators and the street of an overdue case. */
export const mediationTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'grid.mediation.status',
    title: { zh: '调解申请 {no}：{status}', en: 'Mediation {no}: {status}' },
    body: { zh: '您的调解申请（{no}）{status}。', en: 'Your mediation application {no}: {status}.' },
    link: '/h5/grid/mediation',
    label,
  },
  {
    key: 'grid.mediation.overdue',
    title: { zh: '调解案件 {no} 已超期', en: 'Mediation case {no} is overdue' },
    body: { zh: '调解案件 {no} 已超过 30 日调解期限，请尽快办结或上交街道。', en: 'Mediation case {no} has passed its 30-day limit: close it or escalate it to the street.' },
    link: '/grid/mediation/{id}',
    label,
  },
];
