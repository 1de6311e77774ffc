import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { DemoSeedContext } from '../kernel/demo-seed.ts';
import { startTestEnv, type TestEnv } from '../test/harness.ts';
import { isRegistryEmpty, seedDemo } from './seed-demo.ts';

/** The demo street as demo-street.test.ts seeds it, once, for every check that reads it. */
export interface DemoStreetFixture {
  env: TestEnv;
  demo: DemoSeedContext;
  /** How long the whole seed took, printed by the seed checks (bench/cold-start.ts measures it). */
  seedMs: number;
}

/**
 * Seeds the whole demo (every module's part, the figures' history, the notify demo) on an empty database before the
 * enclosing suite's tests, and closes it after. The fields are filled when the suite's tests run, not when they are
 * declared: read them inside a test or a hook.
 */
export function useDemoStreet(): DemoStreetFixture {
  const street = {} as DemoStreetFixture;
  before(async () => {
    street.env = await startTestEnv();
    assert.equal(await isRegistryEmpty(street.env.kernel), true, 'the demo seeds an empty registry');
    const started = performance.now();
    street.demo = await seedDemo(street.env.kernel);
    street.seedMs = performance.now() - started;
  });
  after(async () => {
    await street.env?.close();
  });
  return street;
}
