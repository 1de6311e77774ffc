import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedMeetingsDemo } from './meetings.seed.ts';

/** The deliberation module's part of the demo (items in every stage, meetings, tasks, ratings). */
export async function seedDeliberationDemo(kernel: Kernel, demo: DemoSeedContext) {
  const meetings = await seedMeetingsDemo(kernel, demo);
  return { meetings };
}
