import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { read, write } from '../volunteers.db.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import { approvedVolunteerUnder, teamFor } from './registry-teams.ts';

/** The approved volunteers of a team's place not yet in it (the add-member picker), by name, at most 50. */
export async function teamCandidates(ctx: Ctx, teamId: string, q?: string) {
  const db = read(ctx);
  const team = await teamFor(db, ctx, teamId, true);
  return db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.id', 'v.person_name as personName', 'p.name as placeName', 'v.skills'])
    .where('v.street_id', '=', team.streetId)
    .where('v.status', '=', 'approved')
    .where('p.path', 'like', `${team.placePath}%`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('vol_team_members as m').select('m.volunteer_id').whereRef('m.street_id', '=', 'v.street_id').where('m.team_id', '=', team.id).whereRef('m.volunteer_id', '=', 'v.id'))))
    .$if(!!q, (s) => s.where('v.person_name', 'ilike', containing(q!)))
    .orderBy('v.person_name')
    .orderBy('v.id')
    .limit(50)
    .execute();
}

/** Adds an approved volunteer of the team's place to it. Audited. */
export async function addTeamMember(ctx: Ctx, teamId: string, volunteerId: string): Promise<{ teamId: string; volunteerId: string }> {
  return write(ctx, async (tx) => {
    const team = await teamFor(tx, ctx, teamId, true, true);
    const v = await approvedVolunteerUnder(tx, team.streetId, team.placePath, volunteerId);
    const added = await tx
      .insertInto('vol_team_members')
      .values({ street_id: team.streetId, team_id: team.id, volunteer_id: v.id, added_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, added_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'team_id', 'volunteer_id']).doNothing())
      .returning('volunteer_id')
      .executeTakeFirst();
    if (!added) throw RegistryErrors.ALREADY_MEMBER();
    await audit(tx, ctx, { action: 'volunteers.registry.team_member_added', placeId: team.placeId, subjectType: 'vol_team', subjectId: team.id, detail: { volunteer: v.personName } });
    return { teamId: team.id, volunteerId: v.id };
  });
}

/** Removes a member (the leader too: the team is then without a leader). Audited. */
export async function removeTeamMember(ctx: Ctx, teamId: string, volunteerId: string): Promise<{ teamId: string; volunteerId: string }> {
  return write(ctx, async (tx) => {
    const team = await teamFor(tx, ctx, teamId, true, true);
    const gone = await tx
      .deleteFrom('vol_team_members')
      .where('street_id', '=', team.streetId)
      .where('team_id', '=', team.id)
      .where('volunteer_id', '=', volunteerId)
      .returning('volunteer_id')
      .executeTakeFirst();
    if (!gone) throw RegistryErrors.NOT_A_MEMBER();
    if (team.leaderVolunteerId === volunteerId) await tx.updateTable('vol_teams').set({ leader_volunteer_id: null, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', team.streetId).where('id', '=', team.id).execute();
    await audit(tx, ctx, { action: 'volunteers.registry.team_member_removed', placeId: team.placeId, subjectType: 'vol_team', subjectId: team.id, detail: { volunteerId } });
    return { teamId: team.id, volunteerId };
  });
}
