import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { memberOfPerson } from './member-of-person.ts';

/**
 * The resident home's 双报到 slice, for an active employed member only (others get nothing): the status of their
 * latest report, so the home section can offer to report or show where they stand.
 */
export async function reportingResidentHome(ctx: Ctx): Promise<object> {
  if (!ctx.actor.personId) return {};
  const db = read(ctx);
  const member = await memberOfPerson(db, ctx.actor.personId);
  if (!member || member.status !== 'active' || member.membership !== 'employed') return {};
  const latest = await db
    .selectFrom('pty_member_reports as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.community_id'))
    .select(['r.status', 'c.name as communityName'])
    .where('r.street_id', '=', member.streetId)
    .where('r.member_id', '=', member.id)
    .orderBy('r.reported_at', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return { partyReporting: { status: latest?.status ?? null, communityName: latest?.communityName ?? null } };
}
