import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices } from '../../registry/index.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import type { PointBody } from '../grid.agency.schemas.ts';
import { GridErrors } from '../grid.errors.ts';
import { type Tx, write } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { pointById } from './agency-access.ts';

/** The compound, managed by the actor (agencyManage covering it), served by the named company; its services in its street. */
async function checked(tx: Tx, ctx: Ctx, body: PointBody) {
  const compound = await findPlace(tx, body.compoundId);
  if (!compound || compound.kind !== 'compound' || !compound.street_id || !allows(ctx.actor, 'agencyManage', compound.path)) throw GridErrors.PLACE_NOT_FOUND();
  const company = (await compoundServices(tx, compound.id)).propertyCompany;
  if (!company || company.id !== body.companyId) throw AgencyErrors.AGENCY_POINT_COMPANY_MISMATCH();
  const serviceIds = [...new Set(body.serviceIds)];
  if (serviceIds.length) {
    const found = await tx.selectFrom('grid_agency_services').select('id').where('street_id', '=', compound.street_id).where('id', 'in', serviceIds).execute();
    if (found.length !== serviceIds.length) throw AgencyErrors.AGENCY_SERVICE_NOT_FOUND();
  }
  return { compound, streetId: compound.street_id, companyName: company.name, serviceIds };
}

async function setServices(tx: Tx, streetId: string, pointId: string, serviceIds: readonly string[]) {
  await tx.deleteFrom('grid_agency_point_services').where('street_id', '=', streetId).where('point_id', '=', pointId).execute();
  if (serviceIds.length) await tx.insertInto('grid_agency_point_services').values(serviceIds.map((s) => ({ street_id: streetId, point_id: pointId, service_id: s }))).execute();
}

/** The street sets up a property office as an agency point, run by the company serving its compound. Audited. */
export async function createPoint(ctx: Ctx, body: PointBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const { compound, streetId, companyName, serviceIds } = await checked(tx, ctx, body);
    const id = newId();
    await tx
      .insertInto('grid_agency_points')
      .values({ street_id: streetId, id, compound_id: compound.id, company_id: body.companyId, name: body.name, address: body.address, hours: body.hours, phone: body.phone, active: body.active })
      .execute();
    await setServices(tx, streetId, id, serviceIds);
    await audit(tx, ctx, { action: 'grid.agency.point_created', placeId: compound.id, subjectType: 'grid_agency_point', subjectId: id, detail: { name: body.name, company: companyName, services: serviceIds.length } });
    return { id };
  });
}

/** The street changes a point: where, who runs it, what it accepts. Audited. */
export async function updatePoint(ctx: Ctx, id: string, body: PointBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const before = await pointById(tx, id);
    if (!before || !allows(ctx.actor, 'agencyManage', before.compoundPath)) throw AgencyErrors.AGENCY_POINT_NOT_FOUND();
    const { compound, streetId, companyName, serviceIds } = await checked(tx, ctx, body);
    if (streetId !== before.streetId) throw GridErrors.PLACE_NOT_FOUND();
    await tx
      .updateTable('grid_agency_points')
      .set({ compound_id: compound.id, company_id: body.companyId, name: body.name, address: body.address, hours: body.hours, phone: body.phone, active: body.active, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', streetId)
      .where('id', '=', id)
      .execute();
    await setServices(tx, streetId, id, serviceIds);
    await audit(tx, ctx, { action: 'grid.agency.point_updated', placeId: compound.id, subjectType: 'grid_agency_point', subjectId: id, detail: { name: body.name, company: companyName, services: serviceIds.length, active: body.active } });
    return { id };
  });
}
