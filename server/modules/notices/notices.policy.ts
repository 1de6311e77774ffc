import { type Expression, type SqlBool, sql } from 'kysely';
import { chinaDay } from '../../kernel/clock.ts';
import { type Actor, type Role, definePolicy } from '../../kernel/access/index.ts';

/**
 * Who may do what with notices. Officials (street, community, residents' committee) publish to any
 * place in their grants; a property company's staff publish to the compounds they serve. Officials
 * manage every notice in their place, property staff the ones their company published. Residents
 * read the published, currently valid notices posted at one of their rooms' places or above.
 */
const OFFICIALS = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'] as const satisfies Role[];
const PROPERTY = ['property_manager', 'property_staff'] as const satisfies Role[];

export const NoticesPolicy = {
  /** Published and withdrawn notices, with read counts. */
  read: [...OFFICIALS, 'property_committee_member', 'grid_worker', 'building_leader', 'owners_committee_member', ...PROPERTY],
  publishOfficial: [...OFFICIALS],
  publishProperty: [...PROPERTY],
} satisfies Record<string, readonly Role[]>;

export type PublisherKind = 'official' | 'property';

const { allows, placeFilter } = definePolicy(NoticesPolicy);

/** Who manages (edits, publishes, withdraws, attaches to) a notice: officials any; property staff their company's. */
export const mayManage = (actor: Actor, kind: PublisherKind, placePath: string) =>
  allows(actor, 'publishOfficial', placePath) || (kind === 'property' && allows(actor, 'publishProperty', placePath));

/** A draft is seen only by those who may manage it; a published or withdrawn notice by every reader. */
export const staffCanSee = (actor: Actor, n: { status: string; publisherKind: PublisherKind; placePath: string }) =>
  n.status === 'draft' ? mayManage(actor, n.publisherKind, n.placePath) : allows(actor, 'read', n.placePath);

/** SQL row filter (alias `n`): the notices the actor's grants show. */
export function staffFilter(actor: Actor): Expression<SqlBool> {
  const inScope = (permission: keyof typeof NoticesPolicy) => placeFilter(actor, permission, 'n.place_id');
  return sql<SqlBool>`(
    (n.status <> 'draft' and ${inScope('read')})
    or (n.status = 'draft' and (${inScope('publishOfficial')} or (n.publisher_kind = 'property' and ${inScope('publishProperty')})))
  )`;
}

/**
 * SQL row filter (alias `n`) for a resident: published, valid on `today`, and posted at a place
 * that is one of their rooms or an ancestor of one (`placeIds`: every id on their rooms' paths).
 */
export function residentFilter(placeIds: string[], today: string): Expression<SqlBool> {
  if (placeIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(n.status = 'published' and n.valid_from <= ${today}::date and (n.valid_until is null or n.valid_until >= ${today}::date)
    and n.place_id = any(${placeIds}::uuid[]))`;
}

/** The calendar day in China of an instant: validity dates are days there. */
export const shanghaiDate = chinaDay;
