import { sql } from 'kysely';
import { can, isSystem, type Role } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices } from '../../registry/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import { AGENCY_STATUS_ZH } from '../grid.agency.constants.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { Executor, Tx } from '../grid.db.ts';
import { placeFilter } from '../grid.policy.ts';
import type { AgencyCaseStatus, AgencyStep } from '../grid.tables.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';

/**
 * The shared rules of the agency part. A point is run by the property company serving its compound: its staff are
 * property staff or managers (agencyHandle) with a grant covering the compound, while the compound's company is still
 * the point's company. Those who oversee points (the street, the community, the platform's admin: agencyRead without
 * the property roles) read every point under their grants; property staff read only the points they staff.
 */

const PROPERTY: readonly Role[] = ['property_manager', 'property_staff'];
/** agencyRead without the property roles: who reads every point under their grants. */
export const OVERSEERS: readonly Role[] = GRID_ROLES.agencyRead.filter((r) => !PROPERTY.includes(r));

/** Today in China (YYYY-MM-DD): due days are China days. */
export const todayOf = (ctx: Pick<Ctx, 'kernel'>) => chinaDay(ctx.kernel.clock.now());

/** A day plus n days ('2026-11-22' + 14 → '2026-12-06'). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export interface PointRow {
  streetId: string;
  id: string;
  name: string;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
  companyId: string;
  address: string;
  hours: string;
  phone: string;
  active: boolean;
}

export interface PointAccess {
  /** May read the point and its cases and bookings. */
  reads: boolean;
  /** Staffs the point: opens and moves its cases, answers its bookings, sees its documents. */
  staffs: boolean;
}

const pointColumns = [
  'pt.street_id as streetId',
  'pt.id',
  'pt.name',
  'pt.compound_id as compoundId',
  'c.name as compoundName',
  'c.path as compoundPath',
  'pt.company_id as companyId',
  'pt.address',
  'pt.hours',
  'pt.phone',
  'pt.active',
] as const;

function pointsQuery(db: Executor) {
  return db.selectFrom('grid_agency_points as pt').innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'pt.street_id').onRef('c.id', '=', 'pt.compound_id'));
}

/** Whether the actor staffs a point: a property grant covering its compound, and the compound still served by the point's company. */
async function staffs(db: Executor, ctx: Ctx, point: PointRow, companies: Map<string, string | null>): Promise<boolean> {
  if (isSystem(ctx.actor)) return true;
  if (!can(ctx.actor, GRID_ROLES.agencyHandle, point.compoundPath)) return false;
  if (!companies.has(point.compoundId)) companies.set(point.compoundId, (await compoundServices(db, point.compoundId)).propertyCompany?.id ?? null);
  return companies.get(point.compoundId) === point.companyId;
}

/** What the actor may do at a point. */
export async function accessTo(db: Executor, ctx: Ctx, point: PointRow, companies = new Map<string, string | null>()): Promise<PointAccess> {
  const staffing = await staffs(db, ctx, point, companies);
  return { staffs: staffing, reads: staffing || can(ctx.actor, OVERSEERS, point.compoundPath) };
}

/** The points the actor may read (each with what it may do there), filtered by grants in SQL, then by company. */
export async function visiblePoints(db: Executor, ctx: Ctx, { pointId }: { pointId?: string } = {}): Promise<(PointRow & PointAccess)[]> {
  const rows = await pointsQuery(db)
    .select(pointColumns)
    .where(placeFilter(ctx.actor, 'agencyRead', 'pt.compound_id', 'c.path'))
    .$if(!!pointId, (q) => q.where('pt.id', '=', pointId!))
    .orderBy('c.path')
    .orderBy('pt.name')
    .execute();
  const companies = new Map<string, string | null>();
  const out: (PointRow & PointAccess)[] = [];
  for (const r of rows) {
    const access = await accessTo(db, ctx, r, companies);
    if (access.reads) out.push({ ...r, ...access });
  }
  return out;
}

