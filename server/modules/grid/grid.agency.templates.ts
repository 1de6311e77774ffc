import type { ModulePart } from '../../kernel/module-parts.ts';

const label = { zh: '政务代办', en: 'Government services by proxy' };
const link = '/h5/grid/agency/{id}';

/** What the agency part tells residents: each step of their case, and the answer to a booking. */
export const agencyTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'grid.agency.accepted',
    title: { zh: '「{service}」已受理', en: '"{service}" accepted' },
    body: { zh: '{point}已受理您的「{service}」，预计 {due} 前办结。', en: '{point} accepted your "{service}"; it is due by {due}.' },
    link,
    label,
  },
  {
    key: 'grid.agency.sent',
    title: { zh: '「{service}」已转报主管部门', en: '"{service}" sent on' },
    body: { zh: '您的「{service}」材料已转报主管部门办理。{note}', en: 'Your "{service}" was sent on to the department. {note}' },
    link,
    label,
  },
  {
    key: 'grid.agency.result',
    title: { zh: '「{service}」办理结果：{outcome}', en: '"{service}": {outcomeEn}' },
    body: { zh: '您的「{service}」办理结果为：{outcome}。{reason}代办点将与您约定交付。', en: 'The result of your "{service}": {outcomeEn}. {reason}The point will hand it over to you.' },
    link,
    label,
  },
  {
    key: 'grid.agency.completed',
    title: { zh: '「{service}」已办结', en: '"{service}" completed' },
    body: { zh: '您的「{service}」已于 {day} {how}，本件办结。', en: 'Your "{service}" was handed over on {day} ({howEn}); the case is complete.' },
    link,
    label,
  },
  {
    key: 'grid.agency.withdrawn',
    title: { zh: '「{service}」已撤回', en: '"{service}" withdrawn' },
    body: { zh: '您的「{service}」已撤回：{reason}', en: 'Your "{service}" was withdrawn: {reason}' },
    link,
    label,
  },
  {
    key: 'grid.agency.booking_confirmed',
    title: { zh: '您的预约已确认', en: 'Your booking is confirmed' },
    body: { zh: '{point}已确认您 {day} {slot}的{kind}预约。', en: '{point} confirmed your booking on {day} ({slotEn}).' },
    link: '/h5/grid/agency',
    label,
  },
  {
    key: 'grid.agency.booking_declined',
    title: { zh: '您的预约未能安排', en: 'Your booking could not be arranged' },
    body: { zh: '{point}未能安排您 {day} {slot}的预约：{reason}', en: '{point} could not arrange your booking on {day} ({slotEn}): {reason}' },
    link: '/h5/grid/agency',
    label,
  },
];
