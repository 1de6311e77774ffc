import { sql } from 'kysely';
import type { Ctx } from '../../kernel/context.ts';
import { CommonErrors } from '../../kernel/errors.ts';
import { allows } from './supervision.policy.ts';
import type { Executor } from './supervision.db.ts';
import { COMPANY_SHARE_CAP_PERCENT, DEFAULT_STAR_MINIMUMS, DEFAULT_STAR_REWARDS, type StarMinimums, type StarRewards } from './supervision.stars.constants.ts';
import { StarsErrors } from './supervision.stars.errors.ts';
import { seesApplication } from './use-cases/stars-access.ts';

export interface StarSettings {
  version: number;
  minimums: StarMinimums;
  rewardsFen: StarRewards;
  companyMaxPercent: number;
}

/** A street's star settings; the defaults (version 0) until first saved. */
export async function starSettingsOf(db: Executor, streetId: string): Promise<StarSettings> {
  const row = await db.selectFrom('sup_star_settings').selectAll().where('street_id', '=', streetId).executeTakeFirst();
  if (!row) return { version: 0, minimums: DEFAULT_STAR_MINIMUMS, rewardsFen: DEFAULT_STAR_REWARDS, companyMaxPercent: COMPANY_SHARE_CAP_PERCENT };
  return { version: row.version, minimums: row.minimums, rewardsFen: row.rewards, companyMaxPercent: row.company_max_percent };
}

/** An application with its compound's name, path and street. */
export function applicationQuery(db: Executor) {
  return db
    .selectFrom('sup_star_applications as a')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .selectAll('a')
    .select(['c.name as compoundName', 'c.path as compoundPath']);
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof applicationQuery>['executeTakeFirst']>>>;

/** An application the actor may see (else 404), locked for the caller's change when `lock`. */
export async function visibleApplication(db: Executor, ctx: Ctx, id: string, lock = false): Promise<ApplicationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw StarsErrors.APPLICATION_NOT_FOUND();
  const q = applicationQuery(db).where('a.id', '=', id);
  const row = await (lock ? q.forUpdate('a') : q).executeTakeFirst();
  if (!row || !seesApplication(ctx.actor, { compoundPath: row.compoundPath, assessorId: row.assessor_id })) throw StarsErrors.APPLICATION_NOT_FOUND();
  return row;
}

/** The star in force at a compound (its latest confirmation) and the highest it ever held (0: none). */
export async function compoundStarState(db: Executor, streetId: string, compoundId: string): Promise<{ current: number; highest: number }> {
  const row = await db
    .selectFrom('sup_compound_stars')
    .select([
      sql<number>`coalesce((array_agg(stars order by confirmed_at desc, id desc))[1], 0)`.as('current'),
      sql<number>`coalesce(max(stars), 0)`.as('highest'),
    ])
    .where('street_id', '=', streetId)
    .where('compound_id', '=', compoundId)
    .executeTakeFirstOrThrow();
  return { current: Number(row.current), highest: Number(row.highest) };
}

/** An application the street changes, locked (404 unseen, 403 without starsManage at its compound). */
export async function managedApplication(db: Executor, ctx: Ctx, id: string): Promise<ApplicationRow> {
  const app = await visibleApplication(db, ctx, id, true);
  if (!allows(ctx.actor, 'starsManage', app.compoundPath)) throw CommonErrors.FORBIDDEN();
  return app;
}
