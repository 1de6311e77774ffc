import { deviceApiRoutes } from './devices.api.routes.ts';
import { gatesRoutes } from './devices.gates.routes.ts';
import { seedGates } from './devices.gates.seed.ts';
import type { DevicesPart } from './devices.part.ts';
import { movementsRetentionJob } from './use-cases/gates-retention.ts';

/**
 * The gates part (issue 26 §1, §2, §6, §7): the device registry per compound with a key per device, the signed
 * device API (use-cases/ingest-device-event.ts), entry and exit records read by the compound's property staff and
 * the street (every read audited), the street's retention period and the job that purges older events.
 */
export const gatesPart: DevicesPart = {
  routes: async (app, kernel) => {
    await deviceApiRoutes(app, kernel);
    await gatesRoutes(app, kernel);
  },
  jobs: [movementsRetentionJob],
  seed: seedGates,
};
