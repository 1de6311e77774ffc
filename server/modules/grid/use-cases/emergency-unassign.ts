import { audit, type Ctx } from '../../../kernel/context.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import { write } from '../grid.db.ts';
import { managedDeclaration } from './emergency-access.ts';

/** A manager takes a building back from a visitor (their live claims in it are let go). Audited. */
export async function unassignBuilding(ctx: Ctx, assignmentId: string): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const a = await tx
      .selectFrom('grid_emergency_assignments as a')
      .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'a.street_id').onRef('s.id', '=', 'a.screening_id'))
      .select(['a.street_id as streetId', 'a.id', 'a.screening_id as screeningId', 'a.building_id as buildingId', 'a.account_id as accountId', 'a.visitor_name as visitorName', 's.declaration_id as declarationId'])
      .where('a.id', '=', assignmentId)
      .executeTakeFirst();
    if (!a) throw EmergencyErrors.ASSIGNMENT_NOT_FOUND();
    const d = await managedDeclaration(tx, ctx, a.declarationId);
    await tx.deleteFrom('grid_emergency_assignments').where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
    await tx
      .updateTable('grid_emergency_households')
      .set({ claimed_by: null, claimed_name: '', claimed_until: null })
      .where('street_id', '=', a.streetId)
      .where('screening_id', '=', a.screeningId)
      .where('building_id', '=', a.buildingId)
      .where('claimed_by', '=', a.accountId)
      .execute();
    await audit(tx, ctx, { action: 'grid.emergency.unassigned', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: d.id, detail: { assignment: a.id } });
    return { id: a.id };
  });
}
