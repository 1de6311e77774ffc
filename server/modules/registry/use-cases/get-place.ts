import { placeAncestors } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { allows } from '../registry.policy.ts';
import { placeDetail, placeStats } from '../registry.repository.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

/** One place with its breadcrumb, details and summary counts. */
export async function getPlace(ctx: Ctx, id: string) {
  const db = read(ctx);
  const place = await loadPlaceFor(db, ctx, id, 'readPlaces');
  const [detail, ancestors] = await Promise.all([placeDetail(db, id), placeAncestors(db, place)]);
  return {
    ...detail!,
    // Only ancestors inside the actor's scope are named; the rest of the chain stays hidden.
    breadcrumb: ancestors.filter((a) => allows(ctx.actor, 'readPlaces', a.path)).map((a) => ({ id: a.id, kind: a.kind, name: a.name })),
    stats: place.kind === 'room' ? null : await placeStats(db, place),
    canWrite: allows(ctx.actor, 'writePlaces', place.path),
  };
}
