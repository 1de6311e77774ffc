import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import type { ServiceBody } from '../grid.agency.schemas.ts';
import { type Tx, write } from '../grid.db.ts';
import { managedStreet } from './agency-access.ts';

const unique = (labels: readonly string[]) => [...new Set(labels.map((l) => l.trim()).filter(Boolean))];

async function nameTaken(tx: Tx, streetId: string, name: string, except?: string) {
  const row = await tx
    .selectFrom('grid_agency_services')
    .select('id')
    .where('street_id', '=', streetId)
    .where('name', '=', name)
    .$if(!!except, (q) => q.where('id', '!=', except!))
    .executeTakeFirst();
  return !!row;
}

/** The street (agencyManage at the street) adds a service points may accept. Audited. */
export async function createService(ctx: Ctx, body: ServiceBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const street = await managedStreet(tx, ctx, body.streetId);
    if (await nameTaken(tx, street.id, body.name)) throw AgencyErrors.AGENCY_SERVICE_NAME_TAKEN();
    const id = newId();
    const documents = unique(body.documents);
    await tx
      .insertInto('grid_agency_services')
      .values({ street_id: street.id, id, name: body.name, documents, time_limit_days: body.timeLimitDays, pay_fen: body.payFen, active: body.active })
      .execute();
    await audit(tx, ctx, { action: 'grid.agency.service_created', placeId: street.id, subjectType: 'grid_agency_service', subjectId: id, detail: { name: body.name, documents, timeLimitDays: body.timeLimitDays, payFen: body.payFen } });
    return { id };
  });
}

/** The street changes a service: a case keeps the service's name it was opened with, and the pay it completed with. Audited. */
export async function updateService(ctx: Ctx, id: string, body: ServiceBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const before = await tx.selectFrom('grid_agency_services').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw AgencyErrors.AGENCY_SERVICE_NOT_FOUND();
    const street = await managedStreet(tx, ctx, before.street_id).catch(() => {
      throw AgencyErrors.AGENCY_SERVICE_NOT_FOUND();
    });
    if (await nameTaken(tx, street.id, body.name, id)) throw AgencyErrors.AGENCY_SERVICE_NAME_TAKEN();
    const documents = unique(body.documents);
    await tx
      .updateTable('grid_agency_services')
      .set({ name: body.name, documents, time_limit_days: body.timeLimitDays, pay_fen: body.payFen, active: body.active, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', street.id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: 'grid.agency.service_updated',
      placeId: street.id,
      subjectType: 'grid_agency_service',
      subjectId: id,
      detail: { before: { name: before.name, timeLimitDays: before.time_limit_days, payFen: before.pay_fen, active: before.active }, after: { name: body.name, documents, timeLimitDays: body.timeLimitDays, payFen: body.payFen, active: body.active } },
    });
    return { id };
  });
}
