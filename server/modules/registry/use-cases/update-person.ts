import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { findPerson, findPersonByIdHash, presentPerson } from '../registry.repository.ts';
import type { UpdatePersonBody } from '../registry.schemas.ts';
import { loadPersonFor } from './load-person.ts';
import { personPiiColumns } from './person-input.ts';

export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonBody) {
  return write(ctx, async (tx) => {
    const before = await loadPersonFor(tx, ctx, id, 'writePersons');
    const piiCols = personPiiColumns(ctx.kernel.pii, input);
    if (piiCols.id_number_hash) {
      const other = await findPersonByIdHash(tx, piiCols.id_number_hash);
      if (other && other.id !== id) throw RegistryErrors.ID_NUMBER_TAKEN();
    }
    await tx
      .updateTable('reg_persons')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.tags !== undefined ? { tags: [...new Set(input.tags)] } : {}),
        ...piiCols,
        updated_at: ctx.kernel.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findPerson(tx, id))!;
    await audit(tx, ctx, {
      action: 'registry.person.updated',
      placeId: before.place_id,
      subjectType: 'person',
      subjectId: id,
      before,
      after,
      detail: { fields: Object.keys(input) },
    });
    return presentPerson(after);
  });
}
