import { type Expression, type SqlBool, sql } from 'kysely';
import { CommonErrors } from '../errors.ts';
import { type Actor, can, holdsAny, scopePrefixes } from './actor.ts';
import type { Role } from './roles.ts';
import { pathInScope, placeInScope } from './scope.ts';

/**
 * One policy style for every module. A module names its permissions and the roles that hold each
 * (a grant of one of those roles on a place allows it over the place's subtree); `definePolicy` gives
 * it the same tools as every other module:
 *   const { allows, authorize, placeFilter } = definePolicy(NoticesPolicy);
 * - `allows(actor, permission, placePath)`: for one record, and for what the answer offers (`can.edit`);
 * - `authorize(actor, permission, placePath)`: the same, as a 403 for a use case to throw;
 * - `placeFilter(actor, permission, placeIdRef, placePathRef?)`: the SQL row filter of a list — by the
 *   row's place path when the query has it (an indexable prefix match), else by its place id;
 * - `holdsAnywhere(actor, permission)`: whether to offer it at all (a menu entry, a to-do).
 * Rules beyond role-on-place (a resident's own rows, an order's assignee) stay in the module's policy
 * file, written with these.
 */
export function definePolicy<const P extends Record<string, readonly Role[]>>(roles: P) {
  type Permission = keyof P & string;
  const allows = (actor: Actor, permission: Permission, placePath: string): boolean => can(actor, roles[permission]!, placePath);
  return {
    roles,
    allows,
    authorize(actor: Actor, permission: Permission, placePath: string): void {
      if (!allows(actor, permission, placePath)) throw CommonErrors.FORBIDDEN();
    },
    placeFilter(actor: Actor, permission: Permission, placeIdRef: string, placePathRef?: string): Expression<SqlBool> {
      const prefixes = scopePrefixes(actor, roles[permission]!);
      return placePathRef ? pathInScope(placePathRef, prefixes) : placeInScope(sql.ref(placeIdRef), prefixes);
    },
    holdsAnywhere: (actor: Actor, permission: Permission): boolean => holdsAny(actor, roles[permission]!),
  };
}
