import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import type { EmergencyLevel } from '../grid.emergency.constants.ts';
import { read } from '../grid.db.ts';

export interface EmergencyNotice {
  id: string;
  placeName: string;
  level: EmergencyLevel;
  reason: string;
  declaredAt: Date;
}

/**
 * The resident home's slice: the active emergencies over the places of the resident's rooms (pinned at the top of the
 * H5 home while they last), and, for a visitor assigned buildings in an active screening, how many households wait.
 */
export async function emergencyResidentHome(ctx: Ctx): Promise<object> {
  const db = read(ctx);
  const rooms = await roomsOfActor(db, ctx);
  const accountId = ctx.actor.accountId;
  const [notices, visits] = await Promise.all([
    rooms.length
      ? db
          .selectFrom('grid_emergency_declarations as d')
          .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
          .select(['d.id', 'p.name as placeName', 'd.level', 'd.reason', 'd.declared_at as declaredAt'])
          .where('d.status', '=', 'active')
          .where('d.street_id', 'in', [...new Set(rooms.map((r) => r.streetId))])
          .where((eb) => eb.or(rooms.map((r) => sql<boolean>`${r.roomPath} like p.path || '%'`)))
          .orderBy('d.declared_at', 'desc')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('grid_emergency_assignments as a')
      .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'a.street_id').onRef('s.id', '=', 'a.screening_id'))
      .innerJoin('grid_emergency_declarations as d', (j) => j.onRef('d.street_id', '=', 's.street_id').onRef('d.id', '=', 's.declaration_id'))
      .select([
        sql<number>`count(*)::int`.as('buildings'),
        sql<number>`coalesce(sum((select count(*) from grid_emergency_households h where h.street_id = a.street_id and h.screening_id = a.screening_id and h.building_id = a.building_id and h.status in ('pending', 'nobody_home'))), 0)::int`.as('open'),
      ])
      .where('a.account_id', '=', accountId)
      .where('d.status', '=', 'active')
      .executeTakeFirst(),
  ]);
  const out: Record<string, unknown> = {};
  if (notices.length) out.gridEmergency = notices;
  if (visits && Number(visits.buildings) > 0) out.gridScreening = { buildings: Number(visits.buildings), open: Number(visits.open) };
  return out;
}
