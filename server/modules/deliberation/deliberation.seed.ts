import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './deliberation.db.ts';
import { createRecord } from './use-cases/create-record.ts';

/** The module's stream of the demo's draws (kernel/demo-seed.ts): the same every run. */
const SEED = 20267396;
/** Titles for the demo's records: replace them with what this module's records really say. */
const TITLES = ['议事协商情况登记', '议事协商工作台账', '议事协商月度小结', '议事协商走访记录'];

/**
 * The deliberation module's part of the demo (its manifest's `demo` hook, after the registry's): a few records at
 * each compound of the demo street, added through the module's own use case, so each is checked and
 * audited as if typed in. A no-op when records exist already or the street was not seeded.
 */
export async function seedDeliberationDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ records: number }> {
  if (await read(kernel).selectFrom('dlb_records').select('id').limit(1).executeTakeFirst()) return { records: 0 };
  const street = demo.get(DEMO_STREET);
  if (!street) return { records: 0 };
  const rng = demo.random(SEED);
  let records = 0;
  for (const compound of street.compounds) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      await createRecord({ kernel, actor: SYSTEM_ACTOR }, { placeId: compound.id, title: `${compound.name}${rng.pick(TITLES)}` });
      records++;
    }
  }
  return { records };
}
