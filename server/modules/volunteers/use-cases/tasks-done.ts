import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../volunteers.db.ts';
import type { DoneBody } from '../volunteers.tasks.schemas.ts';
import { refuseBannedWords } from './banned-words-check.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './photos.ts';
import { ownTask, recordEvent, requireStatus } from './tasks-access.ts';

/**
 * 完成任务: the grabber marks the task done with a note and at least one photo (checked before anything is written;
 * the note against the street's banned words). It then waits for staff to confirm (待确认). Audited.
 */
export async function finishTask(ctx: Ctx, id: string, body: DoneBody, uploads: readonly Upload[]): Promise<{ id: string; status: 'done'; photos: string[] }> {
  const photos = checkPhotos(uploads, { required: true });
  return withPhotos(ctx, (written) =>
    write(ctx, async (tx) => {
      const task = await ownTask(tx, ctx, id);
      const now = ctx.kernel.clock.now();
      requireStatus(task, now, ['grabbed']);
      await refuseBannedWords(tx, task.streetId, [body.note]);
      await tx
        .updateTable('vol_tasks')
        .set({ status: 'done', done_at: now, done_note: body.note, return_reason: null, updated_at: now })
        .where('street_id', '=', task.streetId)
        .where('id', '=', id)
        .where('status', '=', 'grabbed')
        .execute();
      const ids = await storePhotos(tx, ctx, { streetId: task.streetId, type: 'task', id, placeId: task.placeId }, photos, written);
      await recordEvent(tx, ctx, task, 'done', body.note);
      await audit(tx, ctx, { action: 'volunteers.tasks.done', placeId: task.placeId, subjectType: 'vol_task', subjectId: id, detail: { photos: ids.length } });
      return { id, status: 'done' as const, photos: ids };
    }),
  );
}
