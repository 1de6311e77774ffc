import { deletePlace, findPlace } from '../../../kernel/access/index.ts';
import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Tx } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows, type RegistryPermission } from '../registry.policy.ts';
import { findHousehold, findOrganisation, findPerson, findPosition, placeDetail } from '../registry.repository.ts';

export const DELETE_RECORD = 'registry.delete';
export type DeletableEntity = 'place' | 'person' | 'organisation' | 'household' | 'position';

const WRITE_PERMISSION: Record<DeletableEntity, RegistryPermission> = {
  place: 'writePlaces',
  person: 'writePersons',
  organisation: 'writeOrganisations',
  household: 'writeHouseholds',
  position: 'writeOrganisations',
};
const READ_PERMISSION: Record<DeletableEntity, RegistryPermission> = {
  place: 'readPlaces',
  person: 'readPersons',
  organisation: 'readOrganisations',
  household: 'readRooms',
  position: 'readOrganisations',
};
const LABEL: Record<DeletableEntity, string> = { place: '地点', person: '人员', organisation: '组织', household: '住户关系', position: '职务' };

/** Where the record sits, its display name and its current row (for the audit's before-digest). */
async function locate(tx: Tx, entity: DeletableEntity, id: string): Promise<{ placeId: string; name: string; row: unknown } | null> {
  switch (entity) {
    case 'place': {
      const p = await placeDetail(tx, id);
      return p ? { placeId: p.id, name: p.name, row: p } : null;
    }
    case 'person': {
      const p = await findPerson(tx, id);
      return p ? { placeId: p.place_id, name: p.name, row: p } : null;
    }
    case 'organisation': {
      const o = await findOrganisation(tx, id);
      return o ? { placeId: o.place_id, name: o.name, row: o } : null;
    }
    case 'household': {
      const h = await findHousehold(tx, id);
      return h ? { placeId: h.room_id, name: h.relation, row: h } : null;
    }
    case 'position': {
      const p = await findPosition(tx, id);
      if (!p) return null;
      const org = (await findOrganisation(tx, p.organisation_id))!;
      return { placeId: p.place_id ?? org.place_id, name: p.title, row: p };
    }
  }
}

/** Deleting anything in the registry needs a second approver: this files the request. */
export async function requestDeletion(ctx: Ctx, entity: DeletableEntity, id: string, reason: string) {
  return write(ctx, async (tx) => {
    const found = await locate(tx, entity, id);
    const place = found && (await findPlace(tx, found.placeId));
    if (!found || !place || !allows(ctx.actor, READ_PERMISSION[entity], place.path)) throw CommonErrors.NOT_FOUND({ what: LABEL[entity] });
    if (!allows(ctx.actor, WRITE_PERMISSION[entity], place.path)) throw CommonErrors.FORBIDDEN();
    await assertDeletable(tx, entity, id);
    return requestApproval(tx, ctx, {
      kind: DELETE_RECORD,
      placeId: found.placeId,
      summary: `删除${LABEL[entity]}：${found.name}（${reason}）`,
      payload: { entity, id, reason },
    });
  });
}

/** Refuses to delete what other records still point to: the registry never loses a link silently. */
async function assertDeletable(tx: Tx, entity: DeletableEntity, id: string) {
  const count = async (table: 'places' | 'reg_households' | 'reg_positions' | 'reg_compounds' | 'reg_organisations' | 'grants' | 'accounts', column: string) =>
    Number(
      (await tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column as never, '=', id as never).executeTakeFirstOrThrow()).n,
    );
  if (entity === 'place') {
    if ((await count('places', 'parent_id')) > 0 || (await count('reg_households', 'room_id')) > 0) throw RegistryErrors.PLACE_NOT_EMPTY();
    if ((await count('grants', 'place_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'grants' });
    if ((await count('reg_organisations', 'place_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'organisations' });
  }
  if (entity === 'person') {
    if ((await count('reg_households', 'person_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'households' });
    if ((await count('reg_positions', 'person_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'positions' });
    if ((await count('accounts', 'person_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'accounts' });
  }
  if (entity === 'organisation') {
    if ((await count('reg_positions', 'organisation_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'positions' });
    if ((await count('reg_households', 'organisation_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'households' });
    if ((await count('reg_compounds', 'property_company_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'compounds' });
    if ((await count('reg_organisations', 'parent_id')) > 0) throw RegistryErrors.STILL_REFERENCED({ what: 'child organisations' });
  }
}

/** Applied on approval: checks again, deletes, and records the row that was removed. */
export async function applyDeletion(tx: Tx, ctx: Ctx, payload: { entity: DeletableEntity; id: string; reason: string }) {
  const { entity, id } = payload;
  const found = await locate(tx, entity, id);
  if (!found) throw CommonErrors.NOT_FOUND({ what: LABEL[entity] });
  await assertDeletable(tx, entity, id);
  if (entity === 'place') {
    await tx.deleteFrom('reg_rooms').where('place_id', '=', id).execute();
    await tx.deleteFrom('reg_compounds').where('place_id', '=', id).execute();
    await deletePlace(tx, (await findPlace(tx, id))!);
  } else if (entity === 'person') await tx.deleteFrom('reg_persons').where('id', '=', id).execute();
  else if (entity === 'organisation') await tx.deleteFrom('reg_organisations').where('id', '=', id).execute();
  else if (entity === 'household') await tx.deleteFrom('reg_households').where('id', '=', id).execute();
  else await tx.deleteFrom('reg_positions').where('id', '=', id).execute();
  await audit(tx, ctx, {
    action: `registry.${entity}.deleted`,
    placeId: entity === 'place' ? null : found.placeId,
    subjectType: entity,
    subjectId: id,
    before: found.row,
    detail: { reason: payload.reason },
  });
  return { deleted: entity, id };
}
