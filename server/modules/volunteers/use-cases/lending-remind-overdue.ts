import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../volunteers.db.ts';
import { daysBetween, todayOf } from './lending-access.ts';

/**
 * Reminds the borrower of every loan past due (due day before today, China days: the due day itself is not overdue),
 * in the app, at most once a day per loan: the conditional update of reminded_on claims today's reminder, so two runs
 * (or two processes) the same day remind once. Each loan in its own transaction with its audit entry.
 */
export async function remindOverdueLoans(kernel: Kernel): Promise<{ reminded: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const today = todayOf(ctx);
  const due = await read(kernel)
    .selectFrom('vol_loans')
    .select(['street_id', 'id'])
    .where('status', '=', 'lent')
    .where('due_on', '<', today)
    .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
    .orderBy('due_on')
    .limit(500)
    .execute();
  let reminded = 0;
  for (const d of due) {
    const done = await write(ctx, async (tx) => {
      const loan = await tx
        .updateTable('vol_loans')
        .set({ reminded_on: today })
        .where('street_id', '=', d.street_id)
        .where('id', '=', d.id)
        .where('status', '=', 'lent')
        .where('due_on', '<', today)
        .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
        .returning(['place_id', 'listing_id', 'borrower_person_id', 'due_on'])
        .executeTakeFirst();
      if (!loan) return false;
      const item = await tx.selectFrom('vol_listings').select('title').where('street_id', '=', d.street_id).where('id', '=', loan.listing_id).executeTakeFirstOrThrow();
      const days = daysBetween(loan.due_on!, today);
      await notify(tx, ctx, { template: 'volunteers.lending.overdue', placeId: loan.place_id, to: { persons: [loan.borrower_person_id] }, data: { title: item.title, due: loan.due_on!, days }, subject: { type: 'vol_loan', id: d.id } });
      await audit(tx, ctx, { action: 'volunteers.lending.overdue_reminded', placeId: loan.place_id, subjectType: 'vol_loan', subjectId: d.id, detail: { dueOn: loan.due_on, days } });
      return true;
    });
    if (done) reminded++;
  }
  return { reminded };
}

/** Runs hourly; each overdue loan is reminded once a day (the first run of the day). */
export const overdueLoansJob: Job = { name: 'volunteers.lending.remind-overdue', everyMs: 3_600_000, run: remindOverdueLoans };
