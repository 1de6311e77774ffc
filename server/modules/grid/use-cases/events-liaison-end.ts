import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import { authorize } from '../grid.policy.ts';
import { liaisonRows, LIAISON_ROLES } from './events-liaisons-list.ts';
import { pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';

/**
 * 结束联络: the liaison serves until the given day (not before they started); events already dispatched to them
 * stay theirs. liaisonsManage over the compound.
 */
export async function endLiaison(ctx: Ctx, id: string, untilOn: string): Promise<{ id: string; untilOn: string }> {
  return write(ctx, async (tx) => {
    const l = await liaisonRows(tx).where('l.id', '=', id).where(pathInScope('c.path', scopePrefixes(ctx.actor, LIAISON_ROLES))).forUpdate('l').executeTakeFirst();
    if (!l) throw EventsErrors.LIAISON_NOT_FOUND();
    authorize(ctx.actor, 'liaisonsManage', l.compoundPath);
    if (l.untilOn !== null) throw EventsErrors.LIAISON_ENDED();
    if (untilOn < l.fromOn) throw EventsErrors.UNTIL_BEFORE_FROM();
    await tx.updateTable('grid_liaisons').set({ until_on: untilOn, ended_by: ctx.actor.accountId }).where('street_id', '=', l.streetId).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'grid.events.liaison_ended', placeId: l.compoundId, subjectType: 'grid_liaison', subjectId: id, detail: { line: l.line, name: l.name, untilOn } });
    return { id, untilOn };
  });
}
