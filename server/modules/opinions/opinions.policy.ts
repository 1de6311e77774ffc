import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, type Role, definePolicy } from '../../kernel/access/index.ts';
import type { Addressee } from './opinions.constants.ts';

/**
 * Who may do what with opinions. A grant covers its place's subtree; an opinion is placed by the
 * poster's room, so a building leader sees the posts of their building and a property manager those
 * of their compounds. Residents hold no grant: they see their own posts and their compounds' public
 * ones (see residentFilter).
 */
const OFFICIALS = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'] as const satisfies Role[];

export const OpinionsPolicy = {
  /** Public posts: everyone who serves residents in a place. */
  readPublic: [
    ...OFFICIALS,
    'property_committee_member',
    'grid_worker',
    'building_leader',
    'owners_committee_member',
    'property_manager',
    'property_staff',
  ],
  /** Hide a public post with a reason, restore it; see hidden posts and why. */
  moderate: [...OFFICIALS],
  /** Mark an opinion for deliberation (议题收集 → 确定议题): the party organisation and 物委会. */
  promote: [...OFFICIALS, 'property_committee_member'],
} satisfies Record<string, readonly Role[]>;

/**
 * The staff of each addressee: they alone read private posts addressed to it, and they answer
 * every post (public or private) addressed to it.
 */
export const ADDRESSEE_ROLES: Record<Addressee, readonly Role[]> = {
  property_company: ['property_manager', 'property_staff'],
  residents_committee: ['community_secretary', 'committee_staff'],
  owners_committee: ['owners_committee_member'],
};

/** The facts of an opinion its access depends on. */
export interface OpinionAccessFacts {
  visibility: 'public' | 'private';
  addressee: Addressee;
  hidden: boolean;
  roomPath: string;
}

// Permissions by name: reading public posts, moderating, promoting, and answering (reading private
// posts) as each addressee.
const { allows, placeFilter } = definePolicy({ ...OpinionsPolicy, ...ADDRESSEE_ROLES });

/** True when the actor's grants let them see the opinion (residents are handled separately). */
export function staffCanSee(actor: Actor, o: OpinionAccessFacts): boolean {
  if (o.visibility === 'private') return allows(actor, o.addressee, o.roomPath);
  if (o.hidden) return allows(actor, 'moderate', o.roomPath);
  return allows(actor, 'readPublic', o.roomPath);
}

export const mayAnswer = (actor: Actor, o: OpinionAccessFacts) => allows(actor, o.addressee, o.roomPath);
export const mayModerate = (actor: Actor, o: OpinionAccessFacts) => o.visibility === 'public' && allows(actor, 'moderate', o.roomPath);
export const mayPromote = (actor: Actor, o: OpinionAccessFacts) => staffCanSee(actor, o) && allows(actor, 'promote', o.roomPath);

/** SQL row filter (table alias `o`): the opinions the actor's grants let them see. */
export function staffFilter(actor: Actor): Expression<SqlBool> {
  const inScope = (permission: keyof typeof OpinionsPolicy | Addressee) => placeFilter(actor, permission, 'o.room_id');
  const addressed = (a: Addressee) => sql<SqlBool>`(o.addressee = ${a} and ${inScope(a)})`;
  return sql<SqlBool>`(
    (o.visibility = 'public' and ((o.hidden_at is null and ${inScope('readPublic')}) or ${inScope('moderate')}))
    or (o.visibility = 'private' and (${addressed('property_company')} or ${addressed('residents_committee')} or ${addressed('owners_committee')}))
  )`;
}

/**
 * SQL row filter (alias `o`) for a resident: their own posts (even hidden ones, with the reason),
 * and the visible public posts of the compounds they live in now.
 */
export function residentFilter(personId: string | null, compoundIds: string[]): Expression<SqlBool> {
  if (!personId) return sql<SqlBool>`false`;
  const own = sql<SqlBool>`o.author_person_id = ${personId}`;
  if (compoundIds.length === 0) return own;
  return sql<SqlBool>`(${own} or (o.visibility = 'public' and o.hidden_at is null and o.place_id = any(${compoundIds}::uuid[])))`;
}
