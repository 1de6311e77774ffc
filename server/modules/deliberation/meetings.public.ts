import { pathLabel } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import type { PublicPage, PublicPayload } from '../../kernel/public/public-pages.ts';
import { read } from './deliberation.db.ts';
import { MEETING_KIND_EN, MEETING_KIND_ZH, OUTCOME_EN, OUTCOME_ZH } from './meetings.labels.ts';
import { meetingTime } from './use-cases/meeting-access.ts';

/**
 * A joint meeting's public page (kernel/public/public-pages.ts), for the lobby and the residents: its title, time,
 * convening organisation, the agenda's titles and outcomes, and the minutes only when they were made public. No
 * person's name: not the attendees, not who signed in — organisations only. A cancelled meeting has no page.
 */
const T = {
  'zh-CN': {
    facts: { kind: '会议类型', time: '时间', location: '地点', convener: '召集', status: '状态' },
    status: { scheduled: '待召开', signing_in: '进行中', closed: '已召开', cancelled: '已取消' },
    agenda: '议程与协商结果',
    none: '暂无议题',
    pending: '待协商',
    minutes: '会议纪要',
    kind: MEETING_KIND_ZH,
    outcome: OUTCOME_ZH,
  },
  en: {
    facts: { kind: 'Kind', time: 'Time', location: 'Location', convener: 'Convened by', status: 'Status' },
    status: { scheduled: 'Scheduled', signing_in: 'In progress', closed: 'Held', cancelled: 'Cancelled' },
    agenda: 'Agenda and outcomes',
    none: 'No items',
    pending: 'To be discussed',
    minutes: 'Minutes',
    kind: MEETING_KIND_EN,
    outcome: OUTCOME_EN,
  },
} satisfies Record<Locale, unknown>;

async function meetingPayload(kernel: Kernel, id: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const m = await db
    .selectFrom('dlb_meetings as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['m.street_id', 'm.id', 'm.title', 'm.kind', 'm.status', 'm.starts_at', 'm.location', 'm.convener_name', 'm.minutes', 'm.minutes_public', 'm.updated_at'])
    .select(pathLabel('p.path', ['street', 'community', 'compound']).as('label'))
    .where('m.id', '=', id)
    .where('m.status', '!=', 'cancelled')
    .executeTakeFirst();
  if (!m) return null;
  const agenda = await db
    .selectFrom('dlb_meeting_agenda as g')
    .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 'g.street_id').onRef('i.id', '=', 'g.item_id'))
    .select(['i.title', 'i.code', 'g.outcome_kind', 'g.outcome_text'])
    .where('g.street_id', '=', m.street_id)
    .where('g.meeting_id', '=', m.id)
    .orderBy('g.seq')
    .execute();
  const L = T[locale];
  const sections: PublicPayload['sections'] = [
    {
      kind: 'facts',
      facts: [
        { label: L.facts.kind, value: L.kind[m.kind] },
        { label: L.facts.time, value: meetingTime(m.starts_at) },
        { label: L.facts.location, value: m.location },
        { label: L.facts.convener, value: m.convener_name },
        { label: L.facts.status, value: L.status[m.status] },
      ],
    },
    {
      kind: 'list',
      heading: L.agenda,
      empty: L.none,
      items: agenda.map((g) => ({
        title: g.title,
        ...(g.code ? { meta: g.code } : {}),
        text: g.outcome_kind ? L.outcome[g.outcome_kind] : L.pending,
        ...(g.outcome_text ? { reply: g.outcome_text } : {}),
      })),
    },
  ];
  if (m.minutes_public && m.minutes) sections.push({ kind: 'text', heading: L.minutes, text: m.minutes });
  return { title: m.title, subtitle: L.kind[m.kind], place: m.label, updatedAt: m.updated_at.toISOString(), sections };
}

export const meetingsPublicPages: PublicPage[] = [
  {
    key: 'deliberation.meeting',
    title: { 'zh-CN': '议事会议公示', en: 'Meeting notice and outcomes' },
    param: 'id',
    load: (kernel, { id, locale }) => (id ? meetingPayload(kernel, id, locale) : Promise.resolve(null)),
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('dlb_meetings').select('id').where('status', '!=', 'cancelled').orderBy('starts_at', 'desc').limit(4).execute()).map((r) => r.id),
  },
];
