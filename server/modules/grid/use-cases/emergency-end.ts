import { audit, type Ctx } from '../../../kernel/context.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { EndBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { accountOf, declarationById, nameOf, seesPlace } from './emergency-access.ts';

/**
 * An official (emergencyDeclare over the place) ends emergency mode with a summary. The declaration's row is taken
 * `for update`, so writes in flight (which hold it for share) finish first and later ones see it ended: from then on
 * every record of the declaration is read-only. Open claims on households are let go. Audited.
 */
export async function endEmergency(ctx: Ctx, id: string, body: EndBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const d = await declarationById(tx, id);
    if (!d || !seesPlace(ctx.actor, d.placePath) || !allows(ctx.actor, 'emergencyDeclare', d.placePath)) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
    const row = await tx.selectFrom('grid_emergency_declarations').select('status').where('street_id', '=', d.streetId).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== 'active') throw EmergencyErrors.EMERGENCY_ENDED();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('grid_emergency_declarations')
      .set({ status: 'ended', ended_at: now, ended_by: accountOf(ctx), ended_by_name: nameOf(ctx), summary: body.summary })
      .where('street_id', '=', d.streetId)
      .where('id', '=', id)
      .execute();
    const screening = await tx.selectFrom('grid_emergency_screenings').select('id').where('street_id', '=', d.streetId).where('declaration_id', '=', id).executeTakeFirst();
    if (screening)
      await tx
        .updateTable('grid_emergency_households')
        .set({ claimed_by: null, claimed_name: '', claimed_until: null })
        .where('street_id', '=', d.streetId)
        .where('screening_id', '=', screening.id)
        .where('claimed_by', 'is not', null)
        .execute();
    await audit(tx, ctx, { action: 'grid.emergency.ended', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: id, detail: { place: d.placeName, summary: body.summary } });
    return { id };
  });
}
