import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import type { Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { entriesOfPerson, loadDecisionRow } from '../decisions.repository.ts';

/**
 * A decision as an owner reaches it: one whose roll names the signed-in person. A tenant or family member
 * living in its scope hears why they cannot take part (NOT_AN_OWNER, 403); anyone else gets 404, so ids
 * cannot be probed; a draft is nobody's business yet.
 */
export async function decisionForOwner(db: Executor, ctx: Ctx, id: string) {
  const personId = ctx.actor.personId;
  const d = await loadDecisionRow(db, id);
  if (!d || d.status === 'draft' || !personId) throw DecisionsErrors.DECISION_NOT_FOUND();
  const entries = await entriesOfPerson(db, d.street_id, d.id, personId);
  if (entries.length === 0) {
    const livesThere = (await roomsOfActor(db, ctx)).some((r) => r.roomPath.startsWith(d.place_path));
    throw livesThere ? DecisionsErrors.NOT_AN_OWNER() : DecisionsErrors.DECISION_NOT_FOUND();
  }
  return { decision: d, entries, personId };
}
