import type { Kernel } from '../../kernel/context.ts';

/** Placeholder replaced below. */
export async function seedMediation(_kernel: Kernel): Promise<void> {}
