import { sql } from 'kysely';
import { can, isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { Executor } from '../grid.db.ts';
import { MEDIATION_STATUS_ZH, type MediationCaseStatus, type MediationLevel } from '../grid.mediation.constants.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { GridMediationCasesTable, MediationStep } from '../grid.mediation.tables.ts';
import { placeFilter } from '../grid.policy.ts';

/**
 * The shared rules of the mediation part. A case belongs to a committee (its community's, or the street's once
 * escalated). Who reads a case: mediationRead over the case's place, or one of its assigned mediators. Who acts on
 * it: its assigned mediators (the current ones) and the committee's managers (mediationManage over the committee's
 * place); the acts that record what was said (sessions, the agreement, its PDF) are the assigned mediators' alone.
 * Parties are shown in full only to the assigned mediators (mediation-cases-get.ts).
 */

export const todayOf = (ctx: Pick<Ctx, 'kernel'>) => chinaDay(ctx.kernel.clock.now());
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);

export interface CommitteeRow {
  streetId: string;
  id: string;
  placeId: string;
  placeName: string;
  placePath: string;
  level: MediationLevel;
  name: string;
}

const committeeColumns = ['m.street_id as streetId', 'm.id', 'm.place_id as placeId', 'p.name as placeName', 'p.path as placePath', 'm.level', 'm.name'] as const;
export const committeesQuery = (db: Executor) =>
  db.selectFrom('grid_mediation_committees as m').innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'm.street_id').onRef('p.id', '=', 'm.place_id'));

export const committeeById = (db: Executor, id: string) => committeesQuery(db).select(committeeColumns).where('m.id', '=', id).executeTakeFirst() as Promise<CommitteeRow | undefined>;
export const committeeAt = (db: Executor, streetId: string, placeId: string) =>
  committeesQuery(db).select(committeeColumns).where('m.street_id', '=', streetId).where('m.place_id', '=', placeId).executeTakeFirst() as Promise<CommitteeRow | undefined>;

/** The committees the actor may read (mediationRead over the committee's place or any place under it — a community's staff read the street's too). */
export function readableCommittees(db: Executor, ctx: Ctx) {
  return committeesQuery(db)
    .select(committeeColumns)
    .where((eb) =>
      eb.or([
        placeFilter(ctx.actor, 'mediationRead', 'm.place_id', 'p.path'),
        eb.exists(
          eb
            .selectFrom('street_places as u')
            .select(sql`1`.as('one'))
            .whereRef('u.street_id', '=', 'm.street_id')
            .where('u.path', 'like', sql<string>`p.path || '%'`)
            .where(placeFilter(ctx.actor, 'mediationRead', 'u.id', 'u.path')),
        ),
      ]),
    )
    .orderBy('m.level')
    .orderBy('p.path') as unknown as { execute(): Promise<CommitteeRow[]> };
}

/** Current mediators of a committee (until_on null or in the future). */
export function currentMediators(db: Executor, ctx: Ctx, committeeId: string) {
  const today = todayOf(ctx);
  return db
    .selectFrom('grid_mediators')
    .select(['id', 'account_id as accountId', 'name', 'title', 'street_id as streetId', 'committee_id as committeeId'])
    .where('committee_id', '=', committeeId)
    .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', today)]))
    .where('from_on', '<=', today)
    .orderBy('title')
    .orderBy('name')
    .execute();
}

export type CaseRow = {
  streetId: string;
  id: string;
  no: string;
  status: MediationCaseStatus;
  level: MediationLevel;
  committeeId: string;
  committeeName: string;
  committeePath: string;
  placeId: string;
  placeName: string;
  placePath: string;
  communityId: string;
  source_title: string;
} & Pick<
  GridMediationCasesTable,
  | 'source'
  | 'source_ref'
  | 'category'
  | 'summary'
  | 'applicant_person_id'
  | 'opened_at'
  | 'accepted_at'
  | 'due_at'
  | 'overdue_at'
  | 'escalated_at'
  | 'closed_at'
  | 'decline_reason'
  | 'referral'
  | 'failure_note'
  | 'agreement_terms'
  | 'agreed_at'
  | 'signed_on'
  | 'confirmation_court'
  | 'confirmation_applied_on'
  | 'confirmation_outcome'
  | 'confirmation_on'
  | 'confirmation_note'
>;

