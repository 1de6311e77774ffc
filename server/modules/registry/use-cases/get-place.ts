import { CHILD_KINDS, placeAncestors } from '../../../kernel/access/index.ts';
import type { PlaceKind } from '../../../kernel/db/tables.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { allows } from '../registry.policy.ts';
import { placeDetail, placeStats } from '../registry.repository.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

/**
 * The kinds of place one may add under a place: those its kind allows, narrowed to the kinds already
 * beneath it. A community whose children are grids gets more grids (its compounds go under a grid),
 * one with compounds directly under it gets compounds; an empty one is offered both.
 */
export function addableKinds(kind: PlaceKind, present: readonly PlaceKind[]): PlaceKind[] {
  const allowed = CHILD_KINDS[kind];
  const already = allowed.filter((k) => present.includes(k));
  return already.length > 0 ? already : allowed;
}

/** One place with its breadcrumb, details and summary counts. */
export async function getPlace(ctx: Ctx, id: string) {
  const db = read(ctx);
  const place = await loadPlaceFor(db, ctx, id, 'readPlaces');
  const [detail, ancestors, childKinds] = await Promise.all([
    placeDetail(db, id),
    placeAncestors(db, place),
    db.selectFrom('places').select('kind').distinct().where('parent_id', '=', id).execute(),
  ]);
  return {
    ...detail!,
    // Only ancestors inside the actor's scope are named; the rest of the chain stays hidden.
    breadcrumb: ancestors.filter((a) => allows(ctx.actor, 'readPlaces', a.path)).map((a) => ({ id: a.id, kind: a.kind, name: a.name })),
    stats: place.kind === 'room' ? null : await placeStats(db, place),
    canWrite: allows(ctx.actor, 'writePlaces', place.path),
    addableKinds: addableKinds(place.kind, childKinds.map((c) => c.kind)),
  };
}
