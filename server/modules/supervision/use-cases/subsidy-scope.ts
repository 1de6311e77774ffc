import { type Actor, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { SubsidyErrors } from '../supervision.subsidy.errors.ts';
import { allows, holdsAnywhere } from '../supervision.policy.ts';

/** Whether the actor reads the subsidy at or inside a place: a grant covering it, or one inside it (a company's compounds). */
export function subsidyReadsAt(actor: Actor, path: string): boolean {
  return allows(actor, 'subsidyRead', path) || actor.grants.some((g) => g.placePath.startsWith(path) && allows(actor, 'subsidyRead', g.placePath));
}

/** A street the actor acts at: 404 when they read nothing there, 400 another kind of place, 403 without `permission`. */
export async function subsidyStreetFor(ctx: Ctx, db: Executor, streetId: string, permission?: 'subsidyManage') {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id || !(subsidyReadsAt(ctx.actor, place.path) || allows(ctx.actor, 'subsidyManage', place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw SubsidyErrors.NOT_A_STREET();
  if (permission && !allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as typeof place & { street_id: string };
}

/** A compound the street official manages the list at: 404 outside what they read, 400 another kind, 403 without subsidyManage. */
export async function subsidyCompoundFor(ctx: Ctx, db: Executor, compoundId: string) {
  const place = await findPlace(db, compoundId);
  if (!place || !place.street_id || !(subsidyReadsAt(ctx.actor, place.path) || allows(ctx.actor, 'subsidyManage', place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw SupervisionErrors.NOT_A_COMPOUND();
  if (!allows(ctx.actor, 'subsidyManage', place.path)) throw CommonErrors.FORBIDDEN();
  return place as typeof place & { street_id: string };
}

/**
 * The streets (with the path a list is narrowed to) a subsidy list covers: the place chosen (404 where the actor
 * reads nothing), else the streets of the actor's grants narrowed to each grant's place. 403 without subsidyRead.
 */
export async function subsidyScopes(ctx: Ctx, db: Executor, placeId: string | undefined): Promise<{ streetId: string; path: string }[]> {
  if (!holdsAnywhere(ctx.actor, 'subsidyRead') && !holdsAnywhere(ctx.actor, 'subsidyManage')) throw CommonErrors.FORBIDDEN();
  if (placeId) {
    const place = await findPlace(db, placeId);
    if (!place || !place.street_id || !subsidyReadsAt(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    return [{ streetId: place.street_id, path: place.path }];
  }
  const out: { streetId: string; path: string }[] = [];
  for (const g of ctx.actor.grants) {
    if (!allows(ctx.actor, 'subsidyRead', g.placePath)) continue;
    const place = await findPlace(db, g.placeId);
    if (place?.street_id && !out.some((o) => g.placePath.startsWith(o.path))) out.push({ streetId: place.street_id, path: place.path });
  }
  return out;
}
