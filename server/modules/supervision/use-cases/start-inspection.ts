import { findPlace, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { parsePeriod, periodContaining } from '../../../kernel/payouts/payouts.ts';
import { compoundServices } from '../../registry/index.ts';
import { write } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows } from '../supervision.policy.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { findInspection, indicatorsOf } from '../supervision.sheets.repository.ts';
import type { StartInspectionBody } from '../supervision.sheets.schemas.ts';
import { inspectionView } from './inspection-view.ts';
import { sheetInForce } from './sheet-in-force.ts';

/**
 * Starts an inspection of a compound for a quarter (the current one unless told; never one that has not begun) on the
 * sheet in force for that quarter at its street, recording the compound's property company at the time. Every
 * indicator gets its (empty) entry.
 */
export async function startInspection(ctx: Ctx, body: StartInspectionBody) {
  const now = ctx.kernel.clock.now();
  const current = periodContaining('quarter', now);
  const period = body.period ? parsePeriod('quarter', body.period) : current;
  if (!period) throw SupervisionErrors.PERIOD_INVALID();
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.compoundId);
    if (!place || !allows(ctx.actor, 'inspectionsRead', place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    if (!allows(ctx.actor, 'inspect', place.path)) throw CommonErrors.FORBIDDEN();
    if (place.kind !== 'compound') throw SupervisionErrors.NOT_A_COMPOUND();
    if (period.label > current.label) throw SheetErrors.PERIOD_NOT_STARTED({ period: period.label });
    const streetId = streetOf(place);
    const sheet = await sheetInForce(tx, streetId, body.kind, period.label);
    if (!sheet) throw SheetErrors.NO_SHEET_IN_FORCE({ period: period.label });
    const company = (await compoundServices(tx, place.id)).propertyCompany;
    const id = newId();
    await tx
      .insertInto('sup_inspections')
      .values({ street_id: streetId, id, place_id: place.id, company_id: company?.id ?? null, sheet_id: sheet.id, period: period.label, inspector_id: ctx.actor.accountId, inspector_name: ctx.actor.name, status: 'draft', started_at: now })
      .execute();
    const indicators = await indicatorsOf(tx, sheet.id);
    await tx
      .insertInto('sup_inspection_items')
      .values(indicators.map((i) => ({ street_id: streetId, inspection_id: id, indicator_id: i.id, updated_at: now })))
      .execute();
    await audit(tx, ctx, { action: 'supervision.inspection.started', placeId: place.id, subjectType: 'sup_inspection', subjectId: id, after: { period: period.label, sheetId: sheet.id, sheetVersion: sheet.version, companyId: company?.id ?? null } });
    return inspectionView(tx, ctx, (await findInspection(tx, id))!);
  });
}
