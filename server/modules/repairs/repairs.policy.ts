import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, type Role, definePolicy, isSystem, placeInScope, scopePrefixes } from '../../kernel/access/index.ts';
import { REPAIRS_POLICY } from './repairs.constants.ts';

/**
 * Who may do what with repair orders. The role lists are in repairs.constants.ts (REPAIRS_POLICY),
 * so that the web shows only the menus a role can use; the checks and row filters are here.
 */
export const RepairsPolicy = REPAIRS_POLICY satisfies Record<string, readonly Role[]>;

export type RepairsPermission = keyof typeof RepairsPolicy;

export const { allows, authorize, placeFilter } = definePolicy(RepairsPolicy);

/** The order is the actor's own: made for them as a resident, or reported by their account. */
export function ownsOrder(actor: Actor, order: { resident_person_id: string | null; reported_by: string }): boolean {
  return (!!actor.personId && order.resident_person_id === actor.personId) || order.reported_by === actor.accountId;
}

/**
 * Row filter for orders (alias `o`): in the actor's readOrders subtree; or escalated, for those who
 * supervise; or made for the actor as a resident. Having filed an order on someone's behalf gives no
 * access of its own: staff see what they filed only while it lies within their grants (a manager
 * moved to another compound no longer reads its residents' contacts); the resident, and the staff who
 * serve that compound now, still do.
 */
export function orderFilter(actor: Actor, alias = 'o'): Expression<SqlBool> {
  if (isSystem(actor)) return sql<SqlBool>`true`;
  const placeRef = sql.ref(`${alias}.place_id`);
  const terms: Expression<SqlBool>[] = [];
  const staff = scopePrefixes(actor, RepairsPolicy.readOrders);
  if (staff?.length) terms.push(placeInScope(placeRef, staff));
  const supervisors = scopePrefixes(actor, RepairsPolicy.readEscalated);
  if (supervisors?.length) {
    terms.push(
      sql<SqlBool>`(exists (select 1 from rep_escalations fe where fe.order_id = ${sql.ref(`${alias}.id`)}) and ${placeInScope(placeRef, supervisors)})`,
    );
  }
  if (actor.personId) terms.push(sql<SqlBool>`${sql.ref(`${alias}.resident_person_id`)} = ${actor.personId}`);
  if (!terms.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}
