import type { Ctx } from '../../../kernel/context.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { isVisible } from './order-access.ts';
import { read } from '../repairs.db.ts';

/** A photo's bytes, for those who may see its order; anything else is "not found". */
export async function getPhoto(ctx: Ctx, id: string): Promise<{ mime: string; content: Buffer }> {
  const db = read(ctx);
  const photo = await db.selectFrom('rep_photos').select(['order_id', 'file_key', 'mime']).where('id', '=', id).executeTakeFirst();
  if (!photo || !(await isVisible(db, ctx.actor, photo.order_id))) throw RepairErrors.PHOTO_NOT_FOUND();
  const content = await ctx.kernel.files.get(photo.file_key);
  if (!content) throw RepairErrors.PHOTO_NOT_FOUND();
  return { mime: photo.mime, content };
}
