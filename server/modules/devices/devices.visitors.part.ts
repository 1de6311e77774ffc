import type { DevicesPart } from './devices.part.ts';
import { visitorsRoutes } from './devices.visitors.routes.ts';
import { seedVisitors } from './devices.visitors.seed.ts';
import { visitorsTemplates } from './devices.visitors.templates.ts';
import { visitorsStaffHome } from './use-cases/visitors-staff-home.ts';

/**
 * The visitors part (issue 26 §2, §3): residents' vehicles registered per room (added on the H5, approved by the
 * property company) and access cards; visitor passes a resident issues on the H5 (a QR code, a plate if driving,
 * a time window), checked by the gate through the device API, the host notified on arrival.
 */
export const visitorsPart: DevicesPart = {
  routes: async (app, kernel) => visitorsRoutes(app, kernel),
  templates: visitorsTemplates,
  staffHome: visitorsStaffHome,
  seed: seedVisitors,
};
