import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { FigurePlaceKind } from '../../../kernel/figures/figures.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { memberFigures } from '../party.members.figures.ts';
import { allows, holdsAnywhere } from '../party.policy.ts';

/** Without a place: the widest place the actor reads the tree at (its first such grant). */
async function treeTop(ctx: Ctx): Promise<string | undefined> {
  const grants = ctx.actor.grants.filter((g) => (PARTY_ROLES.treeRead as readonly string[]).includes(g.role)).sort((a, b) => a.placePath.length - b.placePath.length);
  return grants[0]?.placeId;
}

const DRILL: readonly string[] = ['street', 'community', 'grid', 'compound'];

/**
 * The coverage figures now, for a place (treeRead there) and each of its places one level down (street →
 * communities → grids → compounds), counted by the same functions as the figures' snapshots.
 */
export async function readCoverage(ctx: Ctx, placeId: string | undefined) {
  if (!holdsAnywhere(ctx.actor, 'treeRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const asked = placeId ?? (await treeTop(ctx));
  const place = asked ? await findPlace(db, asked) : undefined;
  if (!place || !place.street_id || !DRILL.includes(place.kind) || !ctx.actor.grants.some((g) => place.path.startsWith(g.placePath) || g.placePath.startsWith(place.path))) {
    throw PartyErrors.PLACE_NOT_FOUND();
  }
  if (!allows(ctx.actor, 'treeRead', place.path)) throw CommonErrors.FORBIDDEN();
  const children = await db
    .selectFrom('street_places')
    .select(['id', 'name', 'kind'])
    .where('parent_id', '=', place.id)
    .where('kind', 'in', ['community', 'grid', 'compound'])
    .orderBy('path')
    .execute();
  const now = ctx.kernel.clock.now();
  const figures = [];
  for (const f of memberFigures) {
    const kinds = f.placeKinds as readonly FigurePlaceKind[];
    const parts = await f.count(db, { streetId: place.street_id, from: now, to: new Date(now.getTime() + 1), placeKinds: kinds });
    const byPlace = new Map(parts.map((p) => [p.placeId, p]));
    const at = (id: string, kind: string) => (kinds.includes(kind as FigurePlaceKind) ? { numerator: byPlace.get(id)?.numerator ?? 0, denominator: byPlace.get(id)?.denominator ?? 0 } : null);
    figures.push({
      key: f.key,
      name: f.name,
      definition: f.definition,
      place: at(place.id, place.kind),
      children: Object.fromEntries(children.map((c) => [c.id, at(c.id, c.kind)])),
    });
  }
  return { place: { id: place.id, name: place.name, kind: place.kind, parentId: place.parent_id }, children, figures };
}
