import { type Actor, findPlace, isSystem, type PlaceRow, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import type { Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import { allows, SupervisionPolicy } from '../supervision.policy.ts';

type Permission = keyof typeof SupervisionPolicy;
export type ListStreet = PlaceRow & { street_id: string };

/**
 * Who sees what of the red and black list. The list itself is public once published (its public page), but its
 * appeals, decisions' working and measures are not: an official whose credit grant covers the street sees every
 * company's entries there; anyone else with a credit grant inside the street (a community's officials, a company's
 * manager and staff at the compounds it serves) sees the entries of the companies serving a compound they hold it
 * on — so a company sees its own entries and no competitor's appeal.
 */
export function readsStreet(actor: Actor, path: string): boolean {
  const prefixes = scopePrefixes(actor, SupervisionPolicy.creditRead);
  return prefixes === null || prefixes.some((p) => path.startsWith(p) || p.startsWith(path));
}

/** A street the actor acts at: 404 when they read nothing there, 400 for another kind of place, 403 without `permission`. */
export async function listStreetFor(ctx: Ctx, db: Executor, streetId: string, permission: Permission): Promise<ListStreet> {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id || !readsStreet(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw ListsErrors.NOT_A_STREET();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as ListStreet;
}

/** Per street the actor reads credit in: every company (`all`) or the companies serving a compound they read at. */
export interface CompanyScope {
  streetId: string;
  streetName: string;
  streetPath: string;
  all: boolean;
  companyIds: string[];
}

/** The streets (all, or the one asked) and companies whose entries the actor sees. */
export async function companyScope(db: Executor, actor: Actor, streetId?: string): Promise<CompanyScope[]> {
  const prefixes = scopePrefixes(actor, SupervisionPolicy.creditRead);
  if (prefixes !== null && prefixes.length === 0) return [];
  let q = db.selectFrom('street_places').select(['id', 'name', 'path']).where('kind', '=', 'street');
  if (streetId) q = q.where('id', '=', streetId);
  const streets = (await q.orderBy('name').execute()).filter((s) => readsStreet(actor, s.path));
  const out: CompanyScope[] = [];
  for (const s of streets) {
    if (isSystem(actor) || allows(actor, 'creditRead', s.path)) {
      out.push({ streetId: s.id, streetName: s.name, streetPath: s.path, all: true, companyIds: [] });
      continue;
    }
    const compounds = await compoundsUnder(db, s.id);
    const companyIds = [...new Set(compounds.filter((c) => c.companyId && allows(actor, 'creditRead', c.path)).map((c) => c.companyId!))];
    out.push({ streetId: s.id, streetName: s.name, streetPath: s.path, all: false, companyIds });
  }
  return out;
}

/** Whether the actor sees a company's entries in a street. */
export async function seesCompany(db: Executor, actor: Actor, street: { id: string; path: string }, companyId: string): Promise<boolean> {
  if (isSystem(actor) || allows(actor, 'creditRead', street.path)) return true;
  return holdsOnCompany(db, actor, street.id, companyId, 'creditRead');
}

/** Whether the actor holds `permission` on a compound of the street that the company serves now. */
export async function holdsOnCompany(db: Executor, actor: Actor, streetId: string, companyId: string, permission: Permission): Promise<boolean> {
  const compounds = await compoundsUnder(db, streetId);
  return compounds.some((c) => c.companyId === companyId && allows(actor, permission, c.path));
}

/** The street's place row (its path for grants). */
export async function streetOfEntry(db: Executor, streetId: string): Promise<ListStreet> {
  const place = await findPlace(db, streetId);
  if (!place) throw new Error(`street ${streetId} of a list entry is gone`);
  return place as ListStreet;
}
