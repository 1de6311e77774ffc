import type { Kernel } from '../../kernel/context.ts';
import type { App } from '../../kernel/module.ts';

/** The parking part's staff and resident routes (thin: validate → use case → JSON). */
export async function parkingRoutes(_app: App, _kernel: Kernel) {}
