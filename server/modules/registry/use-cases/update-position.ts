import { findPlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { findOrganisation, findPosition } from '../registry.repository.ts';
import type { UpdatePositionBody } from '../registry.schemas.ts';

/** Retitles a position or changes its term (ending a term is how someone leaves office). */
export async function updatePosition(ctx: Ctx, id: string, input: UpdatePositionBody) {
  return write(ctx, async (tx) => {
    const before = await findPosition(tx, id);
    const org = before && (await findOrganisation(tx, before.organisation_id));
    const place = org && (await findPlace(tx, org.place_id));
    if (!before || !place || !allows(ctx.actor, 'readOrganisations', place.path)) throw RegistryErrors.POSITION_NOT_FOUND();
    if (!allows(ctx.actor, 'writeOrganisations', place.path)) throw CommonErrors.FORBIDDEN();
    const termStart = input.termStart !== undefined ? input.termStart : before.term_start;
    const termEnd = input.termEnd !== undefined ? input.termEnd : before.term_end;
    if (termStart && termEnd && termEnd < termStart) throw CommonErrors.VALIDATION_FAILED();
    if (input.placeId && !(await findPlace(tx, input.placeId))) throw RegistryErrors.PLACE_NOT_FOUND();
    await tx
      .updateTable('reg_positions')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.placeId !== undefined ? { place_id: input.placeId } : {}),
        term_start: termStart,
        term_end: termEnd,
        updated_at: ctx.kernel.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findPosition(tx, id))!;
    await audit(tx, ctx, { action: 'registry.position.updated', placeId: before.place_id ?? org!.place_id, subjectType: 'position', subjectId: id, before, after });
    return { id, title: after.title, termStart: after.term_start, termEnd: after.term_end, placeId: after.place_id };
  });
}
