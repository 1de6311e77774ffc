import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { allows, authorize } from '../surveys.policy.ts';
import { insertRecord } from '../surveys.repository.ts';
import type { CreateRecordBody } from '../surveys.schemas.ts';

/**
 * Adds a record at a place: a place the actor cannot see answers 404 (ids cannot be probed), one they
 * see but may not write to answers 403. The row and its audit entry commit together.
 */
export async function createRecord(ctx: Ctx, input: { placeId: string; title: string }) {
  const place = await findPlace(read(ctx), input.placeId);
  if (!place || !(allows(ctx.actor, 'read', place.path) || allows(ctx.actor, 'write', place.path))) throw SurveysErrors.PLACE_NOT_FOUND();
  authorize(ctx.actor, 'write', place.path);
  if (!place.street_id) throw SurveysErrors.PLACE_ABOVE_STREET();
  const streetId = place.street_id;
  const id = newId();
  await write(ctx, async (tx) => {
    await insertRecord(tx, { streetId, id, placeId: place.id, title: input.title, createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId, at: ctx.kernel.clock.now() });
    await audit(tx, ctx, { action: 'surveys.record.created', placeId: place.id, subjectType: 'surveys_record', subjectId: id, after: { title: input.title } });
  });
  return { id };
}
export type CreateRecordInput = CreateRecordBody;
