import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the events part tells people: a body of an event dispatched to it; the street of an escalated or overdue event; the reporter of a closed one. */
export const eventsTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'grid.events.dispatched',
    title: { zh: '新的网格事件待处理：{place}', en: 'A grid event to handle: {place}' },
    body: { zh: '{place}（{location}）的网格事件已派遣给{body}，请及时受理。', en: 'A grid event at {place} ({location}) was dispatched to {body}. Please take it on.' },
    link: '/grid/events?mine=handle',
    label: { zh: '网格事件', en: 'Grid events' },
  },
  {
    key: 'grid.events.escalated',
    title: { zh: '网格事件上报街道：{place}', en: 'A grid event escalated to the street: {place}' },
    body: { zh: '{place}（{location}）的网格事件已上报街道，原因：{reason}。请派遣处理。', en: 'A grid event at {place} ({location}) was escalated to the street: {reason}. Please dispatch it.' },
    link: '/grid/events?level=street',
    label: { zh: '网格事件', en: 'Grid events' },
  },
  {
    key: 'grid.events.overdue',
    title: { zh: '网格事件超时：{place}', en: 'A grid event is overdue: {place}' },
    body: { zh: '{place}（{location}）的网格事件已超过办理时限，已自动上报街道。', en: 'A grid event at {place} ({location}) passed its time limit and went to the street.' },
    link: '/grid/events?overdue=true',
    label: { zh: '网格事件', en: 'Grid events' },
  },
  {
    key: 'grid.events.closed',
    title: { zh: '您上报的事件已办结：{place}', en: 'The event you reported is closed: {place}' },
    body: { zh: '您在{place}（{location}）上报的事件已办结，欢迎对处理情况进行评价。', en: 'The event you reported at {place} ({location}) is closed. You are welcome to rate the handling.' },
    link: '/h5/grid/events',
    label: { zh: '随手拍', en: 'Snap & report' },
  },
];
