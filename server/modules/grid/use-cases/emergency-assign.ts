import { can } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { AssignBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { managedDeclaration } from './emergency-access.ts';
import { placeVolunteers, screeningStaff } from './emergency-visitors.ts';

/**
 * A manager assigns a building of the screening to a visitor: a staff account holding emergencyScreen over the
 * building (a grant on it or above it), or an approved volunteer registered under the place, by their person's
 * account. A building may have several visitors; a visitor several buildings. Audited.
 */
export async function assignBuilding(ctx: Ctx, id: string, body: AssignBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const d = await managedDeclaration(tx, ctx, id);
    const screening = await tx.selectFrom('grid_emergency_screenings').select('id').where('street_id', '=', d.streetId).where('declaration_id', '=', id).executeTakeFirst();
    if (!screening) throw EmergencyErrors.SCREENING_NOT_STARTED();
    const building = await tx
      .selectFrom('grid_emergency_households as h')
      .innerJoin('street_places as b', (j) => j.onRef('b.street_id', '=', 'h.street_id').onRef('b.id', '=', 'h.building_id'))
      .select(['h.building', 'b.path'])
      .where('h.street_id', '=', d.streetId)
      .where('h.screening_id', '=', screening.id)
      .where('h.building_id', '=', body.buildingId)
      .limit(1)
      .executeTakeFirst();
    if (!building) throw EmergencyErrors.BUILDING_NOT_FOUND();
    let visitor: { accountId: string; name: string; kind: 'staff' | 'volunteer' };
    if (body.accountId) {
      const grants = (await screeningStaff(tx, d)).filter((g) => g.accountId === body.accountId);
      const roles: readonly string[] = GRID_ROLES.emergencyScreen;
      const covering = grants.filter((g) => roles.includes(g.role) && building.path.startsWith(g.placePath));
      if (!covering[0]) throw EmergencyErrors.VISITOR_NOT_ELIGIBLE();
      visitor = { accountId: body.accountId, name: covering[0].name, kind: 'staff' };
    } else {
      const v = (await placeVolunteers(tx, d)).find((x) => x.personId === body.personId);
      if (!v) throw EmergencyErrors.VISITOR_NOT_ELIGIBLE();
      if (!v.accountId) throw EmergencyErrors.VISITOR_NO_ACCOUNT();
      visitor = { accountId: v.accountId, name: v.name, kind: 'volunteer' };
    }
    const assignmentId = newId();
    const inserted = await tx
      .insertInto('grid_emergency_assignments')
      .values({ street_id: d.streetId, id: assignmentId, screening_id: screening.id, building_id: body.buildingId, account_id: visitor.accountId, kind: visitor.kind, visitor_name: visitor.name, assigned_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'screening_id', 'building_id', 'account_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const done = inserted?.id ?? assignmentId;
    await audit(tx, ctx, {
      action: 'grid.emergency.assigned',
      placeId: d.placeId,
      subjectType: 'grid_emergency',
      subjectId: id,
      detail: { building: building.building, kind: visitor.kind, again: !inserted },
    });
    return { id: inserted ? done : ((await tx.selectFrom('grid_emergency_assignments').select('id').where('street_id', '=', d.streetId).where('screening_id', '=', screening.id).where('building_id', '=', body.buildingId).where('account_id', '=', visitor.accountId).executeTakeFirstOrThrow()).id) };
  });
}
