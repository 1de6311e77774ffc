import { audit, type Ctx } from '../../../kernel/context.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import { write } from '../grid.db.ts';
import { managedDeclaration } from './emergency-access.ts';

/** A manager takes a duty entry off the roster. Audited. */
export async function removeRoster(ctx: Ctx, rosterId: string): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const r = await tx.selectFrom('grid_emergency_rosters').select(['street_id as streetId', 'declaration_id as declarationId', 'day', 'post']).where('id', '=', rosterId).executeTakeFirst();
    if (!r) throw EmergencyErrors.ROSTER_NOT_FOUND();
    const d = await managedDeclaration(tx, ctx, r.declarationId);
    await tx.deleteFrom('grid_emergency_rosters').where('street_id', '=', r.streetId).where('id', '=', rosterId).execute();
    await audit(tx, ctx, { action: 'grid.emergency.roster_removed', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: d.id, detail: { day: String(r.day), post: r.post } });
    return { id: rosterId };
  });
}
