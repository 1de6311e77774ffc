import { type Expression, type Selectable, type SqlBool, type Updateable, sql } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor, Tx } from './repairs.db.ts';
import { newId } from '../../kernel/ids.ts';
import { offsetOf, type Page, pageWithTotal, paginate, totalInRow } from '../../kernel/pagination.ts';
import {
  CATEGORIES,
  type Category,
  DEFAULT_AUTO_CLOSE_DAYS,
  DEFAULT_LIMITS,
  OPEN_STATUSES,
  type Status,
  type TimeLimit,
} from './repairs.constants.ts';
import { type EscalationsQuery, EscalationsSort, type MyOrdersQuery, type OrdersQuery, OrdersSort } from './repairs.schemas.ts';
import type { RepEventsTable, RepOrdersTable } from './repairs.tables.ts';
import { containing } from '../../kernel/db/like.ts';

/** SQL for the repairs module's own tables (and reads of the kernel's places, accounts and grants). */

export type OrderRow = Selectable<RepOrdersTable>;
export type LoadedOrder = OrderRow & { place_path: string; place_kind: string };

const PLACE_LABEL_KINDS = ['building', 'unit', 'room'] as const;

/** An order with its place's path (for access checks); `forUpdate` locks it for a state change. */
export async function loadOrder(db: Executor, id: string, forUpdate = false): Promise<LoadedOrder | undefined> {
  const q = db
    .selectFrom('rep_orders as o')
    .innerJoin('street_places as p', 'p.id', 'o.place_id')
    .selectAll('o')
    .select(['p.path as place_path', 'p.kind as place_kind'])
    .where('o.id', '=', id);
  return (forUpdate ? q.forUpdate('o') : q).executeTakeFirst();
}

export async function nextOrderSeq(tx: Executor): Promise<number> {
  const r = await sql<{ n: number }>`select nextval('rep_order_no_seq')::int as n`.execute(tx);
  return r.rows[0]!.n;
}

export async function updateOrder(tx: Tx, id: string, patch: Updateable<RepOrdersTable>): Promise<void> {
  await tx.updateTable('rep_orders').set(patch).where('id', '=', id).execute();
}

export interface EventInput {
  streetId: string;
  orderId: string;
  placeId: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  from?: Status | null;
  to?: Status | null;
  note?: string | null;
  detail?: Record<string, unknown>;
}

