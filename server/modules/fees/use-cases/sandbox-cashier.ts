import type { Kernel } from '../../../kernel/context.ts';
import { FeesErrors } from '../fees.errors.ts';
import { sandboxOf } from '../gateway/providers.ts';
import type { SandboxMode } from '../gateway/sandbox.ts';

/**
 * The sandbox's cashier (its pay page calls these): the provider's side, not the platform's — it writes only the
 * sandbox's own tables, as a real provider's servers would, and the platform learns of the payment only from the
 * signed notification that follows (handle-notification.ts), where it is booked and audited.
 */
export async function sandboxOrder(kernel: Kernel, orderNo: string) {
  const order = await sandboxOf(kernel).cashier(orderNo);
  if (!order) throw FeesErrors.SANDBOX_ORDER_NOT_FOUND();
  return { ...order, merchantName: '共治平台物业费（沙箱）' };
}

export async function sandboxPay(kernel: Kernel, orderNo: string, mode: SandboxMode) {
  const paid = await sandboxOf(kernel).pay(orderNo, mode);
  if (!paid) throw FeesErrors.SANDBOX_ORDER_NOT_FOUND();
  return { orderNo, txnId: paid.txnId, status: 'paid' as const, returnUrl: (await sandboxOf(kernel).cashier(orderNo))?.returnUrl ?? null };
}

export async function sandboxCancel(kernel: Kernel, orderNo: string) {
  if (!(await sandboxOf(kernel).cancel(orderNo))) throw FeesErrors.SANDBOX_ORDER_NOT_FOUND();
  return { orderNo, status: 'cancelled' as const };
}
