import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { findPerson, findPersonByIdHash, presentPerson } from '../registry.repository.ts';
import type { UpdatePersonBody } from '../registry.schemas.ts';
import { loadPersonFor } from './load-person.ts';
import { personPiiColumns } from './person-input.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { checkTagsChangedOn, syncTagSpans } from './tag-spans.ts';

export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonBody) {
  return write(ctx, async (tx) => {
    const before = await loadPersonFor(tx, ctx, id, 'writePersons');
    const piiCols = personPiiColumns(ctx.kernel.pii, input);
    const { tagsChangedOn, ...fields } = input;
    const today = chinaDay(ctx.kernel.clock.now());
    const day = tagsChangedOn ?? today;
    if (day > today) throw RegistryErrors.TAGS_DATE_FUTURE();
    const tags = input.tags !== undefined ? [...new Set(input.tags)] : undefined;
    if (tags) await checkTagsChangedOn(tx, before, tags, day);
    if (piiCols.id_number_hash) {
      const other = await findPersonByIdHash(tx, piiCols.id_number_hash);
      if (other && other.id !== id) throw RegistryErrors.ID_NUMBER_TAKEN();
    }
    await tx
      .updateTable('reg_persons')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(tags ? { tags } : {}),
        ...piiCols,
        updated_at: ctx.kernel.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    // The tags' history: spans closed and opened on the day the change took effect (tag-spans.ts).
    if (tags) await syncTagSpans(tx, { streetId: before.street_id, personIds: [id] }, day, isSystem(ctx.actor) ? null : ctx.actor.accountId);
    const after = (await findPerson(tx, id))!;
    await audit(tx, ctx, {
      action: 'registry.person.updated',
      placeId: before.place_id,
      subjectType: 'person',
      subjectId: id,
      before,
      after,
      detail: { fields: Object.keys(fields), ...(tags ? { tagsChangedOn: day } : {}) },
    });
    return presentPerson(after);
  });
}
