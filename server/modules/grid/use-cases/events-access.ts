import { type Expression, type SqlBool, sql, type Updateable } from 'kysely';
import { isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify, type Recipients } from '../../../kernel/notify/notify.ts';
import { compoundServices } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { type Executor, type Tx, write } from '../grid.db.ts';
import { type EventAction, EVENT_DUE_HOURS } from '../grid.events.constants.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import { allows } from '../grid.policy.ts';
import type { EventBody, EventLevel, EventStatus, EventUrgency, GridEventsTable, LiaisonLine } from '../grid.tables.ts';

/** Who reads events by their place: every eventsRead role but the liaisons, who read only the events sent to them. */
export const READ_BY_PLACE = GRID_ROLES.eventsRead.filter((r) => r !== 'department_reviewer');

export interface EventRow {
  id: string;
  streetId: string;
  placeId: string;
  placeName: string;
  placePath: string;
  compoundId: string;
  compoundName: string;
  location: string;
  category: string;
  description: string;
  urgency: EventUrgency;
  status: EventStatus;
  level: EventLevel;
  body: EventBody | null;
  liaisonId: string | null;
  liaisonName: string | null;
  patrolId: string | null;
  dispatchedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  overdueEscalatedAt: Date | null;
  resolutionNote: string | null;
  reporterAccountId: string | null;
  reporterPersonId: string | null;
  reporterName: string;
  reportedVia: 'staff' | 'resident';
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Events with their place and compound (the caller filters and checks). */
export function eventRows(db: Executor) {
  return db
    .selectFrom('grid_events as e')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'e.street_id').onRef('p.id', '=', 'e.place_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.compound_id'))
    .leftJoin('grid_liaisons as l', (j) => j.onRef('l.street_id', '=', 'e.street_id').onRef('l.id', '=', 'e.liaison_id'))
    .select([
      'e.id',
      'e.street_id as streetId',
      'e.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'e.compound_id as compoundId',
      'c.name as compoundName',
      'e.location',
      'e.category',
      'e.description',
      'e.urgency',
      'e.status',
      'e.level',
      'e.body',
      'e.liaison_id as liaisonId',
      'l.name as liaisonName',
      'e.patrol_id as patrolId',
      'e.dispatched_at as dispatchedAt',
      'e.due_at as dueAt',
      'e.resolved_at as resolvedAt',
      'e.closed_at as closedAt',
      'e.overdue_escalated_at as overdueEscalatedAt',
      'e.resolution_note as resolutionNote',
      'e.reporter_account_id as reporterAccountId',
      'e.reporter_person_id as reporterPersonId',
      'e.reporter_name as reporterName',
      'e.reported_via as reportedVia',
      'e.rating',
      'e.rating_comment as ratingComment',
      'e.rated_at as ratedAt',
      'e.created_at as createdAt',
      'e.updated_at as updatedAt',
    ]);
}

/**
 * The SQL row filter of what a staff member reads: events at places their grants cover (every eventsRead role but
 * the liaison's), and — for a liaison — the events dispatched, now or before, to one of their liaison rows.
 */
export function readableEvents(ctx: Ctx): Expression<SqlBool> {
  if (isSystem(ctx.actor)) return sql<SqlBool>`true`;
  const byPlace = pathInScope('p.path', scopePrefixes(ctx.actor, READ_BY_PLACE));
  const asLiaison = ctx.actor.grants.some((g) => g.role === 'department_reviewer')
    ? sql<SqlBool>`exists (select 1 from grid_event_steps s join grid_liaisons sl on sl.street_id = s.street_id and sl.id = s.liaison_id
        where s.street_id = e.street_id and s.event_id = e.id and sl.account_id = ${ctx.actor.accountId})`
    : sql<SqlBool>`false`;
  return sql<SqlBool>`(${byPlace} or ${asLiaison})`;
}

/** Whether the actor holds any role that reads events at all (else a list is a 403). */
export const readsEvents = (ctx: Ctx) => isSystem(ctx.actor) || ctx.actor.grants.some((g) => (GRID_ROLES.eventsRead as readonly string[]).includes(g.role));

/** An event the actor may read (by place, as a liaison it was sent to, or as its reporter), locked when asked. */
export async function eventFor(db: Executor, ctx: Ctx, id: string, { forUpdate = false, asReporter = false } = {}): Promise<EventRow> {
  const row = (await eventRows(db)
    .where('e.id', '=', id)
    .where((eb) =>
      asReporter
        ? eb.or([readableEvents(ctx), eb('e.reporter_account_id', '=', ctx.actor.accountId), ...(ctx.actor.personId ? [eb('e.reporter_person_id', '=', ctx.actor.personId)] : [])])
        : readableEvents(ctx),
    )
    .$if(forUpdate, (q) => q.forUpdate('e'))
    .executeTakeFirst()) as EventRow | undefined;
  if (!row) throw EventsErrors.EVENT_NOT_FOUND();
  return row;
}

