import { CHILD_KINDS, insertPlace, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { placeDetail, siblingNamed } from '../registry.repository.ts';
import { type CreatePlaceBody, areaToCenti } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { checkPropertyCompany } from './check-property-company.ts';

/** Adds a place under a parent: a room carries its area, source and use; a compound its management mode. */
export async function createPlace(ctx: Ctx, input: CreatePlaceBody) {
  return write(ctx, async (tx) => {
    const parent = await loadPlaceFor(tx, ctx, input.parentId, 'writePlaces');
    if (!CHILD_KINDS[parent.kind].includes(input.kind)) {
      throw RegistryErrors.PLACE_KIND_NOT_ALLOWED({ parent: parent.kind, kind: input.kind });
    }
    if (input.kind === 'room' && !input.room) throw RegistryErrors.ROOM_DETAILS_REQUIRED();
    if (await siblingNamed(tx, parent.id, input.name)) {
      throw input.kind === 'room' ? RegistryErrors.ROOM_NUMBER_TAKEN({ name: input.name }) : RegistryErrors.NAME_TAKEN({ name: input.name });
    }
    const place = await insertPlace(tx, { parent, kind: input.kind, name: input.name });
    if (input.kind === 'room' && input.room) {
      await tx
        .insertInto('reg_rooms')
        .values({
          street_id: streetOf(place),
          place_id: place.id,
          floor: input.room.floor ?? null,
          area_centi: areaToCenti(input.room.area),
          area_source: input.room.areaSource,
          use: input.room.use,
          delivered_on: input.room.deliveredOn ?? null,
        })
        .execute();
    }
    if (input.kind === 'compound') {
      const c = input.compound ?? { managementMode: 'none' as const };
      if (c.propertyCompanyId) await checkPropertyCompany(tx, c.propertyCompanyId);
      await tx
        .insertInto('reg_compounds')
        .values({ street_id: streetOf(place), place_id: place.id, management_mode: c.managementMode, property_company_id: c.propertyCompanyId ?? null, address: c.address ?? null })
        .execute();
    }
    const detail = await placeDetail(tx, place.id);
    await audit(tx, ctx, { action: 'registry.place.created', placeId: place.id, subjectType: 'place', subjectId: place.id, after: detail, detail: { kind: input.kind } });
    return detail!;
  });
}
