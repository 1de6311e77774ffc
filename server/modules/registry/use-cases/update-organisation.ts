import { findPlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { findOrganisation, presentOrganisation } from '../registry.repository.ts';
import type { UpdateOrganisationBody } from '../registry.schemas.ts';
import { checkPartyTree, contactColumns } from './create-organisation.ts';

export async function updateOrganisation(ctx: Ctx, id: string, input: UpdateOrganisationBody) {
  return write(ctx, async (tx) => {
    const before = await findOrganisation(tx, id);
    const place = before && (await findPlace(tx, before.place_id));
    if (!before || !place || !allows(ctx.actor, 'readOrganisations', place.path)) throw RegistryErrors.ORGANISATION_NOT_FOUND();
    if (!allows(ctx.actor, 'writeOrganisations', place.path)) throw CommonErrors.FORBIDDEN();
    const parentId = input.parentId !== undefined ? input.parentId : before.parent_id;
    const level = input.partyLevel !== undefined ? input.partyLevel : before.party_level;
    await checkPartyTree(tx, before.kind, parentId, level, id);
    await tx
      .updateTable('reg_organisations')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.partyLevel !== undefined && before.kind === 'party_org' ? { party_level: input.partyLevel } : {}),
        ...(input.creditCode !== undefined ? { credit_code: input.creditCode } : {}),
        ...contactColumns(ctx.kernel.pii, input.contactPhone),
        updated_at: ctx.kernel.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findOrganisation(tx, id))!;
    await audit(tx, ctx, { action: 'registry.organisation.updated', placeId: before.place_id, subjectType: 'organisation', subjectId: id, before, after, detail: { fields: Object.keys(input) } });
    return presentOrganisation(after);
  });
}
