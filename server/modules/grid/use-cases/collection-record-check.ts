import { isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { applyResidencyChange, type ResidencyOutcome } from '../../registry/index.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import type { CheckBody } from '../grid.collection.schemas.ts';
import { type Tx, write } from '../grid.db.ts';
import type { GridRecordsTable, RecordStatus } from '../grid.tables.ts';
import { drawnForSpotCheck, recordFor, type RecordRow, settingsOf } from './collection-access.ts';
import type { Updateable } from 'kysely';

const STATUS_OF = { new: 'verified', known: 'known', wrong: 'wrong' } as const satisfies Record<CheckBody['outcome'], RecordStatus>;
// The audit action of each outcome:
const CHECKED = { new: 'grid.collection.verified', known: 'grid.collection.known', wrong: 'grid.collection.wrong' } as const; // action

/**
 * 核实: the residents' committee over the record's place checks a submitted record exactly once — one conditional
 * update from 'submitted' (RECORD_ALREADY_CHECKED otherwise, nothing written).
 * - `new`: applied in the same transaction — an arrival or departure through the registry's public face (tenants and
 *   family at once; ownership answers pending_approval, kept with its approval id for the registry's second
 *   approver); a legal person or component into the actuals (a report of a known component updates its condition).
 *   A commissioned company's record earns the incentive in force now; the spot-check draw is fixed now too.
 * - `known`: nothing changes, no incentive. `wrong`: a reason is required; nothing changes.
 * Audited. A refusal from the registry rolls the whole check back.
 */
export async function checkRecord(ctx: Ctx, id: string, body: CheckBody): Promise<{ id: string; status: RecordStatus; registry: ResidencyOutcome | null; spotCheck: boolean }> {
  if (body.outcome === 'wrong' && !body.reason) throw CollectionErrors.COLLECTION_REASON_REQUIRED();
  return write(ctx, async (tx) => {
    const { row: before, place } = await recordFor(tx, ctx, id, 'verify');
    const now = ctx.kernel.clock.now();
    const status = STATUS_OF[body.outcome];
    const taken = await tx
      .updateTable('grid_records')
      .set({ status, checked_at: now, checked_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, checked_by_name: ctx.actor.name, check_reason: body.reason || null })
      .where('street_id', '=', before.street_id)
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .returningAll()
      .executeTakeFirst();
    if (!taken) throw CollectionErrors.RECORD_ALREADY_CHECKED();
    let registry: ResidencyOutcome | null = null;
    let spotCheck = false;
    const after: Updateable<GridRecordsTable> = {};
    if (body.outcome === 'new') {
      const applied = await applyRecord(tx, ctx, taken, streetOf(place));
      registry = applied.registry;
      Object.assign(after, applied.set);
      const settings = await settingsOf(tx, taken.street_id);
      if (taken.company_id) after.incentive_fen = settings.incentiveFen;
      spotCheck = drawnForSpotCheck(id, settings.spotCheckBp);
      if (spotCheck) after.spot_status = 'pending';
      await tx.updateTable('grid_records').set(after).where('street_id', '=', taken.street_id).where('id', '=', id).execute();
    }
    await audit(tx, ctx, {
      action: CHECKED[body.outcome],
      placeId: place.id,
      subjectType: 'grid_record',
      subjectId: id,
      before: { status: 'submitted' },
      after: { status, ...after },
      detail: { kind: taken.kind, reason: body.reason ?? null, registry: registry?.status ?? null, spotCheck },
    });
    return { id, status, registry, spotCheck };
  });
}

/** Applies a record verified as new: to the registry (residents) or to the actual legal persons and components. */
async function applyRecord(tx: Tx, ctx: Ctx, r: RecordRow, streetId: string): Promise<{ registry: ResidencyOutcome | null; set: Updateable<GridRecordsTable> }> {
  if (r.kind === 'resident_arrival') {
    const outcome = await applyResidencyChange(tx, ctx, {
      op: 'arrive',
      roomId: r.place_id,
      relation: r.relation!,
      shareBp: r.share_bp,
      startDate: r.event_date!,
      person: { name: r.person_name!, phone: r.phone_enc ? ctx.kernel.pii.decrypt(r.phone_enc) : null, idNumber: r.id_number_enc ? ctx.kernel.pii.decrypt(r.id_number_enc) : null },
    });
    return { registry: outcome, set: outcomeColumns(outcome) };
  }
  if (r.kind === 'resident_departure') {
    const outcome = await applyResidencyChange(tx, ctx, { op: 'leave', roomId: r.place_id, personId: r.person_id!, endDate: r.event_date! });
    return { registry: outcome, set: outcomeColumns(outcome) };
  }
  const now = ctx.kernel.clock.now();
  if (r.kind === 'legal_person') {
    const actual = newId();
    await tx
      .insertInto('grid_legal_persons')
      .values({ street_id: streetId, id: actual, place_id: r.place_id, name: r.subject_name!, credit_code: r.credit_code, kind: r.legal_kind!, contact: r.contact ?? '', location: r.location ?? '', record_id: r.id, created_at: now })
      .execute();
    return { registry: null, set: { actual_id: actual } };
  }
  if (r.component_id) {
    // A report of a known component: its condition as found now.
    await tx.updateTable('grid_components').set({ condition: r.condition!, location: r.location || undefined, record_id: r.id, updated_at: now }).where('street_id', '=', streetId).where('id', '=', r.component_id).execute();
    return { registry: null, set: { actual_id: r.component_id } };
  }
  const actual = newId();
  await tx
    .insertInto('grid_components')
    .values({ street_id: streetId, id: actual, place_id: r.place_id, kind: r.component_kind!, location: r.location ?? '', condition: r.condition!, record_id: r.id, created_at: now, updated_at: now })
    .execute();
  return { registry: null, set: { actual_id: actual } };
}

const outcomeColumns = (o: ResidencyOutcome): Updateable<GridRecordsTable> =>
  o.status === 'applied'
    ? { registry_outcome: 'applied', registry_person_id: o.personId, household_id: o.householdId }
    : { registry_outcome: 'pending_approval', approval_id: o.approvalId, registry_person_id: o.personId };
