import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { allows } from '../deliberation.policy.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import { itemOnlyId } from '../execution.repository.ts';
import { householdsUnder } from './resident-access.ts';

/** A progress photo's bytes, for the officials who see its item and the households under the item's place; anyone else: not found. */
export async function getPhoto(ctx: Ctx, id: string): Promise<{ mime: string; content: Buffer }> {
  const db = read(ctx);
  const photo = await db.selectFrom('dlb_task_photos').select(['item_id', 'file_key', 'mime']).where('id', '=', id).executeTakeFirst();
  if (!photo) throw ExecutionErrors.PHOTO_NOT_FOUND();
  const item = await itemOnlyId(db, photo.item_id);
  const staff = !!item && (allows(ctx.actor, 'read', item.place_path) || allows(ctx.actor, 'report', item.place_path));
  if (!item || (!staff && (await householdsUnder(db, ctx.actor, item.place_path)).length === 0)) throw ExecutionErrors.PHOTO_NOT_FOUND();
  const content = await ctx.kernel.files.get(photo.file_key);
  if (!content) throw ExecutionErrors.PHOTO_NOT_FOUND();
  return { mime: photo.mime, content };
}
