import { sql, type SqlBool } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import type { PublicPage, PublicPayload } from '../../kernel/public/public-pages.ts';
import type { NoticeCategory } from './notices.constants.ts';
import { read } from './notices.db.ts';
import { residentFilter, shanghaiDate } from './notices.policy.ts';
import { findNotice, listResidentNotices, type NoticeRow } from './notices.repository.ts';

/**
 * The notices' public pages (kernel/public/public-pages.ts): a notice as posted in the lobby, and a
 * place's board of current notices. A notice on a lobby board is public already; these show what it
 * says, who signed it (an organisation) and its validity — never who wrote, published or read it.
 * Only published notices valid today are shown; anything else answers 404.
 */

/** No account: the repository's "read by me" column is asked about nobody. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
const BOARD_SIZE = 30;

const T = {
  'zh-CN': {
    category: { policy: '政策宣传', announcement: '通知公告', meeting: '会议通知', emergency: '紧急通知' } as Record<NoticeCategory, string>,
    issuer: '发布单位',
    validity: '有效期',
    from: (d: string) => `${d} 起`,
    range: (a: string, b: string) => `${a} 至 ${b}`,
    attachments: '附件',
    board: (place: string) => `${place} 公告栏`,
    current: '当前公告',
    none: '暂无有效公告',
    pinned: '置顶',
  },
  en: {
    category: { policy: 'Policy', announcement: 'Announcement', meeting: 'Meeting notice', emergency: 'Emergency notice' } as Record<NoticeCategory, string>,
    issuer: 'Signed by',
    validity: 'Valid',
    from: (d: string) => `from ${d}`,
    range: (a: string, b: string) => `${a} to ${b}`,
    attachments: 'Attachments',
    board: (place: string) => `Notice board: ${place}`,
    current: 'Current notices',
    none: 'No notices in force',
    pinned: 'Pinned',
  },
} satisfies Record<Locale, unknown>;

const today = (kernel: Kernel) => shanghaiDate(kernel.clock.now());
/** Published, and valid today. */
const inForce = (day: string) => sql<SqlBool>`(n.status = 'published' and n.valid_from <= ${day}::date and (n.valid_until is null or n.valid_until >= ${day}::date))`;
const validity = (L: (typeof T)[Locale], n: Pick<NoticeRow, 'valid_from' | 'valid_until'>) => (n.valid_until ? L.range(n.valid_from, n.valid_until) : L.from(n.valid_from));
const changedAt = (n: Pick<NoticeRow, 'published_at' | 'updated_at'>) => new Date(n.published_at ?? n.updated_at).toISOString();

async function noticePayload(kernel: Kernel, id: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const n = await findNotice(db, id, NOBODY, inForce(today(kernel)));
  if (!n) return null;
  const L = T[locale];
  const attachments = await db.selectFrom('ntc_attachments').select('name').where('notice_id', '=', id).orderBy('created_at').orderBy('id').execute();
  return {
    title: n.title,
    subtitle: L.category[n.category],
    place: n.place_label ?? n.place_name,
    updatedAt: changedAt(n),
    sections: [
      { kind: 'text', text: n.body },
      { kind: 'facts', facts: [{ label: L.issuer, value: n.issuer }, { label: L.validity, value: validity(L, n) }] },
      ...(attachments.length ? [{ kind: 'list' as const, heading: L.attachments, items: attachments.map((a) => ({ title: a.name })) }] : []),
    ],
  };
}

/** What a resident of the place would see: the notices in force posted at it or at any place above it. */
async function boardPayload(kernel: Kernel, placeId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const place = await db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.path', pathLabel('p.path', ['street', 'community', 'compound', 'building', 'unit']).as('label')])
    .where('p.id', '=', placeId)
    .where('p.kind', '<>', 'room')
    .executeTakeFirst();
  if (!place) return null;
  const L = T[locale];
  const page = await listResidentNotices(db, { page: 1, pageSize: BOARD_SIZE }, NOBODY, residentFilter(place.path.split('/').filter(Boolean), today(kernel)));
  const latest = page.items.reduce((at, n) => Math.max(at, new Date(changedAt(n)).getTime()), 0);
  return {
    title: L.board(place.name),
    place: place.label ?? place.name,
    updatedAt: new Date(latest || kernel.clock.now().getTime()).toISOString(),
    sections: [
      {
        kind: 'list',
        heading: L.current,
        empty: L.none,
        items: page.items.map((n) => ({
          title: n.title,
          meta: [n.pinned ? L.pinned : null, L.category[n.category], n.issuer, validity(L, n)].filter(Boolean).join(' · '),
          link: `/h5/p/notices.notice/${n.id}`,
        })),
      },
    ],
  };
}

export const noticesPublicPages: PublicPage[] = [
  {
    key: 'notices.notice',
    title: { 'zh-CN': '公告', en: 'Notice' },
    param: 'id',
    load: (kernel, { id, locale }) => noticePayload(kernel, id!, locale),
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('ntc_notices as n').select('n.id').where(inForce(today(kernel))).orderBy('n.id').limit(6).execute()).map((r) => r.id),
  },
  {
    key: 'notices.board',
    title: { 'zh-CN': '公告栏', en: 'Notice board' },
    param: 'id',
    load: (kernel, { id, locale }) => boardPayload(kernel, id!, locale),
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('street_places').select('id').where('kind', '=', 'compound').orderBy('name').limit(6).execute()).map((r) => r.id),
  },
];
