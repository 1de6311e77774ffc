import { definePolicy, type Actor, type PlaceRow } from '../../kernel/access/index.ts';
import { FEES_ROLES, SUBSIDY_READ_ROLES } from './fees.constants.ts';

/**
 * Who sees and sets 先缴后补: `read` — the subsidy lines of the places under one's grant (the street, and the
 * residents' committees that review the statements); `configure` — the street's policy (FEES_ROLES.configure at the
 * street: a street official; a property manager holds no grant at a street).
 */
export const SubsidyAccess = definePolicy({ read: SUBSIDY_READ_ROLES, configure: FEES_ROLES.configure });

/** True when one of the actor's read or configure grants lies on the street's path (above it, at it, or under it). */
export function seesStreetPolicy(actor: Actor, street: PlaceRow): boolean {
  const roles = new Set<string>([...SUBSIDY_READ_ROLES, ...FEES_ROLES.configure]);
  return actor.grants.some((g) => roles.has(g.role) && (g.placePath.startsWith(street.path) || street.path.startsWith(g.placePath)));
}
