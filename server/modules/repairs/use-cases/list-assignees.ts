import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { allows } from '../repairs.policy.ts';
import { compoundStaff } from '../repairs.repository.ts';
import { compoundPathOf } from './dispatch-order.ts';
import { loadVisibleOrder } from './order-access.ts';
import { read } from '../repairs.db.ts';

/** Whom the order can be dispatched to: accounts whose property grant covers its compound. */
export async function listAssignees(ctx: Ctx, id: string) {
  const order = await loadVisibleOrder(read(ctx), ctx.actor, id);
  if (!allows(ctx.actor, 'handle', order.place_path)) throw CommonErrors.FORBIDDEN();
  const staff = await compoundStaff(read(ctx), compoundPathOf(order));
  return { items: staff.map((s) => ({ id: s.id, name: s.name, roles: s.roles })) };
}
