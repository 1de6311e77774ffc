import type { Kernel } from '../../kernel/context.ts';

/** The payments part of the demo (written below, once the rest stands). */
export async function seedPayments(_kernel: Kernel): Promise<{ paid: number }> {
  return { paid: 0 };
}