/** A point the actor may read, or AGENCY_POINT_NOT_FOUND. */
export async function readablePoint(db: Executor, ctx: Ctx, pointId: string): Promise<PointRow & PointAccess> {
  const [point] = await visiblePoints(db, ctx, { pointId });
  if (!point) throw AgencyErrors.AGENCY_POINT_NOT_FOUND();
  return point;
}

/** A point the actor staffs: 404 when it may not even read it, 403 when it reads but does not staff it. */
export async function staffedPoint(db: Executor, ctx: Ctx, pointId: string): Promise<PointRow & PointAccess> {
  const point = await readablePoint(db, ctx, pointId);
  if (!point.staffs) throw AgencyErrors.AGENCY_NOT_POINT_STAFF();
  return point;
}

/** Any point by id, for the street's own management (no access check: the caller authorises). */
export async function pointById(db: Executor, pointId: string): Promise<PointRow | undefined> {
  return pointsQuery(db).select(pointColumns).where('pt.id', '=', pointId).executeTakeFirst();
}

export interface CaseRow {
  streetId: string;
  id: string;
  no: string;
  pointId: string;
  compoundId: string;
  serviceId: string;
  serviceName: string;
  applicantPersonId: string | null;
  applicantName: string;
  applicantPhoneMasked: string | null;
  idNumberMasked: string | null;
  status: AgencyCaseStatus;
  outcome: 'success' | 'refused' | null;
  refusalReason: string | null;
  acceptedAt: Date;
  dueOn: string;
  sentAt: Date | null;
  resultAt: Date | null;
  handedOverOn: string | null;
  handover: 'in_person' | 'delivered' | null;
  completedAt: Date | null;
  onTime: boolean | null;
  payFen: number | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  documentsPurgedAt: Date | null;
}

export const caseColumns = [
  'k.street_id as streetId',
  'k.id',
  'k.no',
  'k.point_id as pointId',
  'k.compound_id as compoundId',
  'k.service_id as serviceId',
  'k.service_name as serviceName',
  'k.applicant_person_id as applicantPersonId',
  'k.applicant_name as applicantName',
  'k.applicant_phone_masked as applicantPhoneMasked',
  'k.id_number_masked as idNumberMasked',
  'k.status',
  'k.outcome',
  'k.refusal_reason as refusalReason',
  'k.accepted_at as acceptedAt',
  'k.due_on as dueOn',
  'k.sent_at as sentAt',
  'k.result_at as resultAt',
  'k.handed_over_on as handedOverOn',
  'k.handover',
  'k.completed_at as completedAt',
  'k.on_time as onTime',
  'k.pay_fen as payFen',
  'k.withdrawn_at as withdrawnAt',
  'k.withdraw_reason as withdrawReason',
  'k.documents_purged_at as documentsPurgedAt',
] as const;