/** The dispatcher of an event: eventsDispatch over its place; once escalated to the street, street officials only. */
export const isDispatcher = (ctx: Ctx, e: Pick<EventRow, 'level' | 'placePath'>) =>
  e.level === 'street' ? allows(ctx.actor, 'eventsDispatchStreet', e.placePath) : allows(ctx.actor, 'eventsDispatch', e.placePath);

/** The body an event is with, as its handler: property staff of the compound, community staff, or the line's liaison. */
export async function isHandler(db: Executor, ctx: Ctx, e: Pick<EventRow, 'body' | 'placePath' | 'liaisonId' | 'streetId'>): Promise<boolean> {
  if (!e.body) return false;
  if (e.body === 'property') return allows(ctx.actor, 'eventsHandleProperty', e.placePath);
  if (e.body === 'committee') return allows(ctx.actor, 'eventsHandleCommittee', e.placePath);
  if (!e.liaisonId) return false;
  if (isSystem(ctx.actor)) return true;
  const l = await db.selectFrom('grid_liaisons').select('account_id').where('street_id', '=', e.streetId).where('id', '=', e.liaisonId).executeTakeFirst();
  return l?.account_id === ctx.actor.accountId;
}

/** The reporter of an event: the account that reported it, or (a resident) the person. */
export const isReporter = (ctx: Ctx, e: Pick<EventRow, 'reporterAccountId' | 'reporterPersonId'>) =>
  (!!e.reporterAccountId && e.reporterAccountId === ctx.actor.accountId) || (!!e.reporterPersonId && e.reporterPersonId === ctx.actor.personId);

/** What the viewer may do with the event now: the detail's `actions` (the same checks the use cases make). */
export async function actionsFor(db: Executor, ctx: Ctx, e: EventRow): Promise<EventAction[]> {
  const out: EventAction[] = [];
  const dispatcher = isDispatcher(ctx, e);
  const handler = await isHandler(db, ctx, e);
  if (dispatcher) {
    if (e.status === 'reported') out.push('dispatch');
    if (e.status === 'dispatched' || e.status === 'handling') out.push('reassign');
    if (e.status === 'reported' || e.status === 'dispatched') out.push('dismiss');
    if (e.level === 'community' && ['reported', 'dispatched', 'handling'].includes(e.status)) out.push('escalate');
    if (e.status === 'resolved') out.push('close');
    if (e.status === 'resolved' || e.status === 'closed') out.push('reopen');
  }
  if (handler) {
    if (e.status === 'dispatched') out.push('accept', 'reject');
    if (e.status === 'handling') out.push('resolve');
  }
  if (e.status === 'closed' && e.rating === null && isReporter(ctx, e)) out.push('rate');
  return out;
}

/** Refuses a change the event's status does not allow. */
export function requireStatus(e: Pick<EventRow, 'status'>, allowed: readonly EventStatus[]): void {
  if (!allowed.includes(e.status)) throw EventsErrors.EVENT_STATE();
}

/** The due time of an event dispatched at `at`: urgent 24 hours, normal 72 hours later. */
export const dueFrom = (at: Date, urgency: EventUrgency) => new Date(at.getTime() + EVENT_DUE_HOURS[urgency] * 3_600_000);

