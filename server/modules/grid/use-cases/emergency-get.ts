import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { EmergencyLevel, EmergencyPost } from '../grid.emergency.constants.ts';
import { read } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { activeOver, chinaMinute, type DeclarationFacts, type DeclarationRow, readableDeclaration } from './emergency-access.ts';

/** A declaration as its page shows it: the row's facts, then what was done under it. */
export interface DeclarationView extends Pick<DeclarationRow, DeclarationFacts | 'endedByName' | 'summary'> {
  residentsNotified: number;
  /** Active declarations over places above this one: the place is in emergency through them too. */
  above: { id: string; placeName: string; level: EmergencyLevel }[];
  screening: { id: string; questions: string[]; households: number } | null;
  buildings: { id: string; name: string; households: number }[];
  assignments: { id: string; buildingId: string; building: string; accountId: string; kind: 'staff' | 'volunteer'; visitorName: string; assignedAt: Date }[];
  rosters: { id: string; day: string; post: EmergencyPost; name: string; phoneMasked: string; shiftStart: string; shiftEnd: string; note: string }[];
  callUps: { id: string; task: string; slots: number; taken: number; declined: number; meetingPoint: string; meetAt: Date; notified: number; accepted: string[] }[];
  can: { manage: boolean; end: boolean };
}

/** A declaration with its screening's checklist and buildings, assignments, rosters and call-ups, and what the actor may do. */
export async function getDeclaration(ctx: Ctx, id: string): Promise<DeclarationView> {
  const db = read(ctx);
  const d = await readableDeclaration(db, ctx, id);
  const [above, screening, rosters, callUps] = await Promise.all([
    activeOver(db, d.streetId, d.placePath),
    db
      .selectFrom('grid_emergency_screenings as s')
      .select(['s.id', 's.questions'])
      .select(sql<number>`(select count(*)::int from grid_emergency_households h where h.street_id = s.street_id and h.screening_id = s.id)`.as('households'))
      .where('s.street_id', '=', d.streetId)
      .where('s.declaration_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('grid_emergency_rosters')
      .select(['id', 'day', 'post', 'name', 'phone_masked as phoneMasked', 'shift_start as shiftStart', 'shift_end as shiftEnd', 'note'])
      .where('street_id', '=', d.streetId)
      .where('declaration_id', '=', id)
      .orderBy('day')
      .orderBy('post')
      .orderBy('shift_start')
      .execute(),
    db
      .selectFrom('grid_emergency_callups as c')
      .select(['c.id', 'c.task', 'c.slots', 'c.taken', 'c.meeting_point as meetingPoint', 'c.meet_at as meetAt', 'c.notified'])
      .select(sql<number>`(select count(*)::int from grid_emergency_callup_answers a where a.street_id = c.street_id and a.callup_id = c.id and a.answer = 'declined')`.as('declined'))
      .select(sql<string[]>`array(select a.name from grid_emergency_callup_answers a where a.street_id = c.street_id and a.callup_id = c.id and a.answer = 'accepted' order by a.at)`.as('accepted'))
      .where('c.street_id', '=', d.streetId)
      .where('c.declaration_id', '=', id)
      .orderBy('c.created_at', 'desc')
      .execute(),
  ]);
  const [buildings, assignments] = screening
    ? await Promise.all([
        db
          .selectFrom('grid_emergency_households')
          .select(['building_id as id', sql<string>`min(building)`.as('name'), sql<number>`count(*)::int`.as('households'), sql<number>`min(seq)`.as('first')])
          .where('street_id', '=', d.streetId)
          .where('screening_id', '=', screening.id)
          .groupBy('building_id')
          .orderBy('first')
          .execute(),
        db
          .selectFrom('grid_emergency_assignments as a')
          .select(['a.id', 'a.building_id as buildingId', 'a.account_id as accountId', 'a.kind', 'a.visitor_name as visitorName', 'a.assigned_at as assignedAt'])
          .select(sql<string>`(select min(h.building) from grid_emergency_households h where h.street_id = a.street_id and h.screening_id = a.screening_id and h.building_id = a.building_id)`.as('building'))
          .where('a.street_id', '=', d.streetId)
          .where('a.screening_id', '=', screening.id)
          .orderBy('a.assigned_at')
          .execute(),
      ])
    : [[], []];
  const active = d.status === 'active';
  return {
    id: d.id,
    placeId: d.placeId,
    placeName: d.placeName,
    placeKind: d.placeKind,
    level: d.level,
    reason: d.reason,
    status: d.status,
    declaredAt: d.declaredAt,
    declaredByName: d.declaredByName,
    endedAt: d.endedAt,
    endedByName: d.endedByName,
    summary: d.summary,
    residentsNotified: d.residentsNotified,
    above: above.filter((a) => a.id !== d.id).map((a) => ({ id: a.id, placeName: a.placeName, level: a.level })),
    screening: screening ? { id: screening.id, questions: screening.questions, households: Number(screening.households) } : null,
    buildings: buildings.map((b) => ({ id: b.id, name: b.name, households: Number(b.households) })),
    assignments: assignments.map((a) => ({ ...a, building: a.building ?? '' })),
    rosters: rosters.map((r) => ({ ...r, day: String(r.day) })),
    callUps: callUps.map((c) => ({ ...c, declined: Number(c.declined), accepted: c.accepted ?? [] })),
    can: { manage: active && allows(ctx.actor, 'emergencyManage', d.placePath), end: active && allows(ctx.actor, 'emergencyDeclare', d.placePath) },
  };
}

export const minuteOf = chinaMinute;
