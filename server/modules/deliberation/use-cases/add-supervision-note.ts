import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { insertEvent, lockItem } from '../deliberation.repository.ts';
import { checkItem } from '../execution.repository.ts';
import type { NoteBody } from '../execution.schemas.ts';
import { actorIdOf, actorName } from './plan-tasks.ts';

/** Stages an item is supervised in: while its tasks run, while it is rated, and at the street after an escalation. */
const SUPERVISED = ['executing', 'evaluating', 'escalated'];

/**
 * Stage 5 (监督反馈): the 物委会, the party organisation or the street note what they found. A public note is on the
 * item's public page and the residents' view; an internal one only on the workbench.
 */
export async function addSupervisionNote(ctx: Ctx, itemId: string, body: NoteBody) {
  return write(ctx, async (tx) => {
    const item = checkItem(ctx.actor, await lockItem(tx, itemId), 'supervise');
    if (!SUPERVISED.includes(item.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
    const now = ctx.kernel.clock.now();
    const id = newId();
    await tx
      .insertInto('dlb_supervision_notes')
      .values({ street_id: item.street_id, id, item_id: item.id, text: body.text, is_public: body.isPublic, by_account: actorIdOf(ctx), by_name: actorName(ctx), at: now })
      .execute();
    // The timeline is staff-facing; an internal note's text stays in its own row only.
    await insertEvent(tx, { streetId: item.street_id, itemId: item.id, at: now, actorId: actorIdOf(ctx), actorName: actorName(ctx), kind: 'supervision_note', note: body.isPublic ? body.text : '', detail: { noteId: id, isPublic: body.isPublic } });
    await audit(tx, ctx, { action: 'deliberation.note.added', placeId: item.place_id, subjectType: 'deliberation_item', subjectId: item.id, after: { noteId: id, isPublic: body.isPublic } });
    return { id };
  });
}
