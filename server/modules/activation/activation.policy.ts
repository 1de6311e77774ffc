import { type Actor, type Role, can, placeInScope, scopePrefixes } from '../../kernel/access/index.ts';
import { sql } from 'kysely';
import { CommonErrors } from '../../kernel/errors.ts';
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

export const allows = (actor: Actor, permission: ActivationPermission, placePath: string) => can(actor, ActivationPolicy[permission], placePath);

/** Throws FORBIDDEN unless the actor holds the permission over the place. */
export function authorize(actor: Actor, permission: ActivationPermission, placePath: string): void {
  if (!allows(actor, permission, placePath)) throw CommonErrors.FORBIDDEN();
}

/** Row filter by place id for a permission. */
export const placeFilter = (actor: Actor, permission: ActivationPermission, placeIdRef: string) =>
  placeInScope(sql.ref(placeIdRef), scopePrefixes(actor, ActivationPolicy[permission]));
