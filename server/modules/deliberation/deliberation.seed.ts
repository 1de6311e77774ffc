import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { read } from './deliberation.db.ts';
import { seedExecutionDemo } from './execution.seed.ts';
import { seedItemsDemo } from './items.seed.ts';
import { seedMeetingsDemo } from './meetings.seed.ts';
import { attachSurvey } from './use-cases/item-surveys.ts';

/**
 * The deliberation module's part of the demo: items in stages 1–3 first (items.seed.ts), which hands on the
 * items the meetings' and the execution's parts carry further (DEMO_ITEMS); then a draft opinion survey on the
 * residents' proposal still gathering support. Each part is a no-op when its records exist already.
 */
export async function seedDeliberationDemo(kernel: Kernel, demo: DemoSeedContext) {
  const items = await seedItemsDemo(kernel, demo);
  const meetings = await seedMeetingsDemo(kernel, demo);
  const execution = await seedExecutionDemo(kernel, demo);
  const surveys = items.items ? await seedItemSurvey(kernel, demo) : 0;
  return { items, meetings, execution, surveys };
}

async function seedItemSurvey(kernel: Kernel, demo: DemoSeedContext): Promise<number> {
  const secretary = await demo.as('shuji');
  const proposal = await read(kernel).selectFrom('dlb_items').select(['id', 'title']).where('stage', '=', 'collecting').orderBy('created_at').limit(1).executeTakeFirst();
  if (!secretary || !proposal) return 0;
  await attachSurvey(secretary, proposal.id, { stage: 'collect', title: `关于“${proposal.title}”的意见征集` });
  return 1;
}
