import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { loadPersonFor } from './load-person.ts';

/** Shows a person's full phone and ID number to a role that needs them; the read itself is audited. */
export async function revealPersonPii(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const person = await loadPersonFor(tx, ctx, id, 'revealPii');
    const { pii } = ctx.kernel;
    await audit(tx, ctx, {
      action: 'registry.person.pii_read',
      placeId: person.place_id,
      subjectType: 'person',
      subjectId: id,
      detail: { fields: ['phone', 'idNumber'] },
    });
    return {
      id,
      phone: person.phone_enc ? pii.decrypt(person.phone_enc) : null,
      idNumber: person.id_number_enc ? pii.decrypt(person.id_number_enc) : null,
    };
  });
}
