import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedExecutionDemo } from './execution.seed.ts';
import { seedItemsDemo } from './items.seed.ts';
import { seedMeetingsDemo } from './meetings.seed.ts';

/**
 * The deliberation module's part of the demo: items in stages 1–3 first (items.seed.ts), which hands on the
 * items the meetings' and the execution's parts carry further (DEMO_ITEMS). Each part is a no-op when its
 * records exist already.
 */
export async function seedDeliberationDemo(kernel: Kernel, demo: DemoSeedContext) {
  const items = await seedItemsDemo(kernel, demo);
  const meetings = await seedMeetingsDemo(kernel, demo);
  const execution = await seedExecutionDemo(kernel, demo);
  return { items, meetings, execution };
}