/** The compound's serving liaison of a line (from_on ≤ today, not ended). */
export async function servingLiaison(db: Executor, streetId: string, compoundId: string, line: LiaisonLine, today: string) {
  return db
    .selectFrom('grid_liaisons')
    .select(['id', 'account_id', 'name'])
    .where('street_id', '=', streetId)
    .where('compound_id', '=', compoundId)
    .where('line', '=', line)
    .where('from_on', '<=', today)
    .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', today)]))
    .orderBy('from_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One line of the timeline, in the transaction of the change it records. */
export async function recordStep(
  tx: Tx,
  ctx: Ctx,
  e: { streetId: string; id: string },
  step: { kind: string; from: EventStatus | null; to: EventStatus; body?: EventBody | null; liaisonId?: string | null; note?: string | null },
): Promise<void> {
  await tx
    .insertInto('grid_event_steps')
    .values({
      street_id: e.streetId,
      id: newId(),
      event_id: e.id,
      kind: step.kind,
      from_status: step.from,
      to_status: step.to,
      body: step.body ?? null,
      liaison_id: step.liaisonId ?? null,
      actor_account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      actor_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
      note: step.note ?? null,
      at: ctx.kernel.clock.now(),
    })
    .execute();
}

/** Whom a body's notice reaches at the event's place. */
export function bodyRecipients(body: EventBody, liaisonAccountId: string | null): Recipients {
  if (body === 'property') return { roles: ['property_manager', 'property_staff'] };
  if (body === 'committee') return { roles: ['community_secretary', 'committee_staff'] };
  return { accounts: liaisonAccountId ? [liaisonAccountId] : [] };
}

/**
 * Sends an event to a body: the property company (the compound must have one), the residents' committee, or a
 * department line — only when the compound has a serving liaison of that line (NO_LIAISON otherwise). Answers the
 * liaison it goes to (null for property and committee).
 */
export async function bodyFor(tx: Tx, ctx: Ctx, e: Pick<EventRow, 'streetId' | 'compoundId'>, body: EventBody): Promise<{ liaisonId: string | null; liaisonAccountId: string | null }> {
  if (body === 'committee') return { liaisonId: null, liaisonAccountId: null };
  if (body === 'property') {
    const services = await compoundServices(tx, e.compoundId);
    if (!services.propertyCompany) throw EventsErrors.NO_PROPERTY_COMPANY();
    return { liaisonId: null, liaisonAccountId: null };
  }
  const liaison = await servingLiaison(tx, e.streetId, e.compoundId, body, chinaDay(ctx.kernel.clock.now()));
  if (!liaison) throw EventsErrors.NO_LIAISON({ line: LINE_ZH[body] });
  return { liaisonId: liaison.id, liaisonAccountId: liaison.account_id };
}

/**
 * Sending an event to a body (dispatch, reassign): the body and its liaison set, a new time limit from now — 24 hours
 * (urgent) or 72 hours — and, after the step, the body told. The `set` and `after` of such a transition.
 */
export function toBody(ctx: Ctx, body: EventBody): Pick<Transition, 'set' | 'after'> {
  const now = ctx.kernel.clock.now();
  let liaisonAccountId: string | null = null;
  return {
    set: async (e, tx) => {
      const to = await bodyFor(tx, ctx, e, body);
      liaisonAccountId = to.liaisonAccountId;
      return { columns: { body, liaison_id: to.liaisonId, dispatched_at: now, due_at: dueFrom(now, e.urgency) }, body, liaisonId: to.liaisonId };
    },
    after: async (e, tx) => {
      await notify(tx, ctx, {
        template: 'grid.events.dispatched',
        placeId: e.placeId,
        to: bodyRecipients(body, liaisonAccountId),
        data: { place: e.compoundName, location: e.location || e.placeName, body: BODY_ZH[body] },
        subject: { type: 'grid_event', id: e.id },
      });
    },
  };
}

export const LINE_ZH: Record<LiaisonLine, string> = { police: '公安', urban_management: '城管', housing: '住建（房管）', market: '市场监管', fire: '消防' };
export const BODY_ZH: Record<EventBody, string> = { property: '物业服务企业', committee: '社区居委会', ...LINE_ZH };
export const STATUS_ZH: Record<EventStatus, string> = { reported: '待派遣', dispatched: '待受理', handling: '处理中', resolved: '待结案', closed: '已结案', dismissed: '不予受理' };

/** What a transition writes besides the status: columns of the event, and the body and liaison its step records. */
export interface Change {
  columns?: Updateable<GridEventsTable>;
  body?: EventBody | null;
  liaisonId?: string | null;
}

export interface Transition {
  /** Who may take it: the dispatcher of the event, or the body it is with. */
  who: 'dispatcher' | 'handler';
  from: readonly EventStatus[];
  /** The status after it (absent: unchanged, as an escalation). */
  to?: EventStatus;
  /** The timeline's kind and the audit action. */
  kind: string;
  action: string;
  note?: string | null;
  /** Further checks on the locked row, before anything is written. */
  check?: (e: EventRow, tx: Tx) => Promise<void> | void;
  /** The columns to set besides status and updated_at, and the body/liaison the step records. */
  set?: (e: EventRow, tx: Tx) => Promise<Change> | Change;
  /** Who is told, after the change is written. */
  after?: (e: EventRow, tx: Tx) => Promise<void>;
}

/**
 * One state change of an event, in one transaction: the row locked, the actor checked (403 before the status, so a
 * stranger learns nothing of the state), the status checked (409), the row updated, a timeline step and an audit
 * entry written. A refusal writes nothing.
 */
export async function transition(ctx: Ctx, id: string, t: Transition): Promise<{ id: string; status: EventStatus }> {
  return write(ctx, async (tx) => {
    const e = await eventFor(tx, ctx, id, { forUpdate: true });
    const allowed = t.who === 'dispatcher' ? isDispatcher(ctx, e) : await isHandler(tx, ctx, e);
    if (!allowed) throw CommonErrors.FORBIDDEN();
    requireStatus(e, t.from);
    await t.check?.(e, tx);
    const change = (await t.set?.(e, tx)) ?? {};
    const now = ctx.kernel.clock.now();
    const to = t.to ?? e.status;
    await tx
      .updateTable('grid_events')
      .set({ ...(change.columns ?? {}), status: to, updated_at: now })
      .where('street_id', '=', e.streetId)
      .where('id', '=', e.id)
      .execute();
    const body = change.body !== undefined ? change.body : e.body;
    await recordStep(tx, ctx, e, { kind: t.kind, from: e.status, to, body, liaisonId: change.liaisonId ?? null, note: t.note ?? null });
    await t.after?.(e, tx);
    await audit(tx, ctx, { action: t.action, placeId: e.placeId, subjectType: 'grid_event', subjectId: e.id, detail: { from: e.status, to, ...(body ? { body } : {}), ...(t.note ? { note: t.note } : {}) } });
    return { id: e.id, status: to };
  });
}