export async function insertEvent(tx: Tx, e: EventInput): Promise<void> {
  await tx
    .insertInto('rep_events')
    .values({
      street_id: e.streetId,
      id: newId(),
      order_id: e.orderId,
      place_id: e.placeId,
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      note: e.note ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

// ——— time limits and settings ———

/** The compound's time limits per category: its own where set, the defaults elsewhere. */
export async function limitsFor(db: Executor, compoundId: string): Promise<Record<Category, TimeLimit & { custom: boolean }>> {
  const rows = await db.selectFrom('rep_time_limits').selectAll().where('place_id', '=', compoundId).execute();
  const out = {} as Record<Category, TimeLimit & { custom: boolean }>;
  for (const c of CATEGORIES) {
    const own = rows.find((r) => r.category === c);
    out[c] = own
      ? { responseMinutes: own.response_minutes, completionMinutes: own.completion_minutes, custom: true }
      : { ...DEFAULT_LIMITS[c], custom: false };
  }
  return out;
}

export async function autoCloseDaysFor(db: Executor, compoundId: string): Promise<{ days: number; custom: boolean }> {
  const row = await db.selectFrom('rep_settings').select('auto_close_days').where('place_id', '=', compoundId).executeTakeFirst();
  return row ? { days: row.auto_close_days, custom: true } : { days: DEFAULT_AUTO_CLOSE_DAYS, custom: false };
}

// ——— lists ———

const listColumns = [
  'o.id',
  'o.no',
  'o.category',
  'o.status',
  'o.channel',
  'o.description',
  'o.place_id as placeId',
  'o.compound_id as compoundId',
  'compound.name as compoundName',
  'o.contact_name as contactName',
  'o.contact_phone_masked as contactPhone',
  'o.reporter_name as reporterName',
  'o.reported_at as reportedAt',
  'o.respond_by as respondBy',
  'o.complete_by as completeBy',
  'o.accepted_at as acceptedAt',
  'o.finished_at as finishedAt',
  'o.closed_at as closedAt',
  'o.assignee_id as assigneeId',
  'o.assignee_name as assigneeName',
  'o.overdue',
  'o.paid_service as paidService',
  'o.price_fen as priceFen',
  'o.rating',
] as const;

function ordersBase(db: Executor, filter: Expression<SqlBool>) {
  return db
    .selectFrom('rep_orders as o')
    .innerJoin('street_places as p', 'p.id', 'o.place_id')
    .innerJoin('street_places as compound', 'compound.id', 'o.compound_id')
    .where(filter);
}

export async function listOrders(db: Executor, q: OrdersQuery & { underPath?: string; assigneeId?: string }, filter: Expression<SqlBool>) {
  const base = ordersBase(db, filter)
    .$if(!!q.status, (qb) => qb.where('o.status', '=', q.status!))
    .$if(!!q.category, (qb) => qb.where('o.category', '=', q.category!))
    .$if(q.overdue !== undefined, (qb) => qb.where('o.overdue', '=', q.overdue!))
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.assigneeId, (qb) => qb.where('o.assignee_id', '=', q.assigneeId!))
    .$if(!!q.from, (qb) => qb.where('o.reported_at', '>=', new Date(q.from!)))
    .$if(!!q.to, (qb) => qb.where('o.reported_at', '<', new Date(q.to!)))
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('o.no', 'like', containing(q.q!.toUpperCase())),
          eb('o.description', 'like', containing(q.q!)),
          eb('o.contact_name', 'like', containing(q.q!)),
        ]),
      ),
    );
  return paginate(
    q,
    OrdersSort.orderBy(base, q)
      .select([...listColumns, pathLabel('p.path', [...PLACE_LABEL_KINDS]).as('placeLabel'), 'p.kind as placeKind'])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** A resident's own orders, newest first. */
export async function listMyOrders(db: Executor, q: MyOrdersQuery, own: Expression<SqlBool>) {
  const base = ordersBase(db, own).$if(q.open === true, (qb) => qb.where('o.status', 'in', [...OPEN_STATUSES, 'finished']));
  return pageWithTotal(
    q,
    base
      .select([...listColumns, pathLabel('p.path', [...PLACE_LABEL_KINDS]).as('placeLabel'), 'p.kind as placeKind', totalInRow()])
      .orderBy('o.reported_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

export async function orderPlaceLabel(db: Executor, placeId: string) {
  const r = await db
    .selectFrom('street_places as p')
    .select(['p.name', 'p.kind', pathLabel('p.path', ['compound', ...PLACE_LABEL_KINDS]).as('label')])
    .where('p.id', '=', placeId)
    .executeTakeFirstOrThrow();
  return r;
}

export async function orderEvents(db: Executor, orderId: string) {
  const rows = await db.selectFrom('rep_events').selectAll().where('order_id', '=', orderId).orderBy('at').orderBy('id').execute();
  return rows.map((e: Selectable<RepEventsTable>) => ({
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    bySystem: e.actor_id === null,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    detail: (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail) as Record<string, unknown> | null,
  }));
}

export async function orderPhotos(db: Executor, orderId: string) {
  return db
    .selectFrom('rep_photos')
    .select(['id', 'stage', 'mime', 'size_bytes as sizeBytes', 'uploaded_at as uploadedAt'])
    .where('order_id', '=', orderId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function orderEscalations(db: Executor, orderId: string) {
  return db
    .selectFrom('rep_escalations')
    .select([
      'id',
      'kind',
      'due_at as dueAt',
      'escalated_at as escalatedAt',
      'committee_id as committeeId',
      'supervised_at as supervisedAt',
      'supervisor_name as supervisorName',
      'supervision_note as supervisionNote',
    ])
    .where('order_id', '=', orderId)
    .orderBy('escalated_at')
    .execute();
}

// ——— escalations ———

export async function listEscalations(db: Executor, q: EscalationsQuery & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('rep_escalations as e')
    .innerJoin('rep_orders as o', 'o.id', 'e.order_id')
    .innerJoin('street_places as p', 'p.id', 'o.place_id')
    .innerJoin('street_places as compound', 'compound.id', 'o.compound_id')
    .innerJoin('street_places as community', 'community.id', 'e.community_id')
    .where(filter)
    .$if(!!q.kind, (qb) => qb.where('e.kind', '=', q.kind!))
    .$if(q.supervised === true, (qb) => qb.where('e.supervised_at', 'is not', null))
    .$if(q.supervised === false, (qb) => qb.where('e.supervised_at', 'is', null))
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`));
  return paginate(
    q,
    EscalationsSort.orderBy(base, q)
      .select([
        'e.id',
        'e.kind',
        'e.due_at as dueAt',
        'e.escalated_at as escalatedAt',
        'e.committee_id as committeeId',
        'e.supervised_at as supervisedAt',
        'e.supervisor_name as supervisorName',
        'e.supervision_note as supervisionNote',
        'o.id as orderId',
        'o.no',
        'o.category',
        'o.status',
        'o.company_id as companyId',
        'o.assignee_name as assigneeName',
        'compound.name as compoundName',
        'community.name as communityName',
        'p.path as placePath',
        pathLabel('p.path', [...PLACE_LABEL_KINDS]).as('placeLabel'),
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

// ——— jobs ———

/** Open orders past a deadline that has not been escalated yet, oldest first. */
export async function dueForEscalation(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('rep_orders as o')
    .select(['o.id', 'o.status', 'o.respond_by', 'o.complete_by'])
    .where('o.status', 'in', [...OPEN_STATUSES])
    .where((eb) => {
      // No escalation yet of this kind for this very deadline (a reopened order gets a new one).
      const notEscalated = (kind: 'response' | 'completion', due: 'o.respond_by' | 'o.complete_by') =>
        eb.not(
          eb.exists(
            eb.selectFrom('rep_escalations as e').select(sql`1`.as('x')).whereRef('e.order_id', '=', 'o.id').where('e.kind', '=', kind).whereRef('e.due_at', '=', due),
          ),
        );
      return eb.or([
        eb.and([eb('o.status', '=', 'submitted'), eb('o.respond_by', '<', now), notEscalated('response', 'o.respond_by')]),
        eb.and([eb('o.complete_by', '<', now), notEscalated('completion', 'o.complete_by')]),
      ]);
    })
    .orderBy('o.reported_at')
    .limit(limit)
    .execute();
}

/** Finished orders nobody rated whose close time has come. */
export async function dueForAutoClose(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('rep_orders')
    .select('id')
    .where('status', '=', 'finished')
    .where('close_by', '<=', now)
    .orderBy('close_by')
    .limit(limit)
    .execute();
}

// ——— staff of a compound (kernel accounts and grants) ———

/** Accounts whose property grant covers the compound: whom an order there can be dispatched to. */
export async function compoundStaff(db: Executor, compoundPath: string) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('grants as g', 'g.account_id', 'a.id')
    .innerJoin('places as gp', 'gp.id', 'g.place_id')
    .select(['a.id', 'a.display_name as name'])
    .select(sql<string[]>`array_agg(distinct g.role order by g.role)`.as('roles'))
    .where('a.disabled', '=', false)
    .where('g.role', 'in', ['property_manager', 'property_staff'])
    .where(sql<SqlBool>`${compoundPath} like gp.path || '%'`)
    .groupBy(['a.id', 'a.display_name'])
    .orderBy('a.display_name')
    .execute();
}
