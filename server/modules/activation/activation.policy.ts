import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { ACTIVATION_ROLES } from './activation.constants.ts';

/**
 * Who may do what in activation. Each permission lists the roles whose grant on a place allows it
 * over that place's subtree (the lists live in activation.constants.ts, which the web reads too).
 * Signing up and claiming need no grant: any signed-in account may claim.
 */
export const ActivationPolicy = {
  review: ACTIVATION_ROLES.review,
  readRates: ACTIVATION_ROLES.readRates,
  printSlips: ACTIVATION_ROLES.printSlips,
} satisfies Record<string, readonly Role[]>;

export type ActivationPermission = keyof typeof ActivationPolicy;

export const { allows, authorize, placeFilter } = definePolicy(ActivationPolicy);
