import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';

/** The deliberation module's part of the demo (items in every stage, meetings, tasks, ratings). */
export async function seedDeliberationDemo(_kernel: Kernel, _demo: DemoSeedContext) {
  return {};
}
