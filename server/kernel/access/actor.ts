import type { Role, StaffRole } from './roles.ts';

export interface Grant {
  role: StaffRole;
  placeId: string;
  /** The granted place's materialised path; the grant covers every place whose path starts with it. */
  placePath: string;
  placeName: string;
}

/** The signed-in account as every use case sees it. */
export interface Actor {
  accountId: string;
  name: string;
  /** Set once the account is matched to a registry person: that person's households make a resident. */
  personId: string | null;
  grants: Grant[];
  requestId: string | null;
  locale: 'zh-CN' | 'en';
  /**
   * Signed in with a temporary password from an administrator's reset (migration 0028): the server refuses its
   * writes, but changing the password, signing out and its preferences, until it sets its own (kernel/http/server.ts).
   */
  mustChangePassword?: true;
}

/** The system itself (seeding, jobs, CLI) acting with full rights. */
export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000',
  name: 'system',
  personId: null,
  grants: [],
  requestId: null,
  locale: 'zh-CN',
};
export const isSystem = (actor: Actor) => actor.accountId === SYSTEM_ACTOR.accountId;

/** True when the actor holds one of `roles` anywhere (e.g. to offer a to-do only to those who can act on it). */
export function holdsAny(actor: Actor, roles: readonly Role[]): boolean {
  return isSystem(actor) || actor.grants.some((g) => roles.includes(g.role));
}

/** True when one of the actor's grants with an allowed role covers the place at `placePath`. */
export function can(actor: Actor, roles: readonly Role[], placePath: string): boolean {
  if (isSystem(actor)) return true;
  return actor.grants.some((g) => roles.includes(g.role) && placePath.startsWith(g.placePath));
}

/**
 * The subtree prefixes the actor may see for a permission, for row filters in SQL.
 * `null` means "everything" (system); an empty list means "nothing through grants".
 */
export function scopePrefixes(actor: Actor, roles: readonly Role[]): string[] | null {
  if (isSystem(actor)) return null;
  const prefixes = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.placePath);
  // Drop prefixes already covered by a wider one: fewer LIKE terms in every query.
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}

export const rolesOf = (actor: Actor): Role[] => {
  const roles = new Set<Role>(actor.grants.map((g) => g.role));
  if (actor.personId) roles.add('resident');
  return [...roles];
};
