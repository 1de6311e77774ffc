import ExcelJS from 'exceljs';
import { type Expression, type SqlBool, sql } from 'kysely';
import { findPlace, isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import type { EventCategory } from '../grid.events.constants.ts';
import type { EventsQuery } from '../grid.events.schemas.ts';
import { allows } from '../grid.policy.ts';
import type { EventBody, EventLevel, EventStatus, EventUrgency } from '../grid.tables.ts';
import { BODY_ZH, type EventRow, eventRows, readableEvents, readsEvents, STATUS_ZH } from './events-access.ts';

/** The events list sorts by reporting time, due time, status, category or urgency. */
export const EventsSort = sortable(
  { createdAt: 'e.created_at', dueAt: 'e.due_at', status: 'e.status', category: 'e.category', urgency: 'e.urgency', updatedAt: 'e.updated_at' },
  { sort: 'createdAt', order: 'desc' },
  'e.id',
);

export interface EventListRow {
  id: string;
  category: EventCategory;
  description: string;
  placeId: string;
  placeName: string;
  compoundId: string;
  compoundName: string;
  location: string;
  urgency: EventUrgency;
  status: EventStatus;
  level: EventLevel;
  body: EventBody | null;
  liaisonName: string | null;
  dueAt: Date | null;
  /** Open (dispatched or being handled) past its due time. */
  overdue: boolean;
  overdueEscalated: boolean;
  reporterName: string;
  reportedVia: 'staff' | 'resident';
  rating: number | null;
  createdAt: Date;
}

const OPEN: EventStatus[] = ['dispatched', 'handling'];

/** Events waiting for the actor's dispatch: reported ones at the community level in their eventsDispatch places, or escalated ones for street officials. */
export function waitingForMyDispatch(ctx: Ctx): Expression<SqlBool> {
  const community = pathInScope('p.path', scopePrefixes(ctx.actor, GRID_ROLES.eventsDispatch));
  const street = pathInScope('p.path', scopePrefixes(ctx.actor, GRID_ROLES.eventsDispatchStreet));
  return sql<SqlBool>`(e.status = 'reported' and ((e.level = 'community' and ${community}) or (e.level = 'street' and ${street})))`;
}

/** Events with the actor's body: property staff of the place, community staff for the committee, or their liaison rows. */
export function withMyBody(ctx: Ctx): Expression<SqlBool> {
  const property = pathInScope('p.path', scopePrefixes(ctx.actor, GRID_ROLES.eventsHandleProperty));
  const committee = pathInScope('p.path', scopePrefixes(ctx.actor, GRID_ROLES.eventsHandleCommittee));
  const liaison = isSystem(ctx.actor)
    ? sql<SqlBool>`true`
    : sql<SqlBool>`exists (select 1 from grid_liaisons ml where ml.street_id = e.street_id and ml.id = e.liaison_id and ml.account_id = ${ctx.actor.accountId})`;
  return sql<SqlBool>`(e.status in ('dispatched', 'handling') and ((e.body = 'property' and ${property}) or (e.body = 'committee' and ${committee}) or (e.liaison_id is not null and ${liaison})))`;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !(isSystem(ctx.actor) || ctx.actor.grants.some((g) => place.path.startsWith(g.placePath) || g.placePath.startsWith(place.path)))) throw GridErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: EventsQuery, under: string | undefined) {
  const now = ctx.kernel.clock.now();
  return eventRows(read(ctx))
    .where(readableEvents(ctx))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('e.status', '=', q.status!))
    .$if(!!q.category, (s) => s.where('e.category', '=', q.category!))
    .$if(!!q.body, (s) => s.where('e.body', '=', q.body!))
    .$if(!!q.level, (s) => s.where('e.level', '=', q.level!))
    .$if(q.overdue === 'true', (s) => s.where('e.status', 'in', OPEN).where('e.due_at', '<', now))
    .$if(q.overdue === 'false', (s) => s.where((eb) => eb.or([eb('e.status', 'not in', OPEN), eb('e.due_at', 'is', null), eb('e.due_at', '>=', now)])))
    .$if(q.mine === 'dispatch', (s) => s.where(waitingForMyDispatch(ctx)))
    .$if(q.mine === 'handle', (s) => s.where(withMyBody(ctx)))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('e.description', 'ilike', like), eb('e.location', 'ilike', like), eb('c.name', 'ilike', like), eb('p.name', 'ilike', like), eb('e.reporter_name', 'ilike', like)]));
    });
}

