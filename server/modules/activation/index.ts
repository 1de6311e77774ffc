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

/**
 * One-time SMS codes for any module (sign-up, password reset, owners' ballots): `issueOtp` texts a code of a purpose
 * to a phone (throttled per phone and purpose, hashed at rest, audited; call it outside any transaction), `verifyOtp`
 * checks a typed code (wrong tries counted and audited on their own) and answers its id, and `consumeOtp(tx, id, now)`
 * spends it inside the caller's own write transaction, so the code is used exactly when the change it allows commits
 * (and a second request racing with the same code fails with OTP_EXPIRED). Errors are `ActivationErrors.OTP_*`.
 */
export { issueOtp, type IssueOtpInput, type OtpRequester } from './use-cases/issue-otp.ts';
export { consumeOtp, verifyOtp } from './use-cases/verify-otp.ts';
export type { OtpPurpose } from './activation.tables.ts';
export { ActivationErrors } from './activation.errors.ts';
