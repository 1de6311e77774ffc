import { streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { findPerson, findPersonByIdHash, presentPerson } from '../registry.repository.ts';
import type { CreatePersonBody } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { personPiiColumns } from './person-input.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { syncTagSpans } from './tag-spans.ts';

/** Registers a person; the phone and ID number are stored encrypted and shown masked. */
export async function createPerson(ctx: Ctx, input: CreatePersonBody) {
  return write(ctx, async (tx) => {
    const place = await loadPlaceFor(tx, ctx, input.placeId, 'writePersons');
    const piiCols = personPiiColumns(ctx.kernel.pii, input);
    if (piiCols.id_number_hash && (await findPersonByIdHash(tx, piiCols.id_number_hash))) throw RegistryErrors.ID_NUMBER_TAKEN();
    const id = newId();
    await tx
      .insertInto('reg_persons')
      .values({ street_id: streetOf(place), id, place_id: input.placeId, name: input.name, tags: [...new Set(input.tags)], ...piiCols })
      .execute();
    // The tags are held from the day the person is registered (their history starts here).
    await syncTagSpans(tx, { streetId: streetOf(place), personIds: [id] }, chinaDay(ctx.kernel.clock.now()), isSystem(ctx.actor) ? null : ctx.actor.accountId);
    const row = (await findPerson(tx, id))!;
    await audit(tx, ctx, { action: 'registry.person.created', placeId: input.placeId, subjectType: 'person', subjectId: id, after: row });
    return presentPerson(row);
  });
}
