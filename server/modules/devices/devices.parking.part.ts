import type { DevicesPart } from './devices.part.ts';
import { parkingRoutes } from './devices.parking.routes.ts';

/**
 * The parking part (issue 26 §4, §5): spaces per compound (titled, rented, public), live occupancy from sensors or
 * gate counts, temporary parking sessions and their fees; alert rules (a vehicle past its pass, a gate offline, an
 * unknown vehicle at night) raising alerts to the duty staff, handled from a list.
 */
export const parkingPart: DevicesPart = {
  routes: async (app, kernel) => parkingRoutes(app, kernel),
};
