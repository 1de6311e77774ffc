import type { Module } from '../../kernel/module.ts';
import { activationPersonalData } from './activation.personal-data.ts';
import { otpRetentionJob } from './use-cases/purge-otps.ts';
import { activationRoutes } from './activation.routes.ts';
import { seedActivationDemo } from './activation.seed.ts';
import { activationFigures } from './activation.figures.ts';
import { activationStaffHome } from './use-cases/staff-home.ts';
import { ACTIVATION_NOTIFICATIONS } from './activation.notifications.ts';

/**
 * Activation: residents sign up (phone + SMS code + password), claim a room (picked or by the code
 * on a household's slip, with name and ID digits) and so become residents; the residents' committee
 * reviews claims that do not match; officials print slips and watch activation rates per place.
 */
export const activationModule: Module = {
  name: 'activation',
  personalData: activationPersonalData,
  jobs: [otpRetentionJob],
  staffHome: activationStaffHome,
  routes: activationRoutes,
  notifications: { templates: ACTIVATION_NOTIFICATIONS },
  demo: { seed: seedActivationDemo },
  figures: activationFigures,
};

export { ActivationPolicy } from './activation.policy.ts';
export type { ActivationTables } from './activation.tables.ts';
