/**
 * The sandbox's test switches, chosen when paying at its cashier: the notification sent twice, out of order (on a
 * refund the old payment notification comes again after the refund's), with a wrong amount, or preceded by a
 * forged one. Free of dependencies: the web's cashier offers them.
 */
export const SANDBOX_MODES = ['normal', 'twice', 'out_of_order', 'wrong_amount', 'forged'] as const;
export type SandboxMode = (typeof SANDBOX_MODES)[number];
