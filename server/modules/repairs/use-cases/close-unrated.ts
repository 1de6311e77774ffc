import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel } from '../../../kernel/context.ts';
import { write, read } from '../repairs.db.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { dueForAutoClose, loadOrder, updateOrder } from '../repairs.repository.ts';
import { recordChange } from './order-access.ts';

const BATCH = 500;

/**
 * Closes finished orders nobody rated within the compound's auto-close days (fixed when the work
 * was finished). Idempotent; each order its own transaction with its event and audit entry.
 */
export async function closeUnrated(kernel: Kernel): Promise<{ closed: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  let closed = 0;
  for (const due of await dueForAutoClose(read(kernel), now, BATCH)) {
    closed += await write(ctx, async (tx) => {
      const order = await loadOrder(tx, due.id, true);
      if (!order || order.status !== 'finished' || !order.close_by || order.close_by > now) return 0;
      await updateOrder(tx, order.id, { status: 'closed', closed_at: now, close_reason: 'auto', updated_at: now });
      await recordChange(tx, ctx, order, now, 'auto_closed', { to: 'closed' });
      return 1;
    });
  }
  return { closed };
}

export const autoCloseJob: Job = { name: 'repairs.close-unrated', everyMs: 10 * 60_000, run: closeUnrated };
