import { sql } from 'kysely';
import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read, type Tx, write } from '../volunteers.db.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import { type TeamBody, type TeamUpdateBody, type TeamsQuery, TeamsSort } from '../volunteers.registry.schemas.ts';
import { managedPlace, seesAt, seesRegistry, underPath } from './registry-access.ts';

export interface TeamRow {
  id: string;
  placeId: string;
  placeName: string;
  name: string;
  description: string;
  leaderVolunteerId: string | null;
  leaderName: string | null;
  members: number;
  createdAt: Date;
  canManage: boolean;
}

function teamRows(db: Executor) {
  return db
    .selectFrom('vol_teams as tm')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'tm.street_id').onRef('p.id', '=', 'tm.place_id'))
    .leftJoin('vol_volunteers as l', (j) => j.onRef('l.street_id', '=', 'tm.street_id').onRef('l.id', '=', 'tm.leader_volunteer_id'))
    .select([
      'tm.id',
      'tm.street_id as streetId',
      'tm.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'tm.name',
      'tm.description',
      'tm.leader_volunteer_id as leaderVolunteerId',
      'l.person_name as leaderName',
      'tm.created_at as createdAt',
      sql<number>`(select count(*)::int from vol_team_members m where m.street_id = tm.street_id and m.team_id = tm.id)`.as('members'),
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof teamRows>['execute']>>[number];
const present = (ctx: Ctx, { placePath, streetId: _s, ...r }: Raw): TeamRow => ({ ...r, members: Number(r.members), canManage: allows(ctx.actor, 'volunteersManage', placePath) });

/** The teams in the actor's places: search by name, filter by place, sort, page. */
export async function listTeams(ctx: Ctx, q: TeamsQuery): Promise<Page<TeamRow>> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const filtered = () =>
    teamRows(read(ctx))
      .where((eb) => eb.or([placeFilter(ctx.actor, 'volunteersRead', 'tm.place_id', 'p.path'), placeFilter(ctx.actor, 'volunteersManage', 'tm.place_id', 'p.path')]))
      .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
      .$if(!!q.q, (s) => s.where('tm.name', 'ilike', containing(q.q!)));
  const items = TeamsSort.orderBy(filtered(), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map((r) => present(ctx, r)) };
}

/** A team the actor sees (404 otherwise), 403 when managing is asked and not held at its place. */
export async function teamFor(db: Executor, ctx: Ctx, id: string, manage: boolean, forUpdate = false) {
  const row = await teamRows(db)
    .where('tm.id', '=', id)
    .$if(forUpdate, (s) => s.forUpdate('tm'))
    .executeTakeFirst();
  if (!row || !seesAt(ctx, row.placePath)) throw RegistryErrors.TEAM_NOT_FOUND();
  if (manage && !allows(ctx.actor, 'volunteersManage', row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** A team with its members (names, phones masked, skills). */
export async function getTeam(ctx: Ctx, id: string) {
  const db = read(ctx);
  const team = await teamFor(db, ctx, id, false);
  const members = await db
    .selectFrom('vol_team_members as m')
    .innerJoin('vol_volunteers as v', (j) => j.onRef('v.street_id', '=', 'm.street_id').onRef('v.id', '=', 'm.volunteer_id'))
    .select(['v.id as volunteerId', 'v.person_name as personName', 'v.phone_masked as phoneMasked', 'v.skills', 'v.status', 'm.added_at as addedAt'])
    .where('m.street_id', '=', team.streetId)
    .where('m.team_id', '=', team.id)
    .orderBy('v.person_name')
    .orderBy('v.id')
    .execute();
  return { ...present(ctx, team), members };
}

/** An approved volunteer registered at or under the place (a team's leader or member), else NOT_OF_TEAM_PLACE. */
export async function approvedVolunteerUnder(tx: Executor, streetId: string, placePath: string, volunteerId: string): Promise<{ id: string; personName: string }> {
  const v = await tx
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.id', 'v.person_name as personName'])
    .where('v.street_id', '=', streetId)
    .where('v.id', '=', volunteerId)
    .where('v.status', '=', 'approved')
    .where('p.path', 'like', `${placePath}%`)
    .executeTakeFirst();
  if (!v) throw RegistryErrors.NOT_OF_TEAM_PLACE();
  return v;
}

async function nameFree(tx: Tx, streetId: string, placeId: string, name: string, except?: string) {
  const clash = await tx
    .selectFrom('vol_teams')
    .select('id')
    .where('street_id', '=', streetId)
    .where('place_id', '=', placeId)
    .where('name', '=', name)
    .$if(!!except, (s) => s.where('id', '<>', except!))
    .executeTakeFirst();
  if (clash) throw RegistryErrors.TEAM_NAME_TAKEN({ name });
}

/** Forms a team at a community or compound the actor manages; its leader (when named) joins it as a member. Audited. */
export async function createTeam(ctx: Ctx, body: TeamBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await managedPlace(tx, ctx, body.placeId);
    await nameFree(tx, place.street_id, place.id, body.name);
    const leader = body.leaderVolunteerId ? await approvedVolunteerUnder(tx, place.street_id, place.path, body.leaderVolunteerId) : null;
    const id = newId();
    const now = ctx.kernel.clock.now();
    const by = isSystem(ctx.actor) ? null : ctx.actor.accountId;
    await tx
      .insertInto('vol_teams')
      .values({ street_id: place.street_id, id, place_id: place.id, name: body.name, leader_volunteer_id: leader?.id ?? null, description: body.description, created_by: by, created_at: now, updated_at: now })
      .execute();
    if (leader) await tx.insertInto('vol_team_members').values({ street_id: place.street_id, team_id: id, volunteer_id: leader.id, added_by: by, added_at: now }).execute();
    await audit(tx, ctx, { action: 'volunteers.registry.team_created', placeId: place.id, subjectType: 'vol_team', subjectId: id, detail: { name: body.name, leader: leader?.personName ?? null } });
    return { id };
  });
}

/** Renames a team, changes its leader (who joins as a member) or description. Audited. */
export async function updateTeam(ctx: Ctx, id: string, body: TeamUpdateBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const team = await teamFor(tx, ctx, id, true, true);
    await nameFree(tx, team.streetId, team.placeId, body.name, team.id);
    const leader = body.leaderVolunteerId ? await approvedVolunteerUnder(tx, team.streetId, team.placePath, body.leaderVolunteerId) : null;
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('vol_teams')
      .set({ name: body.name, leader_volunteer_id: leader?.id ?? null, description: body.description, updated_at: now })
      .where('street_id', '=', team.streetId)
      .where('id', '=', team.id)
      .execute();
    if (leader) {
      await tx
        .insertInto('vol_team_members')
        .values({ street_id: team.streetId, team_id: team.id, volunteer_id: leader.id, added_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, added_at: now })
        .onConflict((oc) => oc.columns(['street_id', 'team_id', 'volunteer_id']).doNothing())
        .execute();
    }
    await audit(tx, ctx, { action: 'volunteers.registry.team_updated', placeId: team.placeId, subjectType: 'vol_team', subjectId: team.id, detail: { name: body.name, leader: leader?.personName ?? null } });
    return { id: team.id };
  });
}
