import { type PlaceRow, findPlace, placeAncestors, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { householdActivationByChild, householdActivationOfRoom } from '../../registry/index.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { ActivationPolicy, allows } from '../activation.policy.ts';
import { byNaturalName, childPlaces } from '../activation.repository.ts';
import { read } from '../activation.db.ts';

export interface RateRow {
  id: string;
  name: string;
  kind: PlaceRow['kind'];
  households: number;
  activated: number;
  /** activated / households, null when there are no households. */
  rate: number | null;
}

const rateOf = (households: number, activated: number) => (households > 0 ? activated / households : null);
const sum = (rows: { households: number; activated: number }[]) => {
  const households = rows.reduce((s, r) => s + r.households, 0);
  const activated = rows.reduce((s, r) => s + r.activated, 0);
  return { households, activated, rate: rateOf(households, activated) };
};

/**
 * Activation rate per place (activated households / households), one level at a time: the rows are
 * the children of `placeId` (street → community → grid → compound → building → unit → room), or the
 * top places of the actor's grants when no place is given. A place outside the actor's scope is 404.
 */
export async function getActivationRates(ctx: Ctx, placeId?: string) {
  const db = read(ctx);
  if (!placeId) {
    const prefixes = scopePrefixes(ctx.actor, ActivationPolicy.readRates);
    const tops =
      prefixes === null
        ? await db.selectFrom('places').select(['id', 'name', 'kind', 'path']).where('parent_id', 'is', null).execute()
        : prefixes.length === 0
          ? []
          : await db.selectFrom('places').select(['id', 'name', 'kind', 'path']).where('path', 'in', prefixes).execute();
    const items: RateRow[] = [];
    for (const t of tops.sort(byNaturalName)) {
      const totals = sum([...(await householdActivationByChild(db, t)).values()]);
      items.push({ id: t.id, name: t.name, kind: t.kind, ...totals });
    }
    return { place: null, breadcrumb: [], totals: sum(items), items };
  }

  const place = await findPlace(db, placeId);
  if (!place || !allows(ctx.actor, 'readRates', place.path)) throw ActivationErrors.PLACE_NOT_FOUND();
  const breadcrumb = (await placeAncestors(db, place))
    .filter((p) => allows(ctx.actor, 'readRates', p.path))
    .map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  if (place.kind === 'room') {
    const own = await householdActivationOfRoom(db, place.id);
    const households = own.household ? 1 : 0;
    const activated = own.activated ? 1 : 0;
    return { place: { id: place.id, name: place.name, kind: place.kind }, breadcrumb, totals: { households, activated, rate: rateOf(households, activated) }, items: [] };
  }
  const counts = await householdActivationByChild(db, place);
  const items: RateRow[] = (await childPlaces(db, place.id)).map((c) => {
    const n = counts.get(c.id) ?? { households: 0, activated: 0 };
    return { id: c.id, name: c.name, kind: c.kind, households: n.households, activated: n.activated, rate: rateOf(n.households, n.activated) };
  });
  return { place: { id: place.id, name: place.name, kind: place.kind }, breadcrumb, totals: sum([...counts.values()]), items };
}