/** A case by id, locked when asked (no access check: the caller decides). */
export async function caseById(db: Executor, id: string, { lock = false } = {}): Promise<CaseRow | undefined> {
  const q = db.selectFrom('grid_agency_cases as k').select(caseColumns).where('k.id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** A case at a point the actor staffs, locked, in the status the step needs; else 404 / 403 / 409. */
export async function caseToHandle(db: Executor, ctx: Ctx, id: string, from: readonly AgencyCaseStatus[], action: { zh: string; en: string }): Promise<{ kase: CaseRow; point: PointRow & PointAccess }> {
  const kase = await caseById(db, id, { lock: true });
  if (!kase) throw AgencyErrors.AGENCY_CASE_NOT_FOUND();
  const [point] = await visiblePoints(db, ctx, { pointId: kase.pointId });
  if (!point) throw AgencyErrors.AGENCY_CASE_NOT_FOUND();
  if (!point.staffs) throw AgencyErrors.AGENCY_NOT_POINT_STAFF();
  if (!from.includes(kase.status)) throw AgencyErrors.AGENCY_CASE_WRONG_STATUS({ status: kase.status, statusZh: AGENCY_STATUS_ZH[kase.status], action: action.en, actionZh: action.zh });
  return { kase, point };
}

/** A case is overdue when not finished (completed or withdrawn) and its due day has passed (the due day itself is not). */
export const isOverdue = (status: AgencyCaseStatus, dueOn: string, today: string) => (status === 'accepted' || status === 'sent' || status === 'result') && dueOn < today;

/** SQL: the case is open and past its due day. */
export const overdueSql = (today: string) => sql<boolean>`(k.status in ('accepted', 'sent', 'result') and k.due_on < ${today}::date)`;

/** The streets the actor holds a grant in for a permission's roles (for street-wide lists: services, settings). */
export async function streetsOfActor(db: Executor, ctx: Ctx, roles: readonly Role[]): Promise<string[]> {
  if (isSystem(ctx.actor)) return (await db.selectFrom('street_places').select('id').where('kind', '=', 'street').execute()).map((s) => s.id);
  const ids = ctx.actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.placeId);
  if (!ids.length) return [];
  const rows = await db.selectFrom('places').select(['street_id', 'path']).where('id', 'in', ids).execute();
  const streets = new Set(rows.map((r) => r.street_id).filter((s): s is string => !!s));
  // A grant above street level (a district) covers the streets under it.
  const above = rows.filter((r) => !r.street_id).map((r) => r.path);
  if (above.length) {
    const under = await db.selectFrom('street_places').select('id').where('kind', '=', 'street').where((eb) => eb.or(above.map((p) => eb('path', 'like', `${p}%`)))).execute();
    for (const s of under) streets.add(s.id);
  }
  return [...streets];
}

/**
 * The street whose agency settings the actor manages (agencyManage with a grant covering the whole street): the one
 * named, or the actor's only one. 403 when the actor manages none (or not the one named).
 */
export async function managedStreet(db: Executor, ctx: Ctx, streetId?: string): Promise<{ id: string; path: string }> {
  const streets = await db
    .selectFrom('street_places')
    .select(['id', 'path'])
    .where('kind', '=', 'street')
    .where(placeFilter(ctx.actor, 'agencyManage', 'id', 'path'))
    .$if(!!streetId, (q) => q.where('id', '=', streetId!))
    .orderBy('name')
    .execute();
  if (!streets[0]) throw CommonErrors.FORBIDDEN();
  return streets[0];
}

/** The streets whose services the actor may read (any agency permission): named, or all of the actor's. */
export async function readableStreets(db: Executor, ctx: Ctx, streetId?: string): Promise<string[]> {
  const streets = await streetsOfActor(db, ctx, [...new Set([...GRID_ROLES.agencyRead, ...GRID_ROLES.agencyHandle, ...GRID_ROLES.agencyManage])]);
  if (!streetId) return streets;
  return streets.includes(streetId) ? [streetId] : [];
}

/** The acting account, as a column referring to accounts (the system's own actor is none). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);

/** Adds a step to a case's timeline, by the acting account at the clock's now. */
export async function addStep(tx: Executor, ctx: Ctx, kase: { streetId: string; id: string }, step: AgencyStep, note = ''): Promise<void> {
  await tx
    .insertInto('grid_agency_case_steps')
    .values({ street_id: kase.streetId, id: newId(), case_id: kase.id, step, note, at: ctx.kernel.clock.now(), by_account: accountOf(ctx), by_name: isSystem(ctx.actor) ? '' : ctx.actor.name })
    .execute();
}

/** The applicant's person, told of each step in the app when they have an account (nobody else is). */
export async function tellApplicant(tx: Tx, ctx: Ctx, kase: Pick<CaseRow, 'applicantPersonId' | 'compoundId' | 'id' | 'serviceName'>, template: string, data: Record<string, string | number> = {}): Promise<void> {
  if (!kase.applicantPersonId) return;
  await notify(tx, ctx, { template, placeId: kase.compoundId, to: { persons: [kase.applicantPersonId] }, data: { id: kase.id, service: kase.serviceName, ...data }, subject: { type: 'grid_agency_case', id: kase.id } });
}
