import type { DevicesPart } from './devices.part.ts';
import { ALERTS_JOB_MS } from './devices.parking.constants.ts';
import { parkingRoutes } from './devices.parking.routes.ts';
import { seedParking } from './devices.parking.seed.ts';
import { parkingTemplates } from './devices.parking.templates.ts';
import { raiseAlerts } from './use-cases/alerts-raise.ts';
import { parkingStaffHome } from './use-cases/alerts-staff-home.ts';

/**
 * The parking part (issue 26 §4, §5): spaces per compound (titled, rented, public), live occupancy from sensors or
 * gate counts, temporary parking sessions and their fees; alert rules (a vehicle past its pass, a gate offline, an
 * unknown vehicle at night) raising alerts to the duty staff, handled from a list.
 */
export const parkingPart: DevicesPart = {
  routes: async (app, kernel) => parkingRoutes(app, kernel),
  templates: parkingTemplates,
  jobs: [{ name: 'devices.parking.alerts', everyMs: ALERTS_JOB_MS, run: raiseAlerts }],
  staffHome: parkingStaffHome,
  seed: seedParking,
};
