import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';

/**
 * The decisions whose roll names me as an owner (the 议事 tab): newest first, with the deadline, and whether a
 * ballot waits for me — I represent an entry that has no counted ballot while voting is open.
 */
export async function myDecisions(ctx: Ctx) {
  const personId = ctx.actor.personId;
  if (!personId) return { items: [] };
  const rows = await read(ctx)
    .selectFrom('dec_roll_entries as e')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'e.street_id').onRef('d.id', '=', 'e.decision_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .leftJoin('dec_ballots as b', (j) => j.onRef('b.street_id', '=', 'e.street_id').onRef('b.entry_id', '=', 'e.id').on('b.status', '=', 'counted'))
    .select(['d.id', 'd.title', 'd.status', 'd.objection_until as objectionUntil', 'd.opens_at as opensAt', 'd.closes_at as closesAt', 'd.published_at as publishedAt'])
    .select(pathLabel('p.path', ['compound', 'building', 'unit']).as('placeLabel'))
    .select((eb) => [
      eb.fn.agg<boolean>('bool_or', [eb.and([eb('e.representative_id', '=', personId), eb('b.id', 'is', null)])]).as('ballotWaiting'),
      eb.fn.agg<boolean>('bool_or', [eb('b.id', 'is not', null)]).as('voted'),
    ])
    .where(sql<boolean>`e.person_ids @> array[${personId}]::uuid[]`)
    .where('e.merged_into', 'is', null)
    .where('d.status', '!=', 'draft')
    .groupBy(['d.id', 'd.title', 'd.status', 'd.objection_until', 'd.opens_at', 'd.closes_at', 'd.published_at', 'p.path', 'd.created_at'])
    .orderBy('d.created_at', 'desc')
    .limit(50)
    .execute();
  return { items: rows.map((r) => ({ ...r, ballotWaiting: r.status === 'open' && !!r.ballotWaiting, voted: !!r.voted })) };
}

/** The resident home's slice: the votes waiting for my ballot, soonest deadline first. */
export async function decisionsHome(ctx: Ctx) {
  const { items } = await myDecisions(ctx);
  const waiting = items.filter((d) => d.ballotWaiting).sort((a, b) => (a.closesAt?.getTime() ?? 0) - (b.closesAt?.getTime() ?? 0));
  return { decisions: { waiting: waiting.map((d) => ({ id: d.id, title: d.title, closesAt: d.closesAt, placeLabel: d.placeLabel })) } };
}