export function casesQuery(db: Executor) {
  return db
    .selectFrom('grid_mediation_cases as k')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'k.street_id').onRef('p.id', '=', 'k.place_id'))
    .innerJoin('grid_mediation_committees as m', (j) => j.onRef('m.street_id', '=', 'k.street_id').onRef('m.id', '=', 'k.committee_id'))
    .innerJoin('street_places as mp', (j) => j.onRef('mp.street_id', '=', 'm.street_id').onRef('mp.id', '=', 'm.place_id'));
}

/** A case by id, locked when asked (no access check). */
export async function caseById(db: Executor, id: string, { lock = false } = {}): Promise<CaseRow | undefined> {
  const q = casesQuery(db)
    .selectAll('k')
    .select(['k.street_id as streetId', 'm.name as committeeName', 'mp.path as committeePath', 'p.name as placeName', 'p.path as placePath', 'k.place_id as placeId', 'k.committee_id as committeeId', 'k.community_id as communityId'])
    .where('k.id', '=', id);
  const row = await (lock ? q.forUpdate('k') : q).executeTakeFirst();
  return row as unknown as CaseRow | undefined;
}

/** The accounts assigned to a case (current assignments). */
export async function assignedAccounts(db: Executor, streetId: string, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('grid_mediation_assignments').select('account_id').where('street_id', '=', streetId).where('case_id', '=', caseId).execute();
  return rows.map((r) => r.account_id);
}

export interface CaseAccess {
  reads: boolean;
  /** One of the case's assigned mediators. */
  mediator: boolean;
  /** mediationManage over the committee's place. */
  manager: boolean;
}

export async function accessTo(db: Executor, ctx: Ctx, kase: Pick<CaseRow, 'streetId' | 'id' | 'placePath' | 'committeePath'>): Promise<CaseAccess> {
  if (isSystem(ctx.actor)) return { reads: true, mediator: true, manager: true };
  const mediator = (await assignedAccounts(db, kase.streetId, kase.id)).includes(ctx.actor.accountId);
  const manager = can(ctx.actor, GRID_ROLES.mediationManage, kase.committeePath);
  return { mediator, manager, reads: mediator || manager || can(ctx.actor, GRID_ROLES.mediationRead, kase.placePath) };
}

/** SQL: the cases the actor may read (over the place, or assigned to it). */
export const readableCases = (ctx: Ctx) =>
  sql<boolean>`(${placeFilter(ctx.actor, 'mediationRead', 'k.place_id', 'p.path')} or exists (select 1 from grid_mediation_assignments a where a.street_id = k.street_id and a.case_id = k.id and a.account_id = ${isSystem(ctx.actor) ? null : ctx.actor.accountId}))`;

export type Who = 'mediator' | 'either';
/**
 * A case the actor may act on, locked, in a status the act needs: 404 when it may not read it, 403 when it may not
 * act (who before state), 409 when the status is wrong.
 */
export async function caseToAct(db: Executor, ctx: Ctx, id: string, who: Who, from: readonly MediationCaseStatus[], action: { zh: string; en: string }): Promise<{ kase: CaseRow; access: CaseAccess }> {
  const kase = await caseById(db, id, { lock: true });
  if (!kase) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  const access = await accessTo(db, ctx, kase);
  if (!access.reads) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  if (!(access.mediator || (who === 'either' && access.manager))) throw MediationErrors.MEDIATION_NOT_ALLOWED({ action: action.en, actionZh: action.zh });
  if (!from.includes(kase.status)) throw MediationErrors.MEDIATION_WRONG_STATUS({ status: kase.status, statusZh: MEDIATION_STATUS_ZH[kase.status], action: action.en, actionZh: action.zh });
  return { kase, access };
}

/** Adds a step to a case's timeline, by the acting account at the clock's now. */
export async function addStep(tx: Executor, ctx: Ctx, kase: { streetId: string; id: string }, step: MediationStep, note = ''): Promise<void> {
  await tx
    .insertInto('grid_mediation_steps')
    .values({ street_id: kase.streetId, id: newId(), case_id: kase.id, step, note, at: ctx.kernel.clock.now(), by_account: accountOf(ctx), by_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name })
    .execute();
}

/** Whether a case is overdue now: open and its due time passed (strictly). */
export const isOverdue = (status: MediationCaseStatus, dueAt: Date | null, now: Date) => (status === 'accepted' || status === 'in_session') && !!dueAt && dueAt.getTime() < now.getTime();
