import type { FeesPart } from './fees.part.ts';
import { deliverSandboxNotifications } from './gateway/sandbox-delivery.ts';
import { paymentsRoutes } from './fees.payments.routes.ts';
import { seedPayments } from './fees.payments.seed.ts';
import { paymentsStaffHome } from './use-cases/payments-staff-home.ts';

/**
 * The payments part of the fees module (see fees.part.ts): pay orders through the gateway (the built-in sandbox
 * or a real provider's adapter), its notifications, refunds, counter payments, reconciliation and settlement.
 * Every payment is booked through use-cases/book-payment.ts.
 */
export const paymentsPart: FeesPart = {
  routes: paymentsRoutes,
  // The sandbox's delivery of its notifications, every second, with retries and backoff (sandbox-delivery.ts).
  jobs: [{ name: 'fees.sandbox.deliver', everyMs: 1000, run: (kernel) => deliverSandboxNotifications(kernel) }],
  staffHome: paymentsStaffHome,
  seed: seedPayments,
};
