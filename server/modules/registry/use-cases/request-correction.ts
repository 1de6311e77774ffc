import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import type { CorrectionBody } from '../registry.schemas.ts';

/**
 * A resident asks for their registry record to be corrected (PIPL art. 46). The request is filed at the
 * place that registered the person, so the officials covering it (the residents' committee) get it.
 * The text is the resident's own words and stays out of the audit entry.
 */
export async function requestCorrection(ctx: Ctx, input: CorrectionBody) {
  const personId = ctx.actor.personId;
  if (!personId) throw RegistryErrors.CORRECTION_NO_PERSON();
  const person = await read(ctx).selectFrom('reg_persons').select(['street_id', 'place_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw RegistryErrors.CORRECTION_NO_PERSON();
  return write(ctx, async (tx) => {
    const id = newId();
    await tx
      .insertInto('reg_corrections')
      .values({
        street_id: person.street_id,
        id,
        person_id: personId,
        account_id: ctx.actor.accountId,
        place_id: person.place_id,
        field: input.field,
        request: input.request,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'registry.correction.requested', placeId: person.place_id, subjectType: 'correction', subjectId: id, detail: { field: input.field } });
    return { id, status: 'open' as const };
  });
}
