import { sql } from 'kysely';
import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere, placeFilter } from '../grid.policy.ts';

/**
 * The workbench to-dos of the social part: applications waiting for my scores (a panel member, rounds in review,
 * not my own organisation's, not yet scored by me); funded lists waiting for my approval (ventureApprove over the
 * round, not the proposer); milestone reports waiting for review (socialManage over the round).
 */
export async function socialStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (isSystem(ctx.actor)) return {};
  const me = ctx.actor.accountId;
  const db = read(ctx);
  const todos: NonNullable<StaffHomeSlice['todos']> = [];
  const toScore = await db
    .selectFrom('grid_venture_applications as a')
    .innerJoin('grid_venture_rounds as r', (j) => j.onRef('r.street_id', '=', 'a.street_id').onRef('r.id', '=', 'a.round_id'))
    .innerJoin('grid_venture_reviewers as v', (j) => j.onRef('v.street_id', '=', 'a.street_id').onRef('v.round_id', '=', 'a.round_id'))
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`min(r.id::text)`.as('roundId')])
    .where('v.account_id', '=', me)
    .where('r.status', '=', 'review')
    .where(sql<boolean>`v.affiliation_org_id is distinct from a.org_id`)
    .where(sql<boolean>`not exists (select 1 from grid_venture_scores s where s.street_id = a.street_id and s.application_id = a.id and s.account_id = ${me})`)
    .executeTakeFirstOrThrow();
  if (Number(toScore.n) > 0) todos.push({ key: 'gridSocialToScore', count: Number(toScore.n), link: `/grid/social/rounds/${toScore.roundId}?tab=review` });
  if (holdsAnywhere(ctx.actor, 'ventureApprove')) {
    const lists = await db
      .selectFrom('grid_venture_fundings as f')
      .innerJoin('grid_venture_rounds as r', (j) => j.onRef('r.street_id', '=', 'f.street_id').onRef('r.id', '=', 'f.round_id'))
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`min(r.id::text)`.as('roundId')])
      .where('f.status', '=', 'proposed')
      .where('f.proposed_by', '<>', me)
      .where(placeFilter(ctx.actor, 'ventureApprove', 'r.place_id', 'p.path'))
      .executeTakeFirstOrThrow();
    todos.push({ key: 'gridSocialFundingToApprove', count: Number(lists.n), link: lists.roundId ? `/grid/social/rounds/${lists.roundId}?tab=funding` : '/grid/social/rounds' });
  }
  if (holdsAnywhere(ctx.actor, 'socialManage')) {
    const reports = await db
      .selectFrom('grid_venture_reports as x')
      .innerJoin('grid_venture_applications as a', (j) => j.onRef('a.street_id', '=', 'x.street_id').onRef('a.id', '=', 'x.application_id'))
      .innerJoin('grid_venture_rounds as r', (j) => j.onRef('r.street_id', '=', 'a.street_id').onRef('r.id', '=', 'a.round_id'))
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`min(r.id::text)`.as('roundId')])
      .where('x.status', '=', 'submitted')
      .where(placeFilter(ctx.actor, 'socialManage', 'r.place_id', 'p.path'))
      .executeTakeFirstOrThrow();
    todos.push({ key: 'gridSocialReportsToReview', count: Number(reports.n), link: reports.roundId ? `/grid/social/rounds/${reports.roundId}?tab=projects` : '/grid/social/rounds' });
  }
  return { todos };
}
