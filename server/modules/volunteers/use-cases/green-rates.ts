import { findPlace, streetOf } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { VOLUNTEERS_ROLES } from '../volunteers.constants.ts';
import { areaText, rateBasisPoints } from '../volunteers.green.constants.ts';
import { adoptionRateParts } from '../volunteers.green.figures.ts';
import { allows, holdsAnywhere } from '../volunteers.policy.ts';
import { seesPlace } from './green-access.ts';

export interface CompoundRate {
  compoundId: string;
  compoundName: string;
  /** Area adopted today and area of the plots not closed, in hundredths of m². */
  adoptedCenti: number;
  totalCenti: number;
  adoptedText: string;
  totalText: string;
  /** Basis points of a percent (8020 = 80.20%), null without plots. */
  rateBp: number | null;
  /** Whether the actor may add plots there (greenManage). */
  canManage: boolean;
}

/**
 * Each compound's adoption rate by area today (the figure's own count, up to now), for the compounds under the
 * actor's greenRead grants (narrowed to a place when asked), with the total over them.
 */
export async function compoundRates(ctx: Ctx, placeId?: string): Promise<{ compounds: CompoundRate[]; total: Omit<CompoundRate, 'compoundId' | 'compoundName' | 'canManage'> }> {
  if (!holdsAnywhere(ctx.actor, 'greenRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  let under: string | undefined;
  if (placeId) {
    const place = await findPlace(db, placeId);
    if (!place || !seesPlace(ctx, place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  const streets = new Set<string>();
  for (const g of ctx.actor.grants.filter((x) => (VOLUNTEERS_ROLES.greenRead as readonly string[]).includes(x.role))) {
    const place = await findPlace(db, g.placeId);
    if (place?.street_id) streets.add(streetOf(place));
  }
  const out: CompoundRate[] = [];
  const to = ctx.kernel.clock.now();
  for (const streetId of streets) {
    const parts = new Map((await adoptionRateParts(db, { streetId, from: to, to: new Date(to.getTime() + 1), placeKinds: ['compound'] })).map((p) => [p.placeId, p]));
    for (const c of await compoundsUnder(db, streetId)) {
      if (!allows(ctx.actor, 'greenRead', c.path) || (under && !c.path.startsWith(under))) continue;
      const p = parts.get(c.compoundId);
      const adopted = p?.numerator ?? 0;
      const total = p?.denominator ?? 0;
      out.push({ compoundId: c.compoundId, compoundName: c.name, adoptedCenti: adopted, totalCenti: total, adoptedText: areaText(adopted), totalText: areaText(total), rateBp: rateBasisPoints(adopted, total), canManage: allows(ctx.actor, 'greenManage', c.path) });
    }
  }
  const adopted = out.reduce((s, c) => s + c.adoptedCenti, 0);
  const total = out.reduce((s, c) => s + c.totalCenti, 0);
  return { compounds: out, total: { adoptedCenti: adopted, totalCenti: total, adoptedText: areaText(adopted), totalText: areaText(total), rateBp: rateBasisPoints(adopted, total) } };
}
