import { sql } from 'kysely';
import { findPlace, holdsAny, pathInScope, pathLabel, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { parsePeriod, periodContaining } from '../../../kernel/payouts/payouts.ts';
import { householdActivationByChild } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { CoverageQuery } from '../grid.collection.schemas.ts';
import { read } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';

/**
 * 采集覆盖 per building, as a table (no map service is reachable): its rooms, the rooms with a household in force
 * (the registry's count), the records submitted this month by kind, and its components by condition — for the
 * buildings in the actor's places (under a chosen community or compound), at most 500.
 */
export async function collectionCoverage(ctx: Ctx, q: CoverageQuery) {
  if (!holdsAny(ctx.actor, GRID_ROLES.collectionRead)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const period = (q.month ? parsePeriod('month', q.month) : null) ?? periodContaining('month', now);
  let under: string | undefined;
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place) throw GridErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  const recordsOf = (kind: string) =>
    sql<number>`(select count(*)::int from grid_records r join street_places rp on rp.street_id = r.street_id and rp.id = r.place_id
      where r.street_id = b.street_id and rp.path like b.path || '%' and r.kind = ${kind} and r.submitted_at >= ${period.start} and r.submitted_at < ${period.end})`;
  const componentsOf = (condition: string) =>
    sql<number>`(select count(*)::int from grid_components c where c.street_id = b.street_id and c.place_id = b.id and c.condition = ${condition})`;
  const buildings = await db
    .selectFrom('street_places as b')
    .select([
      'b.id',
      'b.path',
      'b.parent_id as compoundId',
      pathLabel('b.path', ['compound', 'building']).as('label'),
      sql<number>`(select count(*)::int from street_places r where r.street_id = b.street_id and r.kind = 'room' and r.path like b.path || '%')`.as('rooms'),
      recordsOf('resident_arrival').as('arrivals'),
      recordsOf('resident_departure').as('departures'),
      recordsOf('legal_person').as('legalPersons'),
      recordsOf('component').as('components'),
      componentsOf('good').as('good'),
      componentsOf('damaged').as('damaged'),
      componentsOf('missing').as('missing'),
    ])
    .where('b.kind', '=', 'building')
    .where(pathInScope('b.path', scopePrefixes(ctx.actor, GRID_ROLES.collectionRead)))
    .$if(!!under, (s) => s.where('b.path', 'like', `${under}%`))
    .orderBy('b.path')
    .limit(500)
    .execute();
  const households = new Map<string, number>();
  for (const compoundId of new Set(buildings.map((b) => b.compoundId).filter((c): c is string => !!c))) {
    const compound = await findPlace(db, compoundId);
    if (!compound) continue;
    for (const [child, n] of await householdActivationByChild(db, compound)) households.set(child, n.households);
  }
  return {
    month: period.label,
    items: buildings.map(({ path: _path, compoundId: _c, ...b }) => ({ ...b, roomsWithHousehold: households.get(b.id) ?? 0 })),
  };
}
