import { renamePlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { placeDetail, siblingNamed } from '../registry.repository.ts';
import { type UpdatePlaceBody, areaToCenti } from '../registry.schemas.ts';
import { checkPropertyCompany } from './check-property-company.ts';
import { loadPlaceFor } from './load-place.ts';

/** Renames a place or edits its room or compound details. */
export async function updatePlace(ctx: Ctx, id: string, input: UpdatePlaceBody) {
  return write(ctx, async (tx) => {
    const place = await loadPlaceFor(tx, ctx, id, 'writePlaces');
    const before = await placeDetail(tx, id);
    const now = ctx.kernel.clock.now();
    if (input.name !== undefined && input.name !== place.name) {
      if (place.parent_id && (await siblingNamed(tx, place.parent_id, input.name, id))) {
        throw place.kind === 'room' ? RegistryErrors.ROOM_NUMBER_TAKEN({ name: input.name }) : RegistryErrors.NAME_TAKEN({ name: input.name });
      }
      await renamePlace(tx, place, input.name, now);
    }
    if (input.room && place.kind === 'room') {
      const r = input.room;
      await tx
        .updateTable('reg_rooms')
        .set({
          ...(r.floor !== undefined ? { floor: r.floor } : {}),
          ...(r.area !== undefined ? { area_centi: areaToCenti(r.area) } : {}),
          ...(r.areaSource ? { area_source: r.areaSource } : {}),
          ...(r.use ? { use: r.use } : {}),
          ...(r.deliveredOn !== undefined ? { delivered_on: r.deliveredOn } : {}),
          updated_at: now,
        })
        .where('place_id', '=', id)
        .execute();
    }
    if (input.compound && place.kind === 'compound') {
      const c = input.compound;
      if (c.propertyCompanyId) await checkPropertyCompany(tx, c.propertyCompanyId);
      await tx
        .updateTable('reg_compounds')
        .set({
          ...(c.managementMode ? { management_mode: c.managementMode } : {}),
          ...(c.propertyCompanyId !== undefined ? { property_company_id: c.propertyCompanyId } : {}),
          ...(c.address !== undefined ? { address: c.address } : {}),
          updated_at: now,
        })
        .where('place_id', '=', id)
        .execute();
    }
    const after = await placeDetail(tx, id);
    await audit(tx, ctx, {
      action: 'registry.place.updated',
      placeId: id,
      subjectType: 'place',
      subjectId: id,
      before,
      after,
      detail: { fields: Object.keys(input) },
    });
    return after!;
  });
}