/** A resident reporter's name as staff outside the community and the street see it: 张**. */
export const reporterShown = (ctx: Ctx, r: Pick<EventRow, 'reportedVia' | 'reporterName' | 'placePath'>) =>
  r.reportedVia === 'resident' && !allows(ctx.actor, 'eventsDispatch', r.placePath) ? maskName(r.reporterName) : r.reporterName;

const present = (ctx: Ctx, r: EventRow, now: Date): EventListRow => ({
  id: r.id,
  category: r.category as EventCategory,
  description: r.description,
  placeId: r.placeId,
  placeName: r.placeName,
  compoundId: r.compoundId,
  compoundName: r.compoundName,
  location: r.location,
  urgency: r.urgency,
  status: r.status,
  level: r.level,
  body: r.body,
  liaisonName: r.liaisonName,
  dueAt: r.dueAt,
  overdue: OPEN.includes(r.status) && !!r.dueAt && r.dueAt < now,
  overdueEscalated: !!r.overdueEscalatedAt,
  reporterName: reporterShown(ctx, r),
  reportedVia: r.reportedVia,
  rating: r.rating,
  createdAt: r.createdAt,
});

/**
 * 网格事件: the events the actor may read (by place; a liaison only those sent to them) — search, filter by status,
 * category, body, level, overdue and place, the to-do lists (mine=dispatch|handle), sort, page.
 */
export async function listEvents(ctx: Ctx, q: EventsQuery): Promise<Page<EventListRow>> {
  if (!readsEvents(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = EventsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<EventRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const now = ctx.kernel.clock.now();
  return { ...page, items: page.items.map((r) => present(ctx, r, now)) };
}

export const CATEGORY_ZH: Record<EventCategory, string> = {
  property_service: '物业服务',
  neighbour_dispute: '邻里纠纷',
  community_affairs: '社区事务',
  public_security: '治安隐患',
  illegal_building: '违章搭建',
  street_vending: '占道经营',
  sanitation: '环境卫生',
  housing_safety: '房屋安全',
  food_safety: '商铺食品安全',
  fire_hazard: '消防隐患',
  other: '其他',
};
const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportEventsXlsx(ctx: Ctx, q: EventsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!readsEvents(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await EventsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as EventRow[];
  const now = ctx.kernel.clock.now();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('网格事件');
  sheet.columns = [
    { header: '上报时间', width: 18 },
    { header: '类别', width: 12 },
    { header: '小区', width: 14 },
    { header: '位置', width: 20 },
    { header: '描述', width: 40 },
    { header: '紧急程度', width: 10 },
    { header: '状态', width: 10 },
    { header: '层级', width: 8 },
    { header: '处理单位', width: 14 },
    { header: '联络员', width: 10 },
    { header: '办理时限', width: 18 },
    { header: '是否超时', width: 10 },
    { header: '上报人', width: 10 },
    { header: '评价', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const shown = present(ctx, r, now);
    sheet.addRow([
      time(r.createdAt),
      CATEGORY_ZH[shown.category] ?? r.category,
      r.compoundName,
      [r.placeId !== r.compoundId ? r.placeName : '', r.location].filter(Boolean).join(' '),
      r.description,
      r.urgency === 'urgent' ? '紧急' : '一般',
      STATUS_ZH[r.status],
      r.level === 'street' ? '街道' : '社区',
      r.body ? BODY_ZH[r.body] : '',
      r.liaisonName ?? '',
      time(r.dueAt),
      shown.overdue ? '超时' : '',
      shown.reporterName,
      r.rating ?? '',
    ]);
  }
  return { fileName: `网格事件-${chinaDay(now)}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
