import type { Ctx } from '../../../kernel/context.ts';
import type { ReissueNoticeBody } from '../supervision.rectification.schemas.ts';
import { checkDeadline } from './notice-deadline.ts';
import { changeNotice, recordNoticeChange } from './notice-access.ts';

/**
 * The issuer's side finds the fix wanting and sends the notice back (重新整改) with a reason and a new deadline: the
 * next round, waiting for the company again. The overdue marks of the round before are cleared (the job may
 * escalate the new round once more); the count of overdue rounds and the first overdue time stay, for the credit.
 */
export async function reissueNotice(ctx: Ctx, id: string, input: ReissueNoticeBody): Promise<void> {
  await changeNotice(ctx, id, 'reissue', async (tx, notice, now) => {
    const { deadline, dueAt } = checkDeadline(input.deadline, now);
    await tx
      .updateTable('sup_notices')
      .set({ status: 'reissued', round: notice.round + 1, deadline, due_at: dueAt, overdue_at: null, escalated_at: null, escalated_to: null, updated_at: now })
      .where('street_id', '=', notice.street_id)
      .where('id', '=', notice.id)
      .execute();
    await recordNoticeChange(tx, ctx, notice, now, 'reissued', { note: input.reason, detail: { previousDeadline: notice.deadline, deadline } });
  });
}
