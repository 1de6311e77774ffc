import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, type Role, definePolicy, pathInScope, placeInScope, scopePrefixes } from '../../kernel/access/index.ts';
import { REGISTRY_OFFICIALS } from './registry.constants.ts';

/**
 * Who may do what in the registry. Each permission lists the roles whose grant on a place allows it
 * over that place's subtree. Residents hold no grants: their scope is their own rooms (below).
 */
const OFFICIALS = REGISTRY_OFFICIALS satisfies readonly Role[];
const NEIGHBOURHOOD = [...OFFICIALS, 'property_committee_member', 'grid_worker', 'building_leader', 'owners_committee_member'] as const satisfies Role[];
const PROPERTY = ['property_manager', 'property_staff'] as const satisfies Role[];

export const RegistryPolicy = {
  /**
   * The place tree and organisations: everyone who works in a place — a workplace party organisation's liaison too,
   * which picks the community it reports to (双报到) from the street's places.
   */
  readPlaces: [...NEIGHBOURHOOD, ...PROPERTY, 'department_reviewer', 'assessor', 'workplace_party_contact'],
  readOrganisations: [...NEIGHBOURHOOD, ...PROPERTY, 'department_reviewer', 'assessor', 'workplace_party_contact'],
  /** Rooms, households and people (masked): those who serve residents. */
  readRooms: [...NEIGHBOURHOOD, ...PROPERTY],
  readPersons: [...NEIGHBOURHOOD, ...PROPERTY],
  /** Full phone and ID numbers: only those whose work needs them; every read is audited. */
  revealPii: [...OFFICIALS, 'grid_worker'],
  writePlaces: [...OFFICIALS],
  writePersons: [...OFFICIALS, 'grid_worker'],
  writeHouseholds: [...OFFICIALS, 'grid_worker'],
  writeOrganisations: [...OFFICIALS],
  /** Residents' correction requests: the officials of the place that registered the person answer them. */
  answerCorrections: [...OFFICIALS],
  /** Second approver for owner changes and deletions. */
  approve: [...OFFICIALS],
} satisfies Record<string, readonly Role[]>;

export type RegistryPermission = keyof typeof RegistryPolicy;

export const { allows, authorize, placeFilter } = definePolicy(RegistryPolicy);

/** SQL: the resident's current rooms. */
export const residentRoomIds = (actor: Actor) =>
  sql`(select h.room_id from reg_households h where h.person_id = ${actor.personId} and (h.end_date is null or h.end_date >= current_date))`;

/**
 * Row filter for rooms: staff by grant, residents their own rooms. Pass the room's path column when
 * the query already has it (a direct, indexable prefix match instead of a lookup per row).
 */
export function roomFilter(actor: Actor, roomIdRef: string, roomPathRef?: string): Expression<SqlBool> {
  const prefixes = scopePrefixes(actor, RegistryPolicy.readRooms);
  const byGrant = roomPathRef ? pathInScope(roomPathRef, prefixes) : placeInScope(sql.ref(roomIdRef), prefixes);
  if (!actor.personId) return byGrant;
  return sql<SqlBool>`(${byGrant} or ${sql.ref(roomIdRef)} in ${residentRoomIds(actor)})`;
}

/** Row filter for people: registered in scope, or holding a room in scope; a resident sees themself. */
export function personFilter(actor: Actor, personIdRef: string, personPlaceRef: string): Expression<SqlBool> {
  const prefixes = scopePrefixes(actor, RegistryPolicy.readPersons);
  const viaPlace = placeInScope(sql.ref(personPlaceRef), prefixes);
  const viaRoom =
    prefixes === null || prefixes.length > 0
      ? sql<SqlBool>`exists (select 1 from reg_households ph where ph.person_id = ${sql.ref(personIdRef)} and ${placeInScope(sql.ref('ph.room_id'), prefixes)})`
      : sql<SqlBool>`false`;
  const self = actor.personId ? sql<SqlBool>`${sql.ref(personIdRef)} = ${actor.personId}` : sql<SqlBool>`false`;
  return sql<SqlBool>`(${viaPlace} or ${viaRoom} or ${self})`;
}
