import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames, ownerPersonsUnder } from '../../registry/index.ts';
import { read } from '../fees.db.ts';
import { RATING_DIMENSIONS, type RatingDimension } from '../fees.ratings.constants.ts';
import type { RatingSummaryQuery } from '../fees.ratings.schemas.ts';
import { arrearsScope } from './arrears-scope.ts';
import { ownerRatingsFor } from './owner-ratings-for.ts';
import { average2 } from './rating-rules.ts';

/** Per dimension: the exact average as sum / count, and as shown (two decimals, rounded half up). */
const dimensionsOf = (sums: Record<RatingDimension, number>, count: number) => RATING_DIMENSIONS.map((key) => ({ key, sum: sums[key], count, average: average2(sums[key], count) }));

const addSums = (a: Record<RatingDimension, number>, b: Record<RatingDimension, number>) =>
  Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, a[d] + b[d]])) as Record<RatingDimension, number>;
const ZERO = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, 0])) as Record<RatingDimension, number>;

/**
 * 业主评价 summary at a place the actor reads fees of (none given: their widest), months `from`..`to`: per dimension
 * the exact average (sum / count, shown with two decimals), the count of ratings, and the share of owners who rated
 * (distinct raters / persons owning rooms under the place now); then the same per compound and company.
 */
export async function ratingSummary(ctx: Ctx, q: RatingSummaryQuery) {
  const { place } = await arrearsScope(ctx, q.placeId, 'read');
  const db = read(ctx);
  const rows = await ownerRatingsFor(db, { placePath: place.path, from: q.from, to: q.to });
  const count = rows.reduce((n, r) => n + r.count, 0);
  const sums = rows.reduce((s, r) => addSums(s, r.sums), ZERO);
  // A person owning in two compounds counts once under the place.
  const raters = await db
    .selectFrom('fee_ratings as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
    .select(sql<number>`count(distinct r.person_id)::int`.as('n'))
    .where('c.path', 'like', `${place.path}%`)
    .where('r.period', '>=', q.from)
    .where('r.period', '<=', q.to)
    .executeTakeFirstOrThrow();
  const compoundIds = [...new Set(rows.map((r) => r.compoundId))];
  const compounds = compoundIds.length ? await db.selectFrom('street_places').select(['id', 'name', 'path']).where('id', 'in', compoundIds).execute() : [];
  const owners = await ownerPersonsUnder(db, [{ id: place.id, path: place.path }, ...compounds]);
  const companies = await organisationNames(db, rows.map((r) => r.companyId));
  return {
    placeId: place.id,
    placeName: place.name,
    from: q.from,
    to: q.to,
    count,
    raters: raters.n,
    owners: owners.get(place.id) ?? 0,
    dimensions: dimensionsOf(sums, count),
    compounds: rows.map((r) => {
      const c = compounds.find((x) => x.id === r.compoundId);
      return { compoundId: r.compoundId, compoundName: c?.name ?? '', companyId: r.companyId, companyName: companies.get(r.companyId) ?? '', count: r.count, raters: r.raters, owners: owners.get(r.compoundId) ?? 0, dimensions: dimensionsOf(r.sums, r.count) };
    }),
  };
}
