import type { Ctx } from '../../../kernel/context.ts';
import { isValidMobile } from '../../../kernel/pii/pii.ts';
import { personFilter } from '../registry.policy.ts';
import { listPersons as queryPersons } from '../registry.repository.ts';
import type { PersonsQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

/**
 * People in scope, masked. The search box takes a name, a room number, a full phone or ID number
 * (matched by keyed hash, never decrypted) or the last four digits of a phone.
 */
export async function listPersons(ctx: Ctx, q: PersonsQuery) {
  const under = q.placeId ? await loadPlaceFor(read(ctx), ctx, q.placeId, 'readPlaces') : null;
  const text = q.q?.trim();
  const lookups = {
    phoneHash: text && isValidMobile(text) ? ctx.kernel.pii.hash(text) : undefined,
    idHash: text && /^\d{17}[\dXx]$/.test(text) ? ctx.kernel.pii.hash(text) : undefined,
  };
  return queryPersons(read(ctx), { ...q, q: text, underPath: under?.path }, personFilter(ctx.actor, 'reg_persons.id', 'reg_persons.place_id'), lookups);
}
