import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { memberOfPerson } from './member-of-person.ts';
import { homeCommunities } from './reporting-home-communities.ts';

/**
 * 我的双报到 (H5): whether the resident is an active employed member (who may report), the communities where they
 * live (to choose among several), and their reports, newest first, with the community's decision.
 */
export async function myReporting(ctx: Ctx) {
  const db = read(ctx);
  const member = ctx.actor.personId ? await memberOfPerson(db, ctx.actor.personId) : undefined;
  const active = member?.status === 'active' ? member : undefined;
  if (!active) return { member: null, canReport: false, communities: [], reports: [] };
  const employed = active.membership === 'employed';
  const communities = employed ? (await homeCommunities(db, active)).map(({ id, name }) => ({ id, name })) : [];
  const reports = await db
    .selectFrom('pty_member_reports as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.community_id'))
    .select([
      'r.id',
      'r.community_id as communityId',
      'c.name as communityName',
      'r.status',
      'r.skills',
      'r.note',
      'r.reported_at as reportedAt',
      'r.decided_at as decidedAt',
      'r.decision_note as decisionNote',
    ])
    .where('r.street_id', '=', active.streetId)
    .where('r.member_id', '=', active.id)
    .orderBy('r.reported_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const live = reports.some((r) => r.status === 'pending' || r.status === 'confirmed');
  return {
    member: { id: active.id, name: active.personName, membership: active.membership },
    canReport: employed && !live && communities.length > 0,
    communities,
    reports,
  };
}
