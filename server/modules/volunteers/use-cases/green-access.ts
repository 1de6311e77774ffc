import { type Expression, type SqlBool, sql } from 'kysely';
import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../volunteers.db.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import type { GreenAdoptionStatus } from '../volunteers.tables.ts';
import { allows } from '../volunteers.policy.ts';

export type GreenPlotStatus = 'available' | 'adopted' | 'closed';

export interface PlotRow {
  id: string;
  streetId: string;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
  name: string;
  areaCenti: number;
  location: string;
  description: string;
  closedAt: Date | null;
  closedReason: string | null;
  status: GreenPlotStatus;
  /** The adoption covering today, if any: its adopter's name (the caller masks it for neighbours) and period. */
  adopterName: string | null;
  adoptedFrom: string | null;
  adoptedTo: string | null;
  updatedAt: Date;
}

/**
 * Whether an adoption (alias `a`) covers the day: approved (active, or ended later), begun by then, not past its end,
 * and not yet ended early (ended_on is the first day it no longer covers).
 */
export const coversDay = (day: string | Expression<string>, a = 'a'): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${a}.status`)} in ('active', 'ended') and ${sql.ref(`${a}.from_day`)} <= ${day}::date and ${sql.ref(`${a}.to_day`)} >= ${day}::date and (${sql.ref(`${a}.ended_on`)} is null or ${sql.ref(`${a}.ended_on`)} > ${day}::date))`;

/** The adoption (alias `cur`) covering `day` of each plot `p`, joined laterally (at most one: approvals refuse overlaps). */
function withCurrent(db: Executor, day: string) {
  return db
    .selectFrom('vol_green_plots as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.place_id'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('vol_green_adoptions as a')
          .select(['a.person_name', 'a.from_day', 'a.to_day', 'a.ended_on'])
          .whereRef('a.street_id', '=', 'p.street_id')
          .whereRef('a.plot_id', '=', 'p.id')
          .where(coversDay(day))
          .orderBy('a.from_day')
          .limit(1)
          .as('cur'),
      (j) => j.onTrue(),
    );
}

/** The plot status as SQL, on the day. */
export const plotStatusSql = sql<GreenPlotStatus>`case when p.closed_at is not null then 'closed' when cur.person_name is not null then 'adopted' else 'available' end`;

/** Plots with their compound and the adoption covering `day`, whoever asks (the caller filters and checks). */
export function plotRows(db: Executor, day: string) {
  return withCurrent(db, day).select([
    'p.id',
    'p.street_id as streetId',
    'p.place_id as compoundId',
    'c.name as compoundName',
    'c.path as compoundPath',
    'p.name',
    'p.area_centi as areaCenti',
    'p.location',
    'p.description',
    'p.closed_at as closedAt',
    'p.closed_reason as closedReason',
    plotStatusSql.as('status'),
    'cur.person_name as adopterName',
    'cur.from_day as adoptedFrom',
    sql<string | null>`case when cur.ended_on is null then cur.to_day else least(cur.to_day, cur.ended_on - 1) end`.as('adoptedTo'),
    'p.updated_at as updatedAt',
  ]);
}

/** A plot the actor may read (greenRead) or manage (greenManage): not found outside their places; 403 when only readable. */
export async function plotFor(db: Executor, ctx: Ctx, id: string, day: string, permission: 'greenRead' | 'greenManage'): Promise<PlotRow> {
  const row = (await plotRows(db, day).where('p.id', '=', id).executeTakeFirst()) as PlotRow | undefined;
  if (!row || !allows(ctx.actor, 'greenRead', row.compoundPath)) throw GreenErrors.PLOT_NOT_FOUND();
  if (permission === 'greenManage' && !allows(ctx.actor, 'greenManage', row.compoundPath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** Locks a plot's row for a change of its adoptions (approvals of one plot run one after another). */
export async function lockPlot(db: Executor, streetId: string, plotId: string) {
  return db.selectFrom('vol_green_plots').select(['id', 'closed_at']).where('street_id', '=', streetId).where('id', '=', plotId).forUpdate().executeTakeFirstOrThrow();
}

export interface AdoptionRow {
  id: string;
  streetId: string;
  plotId: string;
  plotName: string;
  areaCenti: number;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
  personId: string;
  personName: string;
  accountId: string | null;
  roomId: string | null;
  roomLabel: string | null;
  fromDay: string;
  toDay: string;
  note: string;
  status: GreenAdoptionStatus;
  rejectReason: string | null;
  decidedAt: Date | null;
  endedOn: string | null;
  endReason: string | null;
  createdAt: Date;
}

/** Adoptions with their plot and compound, whoever asks. */
export function adoptionRows(db: Executor) {
  return db
    .selectFrom('vol_green_adoptions as a')
    .innerJoin('vol_green_plots as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.plot_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.place_id'))
    .select([
      'a.id',
      'a.street_id as streetId',
      'a.plot_id as plotId',
      'p.name as plotName',
      'p.area_centi as areaCenti',
      'a.place_id as compoundId',
      'c.name as compoundName',
      'c.path as compoundPath',
      'a.person_id as personId',
      'a.person_name as personName',
      'a.account_id as accountId',
      'a.room_id as roomId',
      'a.room_label as roomLabel',
      'a.from_day as fromDay',
      'a.to_day as toDay',
      'a.note',
      'a.status',
      'a.reject_reason as rejectReason',
      'a.decided_at as decidedAt',
      'a.ended_on as endedOn',
      'a.end_reason as endReason',
      'a.created_at as createdAt',
    ]);
}

/** An adoption for staff: not found outside their places (greenRead); 403 when they may not manage it. */
export async function adoptionFor(db: Executor, ctx: Ctx, id: string, permission: 'greenRead' | 'greenManage', forUpdate = false): Promise<AdoptionRow> {
  const row = (await adoptionRows(db)
    .where('a.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('a'))
    .executeTakeFirst()) as AdoptionRow | undefined;
  if (!row || !allows(ctx.actor, 'greenRead', row.compoundPath)) throw GreenErrors.ADOPTION_NOT_FOUND();
  if (permission === 'greenManage' && !allows(ctx.actor, 'greenManage', row.compoundPath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** Whether a place is within the actor's grants (above or below one): a place the actor may name in a request. */
export const seesPlace = (ctx: Ctx, path: string): boolean => isSystem(ctx.actor) || ctx.actor.grants.some((g) => path.startsWith(g.placePath) || g.placePath.startsWith(path));

/** The first active (or later ended) adoption of a plot overlapping [from, to], if any: the period it covers. */
export async function overlapping(db: Executor, streetId: string, plotId: string, from: string, to: string, exceptId?: string): Promise<{ from: string; to: string } | undefined> {
  const row = await db
    .selectFrom('vol_green_adoptions as a')
    .select(['a.from_day', sql<string>`case when a.ended_on is null then a.to_day else least(a.to_day, a.ended_on - 1) end`.as('last')])
    .where('a.street_id', '=', streetId)
    .where('a.plot_id', '=', plotId)
    .where('a.status', 'in', ['active', 'ended'])
    .where('a.from_day', '<=', to)
    .where('a.to_day', '>=', from)
    .where((eb) => eb.or([eb('a.ended_on', 'is', null), eb('a.ended_on', '>', from)]))
    .where((eb) => eb.or([eb('a.ended_on', 'is', null), eb('a.ended_on', '>', eb.ref('a.from_day'))]))
    .$if(!!exceptId, (q) => q.where('a.id', '<>', exceptId!))
    .orderBy('a.from_day')
    .executeTakeFirst();
  return row ? { from: row.from_day, to: row.last } : undefined;
}
