import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../supervision.db.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import type { AppealFields } from '../supervision.lists.schemas.ts';
import { loadVisibleEntry } from './get-list-entry.ts';
import { holdsOnCompany } from './list-access.ts';
import { checkListFiles, type ListUpload, storeListFiles, withListFiles } from './list-files.ts';

/**
 * The company appeals its black entry (SUPERVISION_ROLES.creditApply — its manager at a compound it serves) with
 * its reasons and, optionally, files: once per entry, until the window's last instant (the end of the China day
 * `appealDays` after publication); after it, APPEAL_WINDOW_CLOSED.
 */
export async function appealEntry(ctx: Ctx, entryId: string, input: AppealFields, uploads: ListUpload[]) {
  const files = checkListFiles(uploads, false);
  return withListFiles(ctx, (added) =>
    write(ctx, async (tx) => {
      const e = await loadVisibleEntry(tx, ctx, entryId, true);
      if (!(await holdsOnCompany(tx, ctx.actor, e.street_id, e.company_id, 'creditApply'))) throw CommonErrors.FORBIDDEN();
      if (e.list !== 'black') throw ListsErrors.NOT_BLACK();
      if (e.removed_at) throw ListsErrors.ENTRY_REMOVED();
      const already = await tx.selectFrom('sup_list_appeals').select('id').where('street_id', '=', e.street_id).where('entry_id', '=', e.id).executeTakeFirst();
      if (already) throw ListsErrors.ALREADY_APPEALED();
      const now = ctx.kernel.clock.now();
      if (!e.appeal_until || now > e.appeal_until) throw ListsErrors.APPEAL_WINDOW_CLOSED({ until: e.appeal_until ? chinaDay(e.appeal_until) : '—' });
      const id = newId();
      await tx
        .insertInto('sup_list_appeals')
        .values({
          street_id: e.street_id,
          id,
          entry_id: e.id,
          reasons: input.reasons,
          submitted_by: ctx.actor.accountId,
          submitted_by_name: ctx.actor.name,
          submitted_at: now,
          status: 'pending',
          decision_reasons: null,
          decided_by: null,
          decided_by_name: null,
          decided_at: null,
        })
        .execute();
      await storeListFiles(tx, ctx, { streetId: e.street_id, appealId: id, at: now }, files, added);
      await audit(tx, ctx, {
        action: 'supervision.lists.appealed',
        placeId: e.street_id,
        subjectType: 'sup_list_entry',
        subjectId: e.id,
        after: { status: 'pending' },
        detail: { appealId: id, company: e.company_name, period: e.period, files: files.length, appealUntil: e.appeal_until.toISOString() },
      });
      return { id, entryId: e.id, status: 'pending' as const };
    }),
  );
}
