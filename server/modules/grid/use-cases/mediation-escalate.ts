import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { NoteBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct, committeeAt } from './mediation-access.ts';

/**
 * 上交街道: an assigned mediator or the manager hands an unfinished community case to the street's committee: the
 * level becomes street, the community's mediators leave it, and the street's managers assign theirs. Audited.
 */
export async function escalateCase(ctx: Ctx, id: string, body: NoteBody): Promise<{ id: string; level: 'street' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['applied', 'accepted', 'in_session'], { zh: '上交街道', en: 'escalated' });
    if (kase.level === 'street') throw MediationErrors.MEDIATION_ALREADY_STREET();
    const street = await committeeAt(tx, kase.streetId, kase.streetId);
    if (!street) throw MediationErrors.MEDIATION_NO_STREET_COMMITTEE();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('grid_mediation_cases').set({ level: 'street', committee_id: street.id, escalated_at: now, updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await tx.deleteFrom('grid_mediation_assignments').where('street_id', '=', kase.streetId).where('case_id', '=', id).execute();
    await addStep(tx, ctx, kase, 'escalated', body.note ?? '');
    await audit(tx, ctx, { action: 'grid.mediation.escalated', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, to: street.name } });
    return { id, level: 'street' as const };
  });
}
