import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { settingsFor } from '../deliberation.repository.ts';

/** The thresholds in force at a place (its own, the nearest place above's, or the defaults), and who may change them. */
export async function getSettings(ctx: Ctx, placeId: string) {
  const db = read(ctx);
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !allows(ctx.actor, 'read', place.path)) throw DeliberationErrors.PLACE_NOT_FOUND();
  const { placeId: from, ...settings } = await settingsFor(db, place.street_id, place.path);
  const fromName = from ? (await findPlace(db, from))?.name ?? null : null;
  return { placeId, placeName: place.name, settings, own: from === placeId, inheritedFrom: from && from !== placeId ? { id: from, name: fromName } : null, can: { configure: allows(ctx.actor, 'configure', place.path) } };
}
