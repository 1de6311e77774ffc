import { sql } from 'kysely';
import { pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationNames, organisationsOfKind } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';
import { allows, holdsAnywhere } from '../party.policy.ts';
import { chosenStreet } from './members-access.ts';

export interface TreeNode {
  id: string;
  name: string;
  level: string | null;
  placeId: string;
  placeName: string;
  /** Active members whose branch is this organisation. */
  members: number;
  host: { id: string; name: string } | null;
  canLinkHost: boolean;
  children: TreeNode[];
}

/**
 * The street's party organisation tree (treeRead): the street committee → community branches → compound and grid
 * branches → building groups, each with its active members and, for a branch set up in a company, the host; the
 * workplace organisations apart, with their employed members and how many reported (confirmed 双报到). A grant
 * below the street sees the organisations of its places, hung under the nearest one it sees; counts of members are
 * of the members in the actor's places.
 */
export async function readTree(ctx: Ctx, asked: string | undefined) {
  if (!holdsAnywhere(ctx.actor, 'treeRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const streetId = await chosenStreet(db, ctx.actor, asked);
  if (!streetId) throw MemberErrors.BRANCH_NOT_FOUND();
  const prefixes = scopePrefixes(ctx.actor, PARTY_ROLES.treeRead);
  const orgs = (await organisationsOfKind(db, 'party_org', { streetId })).filter((o) => prefixes === null || prefixes.some((p) => o.placePath.startsWith(p)));
  const counts = await db
    .selectFrom('pty_members as m')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'm.street_id').onRef('p.id', '=', 'm.place_id'))
    .select(['m.branch_id as branchId', 'm.workplace_org_id as workplaceOrgId', sql<number>`count(*)::int`.as('n')])
    .select(
      sql<number>`count(*) filter (where exists (select 1 from pty_member_reports r where r.street_id = m.street_id and r.member_id = m.id and r.status = 'confirmed'))::int`.as('reported'),
    )
    .where('m.street_id', '=', streetId)
    .where('m.status', '=', 'active')
    .where(pathInScope('p.path', prefixes))
    .groupBy(['m.branch_id', 'm.workplace_org_id'])
    .execute();
  const byOrg = new Map(counts.map((c) => [c.branchId ?? c.workplaceOrgId!, c]));
  const hosts = await db.selectFrom('pty_branch_hosts').select(['branch_id', 'host_org_id']).where('street_id', '=', streetId).execute();
  const hostNames = await organisationNames(db, hosts.map((h) => h.host_org_id));
  const hostOf = new Map(hosts.map((h) => [h.branch_id, { id: h.host_org_id, name: hostNames.get(h.host_org_id) ?? '' }]));

  const tree = orgs.filter((o) => o.partyLevel !== 'workplace');
  const nodes = new Map<string, TreeNode>(
    tree.map((o) => [
      o.id,
      {
        id: o.id,
        name: o.name,
        level: o.partyLevel,
        placeId: o.placeId,
        placeName: o.placeName,
        members: Number(byOrg.get(o.id)?.n ?? 0),
        host: hostOf.get(o.id) ?? null,
        canLinkHost: o.partyLevel !== 'building_group' && o.partyLevel !== 'street_committee' && allows(ctx.actor, 'membersManage', o.placePath) && holdsAnywhere(ctx.actor, 'membersManage'),
        children: [],
      },
    ]),
  );
  const parentOf = new Map(tree.map((o) => [o.id, o.parentId]));
  const roots: TreeNode[] = [];
  for (const o of tree) {
    // Hang a node under its nearest visible ancestor.
    let up = o.parentId;
    while (up && !nodes.has(up)) up = parentOf.get(up) ?? null;
    (up ? nodes.get(up)!.children : roots).push(nodes.get(o.id)!);
  }
  const workplaceOrgs = orgs
    .filter((o) => o.partyLevel === 'workplace')
    .map((o) => ({ id: o.id, name: o.name, employedMembers: Number(byOrg.get(o.id)?.n ?? 0), reported: Number(byOrg.get(o.id)?.reported ?? 0) }));
  return { streetId, roots, workplaceOrgs };
}
