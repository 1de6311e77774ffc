import { findPlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { findOrganisation, findPerson, findPosition } from '../registry.repository.ts';
import type { CreatePositionBody } from '../registry.schemas.ts';

/**
 * Appoints a person to a title in an organisation for a term. One person may hold several
 * positions at once (交叉任职), so nothing here refuses a second one.
 */
export async function createPosition(ctx: Ctx, input: CreatePositionBody) {
  return write(ctx, async (tx) => {
    const org = await findOrganisation(tx, input.organisationId);
    const orgPlace = org && (await findPlace(tx, org.place_id));
    if (!org || !orgPlace || !allows(ctx.actor, 'readOrganisations', orgPlace.path)) throw RegistryErrors.ORGANISATION_NOT_FOUND();
    if (!allows(ctx.actor, 'writeOrganisations', orgPlace.path)) throw CommonErrors.FORBIDDEN();
    // A position joins a person, an organisation and a place of one street (docs/adr/0003-street-keys.md).
    if ((await findPerson(tx, input.personId))?.street_id !== org.street_id) throw RegistryErrors.PERSON_NOT_FOUND();
    if (input.placeId && (await findPlace(tx, input.placeId))?.street_id !== org.street_id) throw RegistryErrors.PLACE_NOT_FOUND();
    if (input.termStart && input.termEnd && input.termEnd < input.termStart) throw CommonErrors.VALIDATION_FAILED();
    const id = newId();
    await tx
      .insertInto('reg_positions')
      .values({
        street_id: org.street_id,
        id,
        person_id: input.personId,
        organisation_id: input.organisationId,
        title: input.title,
        place_id: input.placeId ?? null,
        term_start: input.termStart ?? null,
        term_end: input.termEnd ?? null,
      })
      .execute();
    const row = (await findPosition(tx, id))!;
    await audit(tx, ctx, { action: 'registry.position.created', placeId: input.placeId ?? org.place_id, subjectType: 'position', subjectId: id, after: row });
    return { id, ...input };
  });
}
