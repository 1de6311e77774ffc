import type { Ctx } from '../../../kernel/context.ts';
import { countResidentAccountsUnder } from '../../registry/index.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { loadNoticeFor, presentForResident, presentForStaff, withAttachments } from './load-notice.ts';
import { read } from '../notices.db.ts';

/** One notice for the workbench: the full record with read counts and reach. */
export async function getNotice(ctx: Ctx, id: string) {
  const db = read(ctx);
  const n = await loadNoticeFor(db, ctx, id);
  if (!n.staff) throw NoticeErrors.NOTICE_NOT_FOUND();
  const attachments = await withAttachments(db, [n.row]);
  return presentForStaff(ctx, n.row, attachments, await countResidentAccountsUnder(db, n.row.place_path));
}

/** One notice for a resident it concerns today (published, valid, posted at or above one of their rooms). */
export async function getMyNotice(ctx: Ctx, id: string) {
  const db = read(ctx);
  const n = await loadNoticeFor(db, ctx, id);
  if (!n.resident) throw NoticeErrors.NOTICE_NOT_FOUND();
  return presentForResident(n.row, await withAttachments(db, [n.row]));
}
