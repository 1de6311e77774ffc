import type { Ctx } from '../../../kernel/context.ts';
import type { HouseholdStatus } from '../grid.emergency.constants.ts';
import { read } from '../grid.db.ts';

export interface MyVisitHousehold {
  id: string;
  unit: string;
  room: string;
  status: HouseholdStatus;
  need: string;
  /** I hold it now (until), or someone else does (their name), or nobody. */
  mine: boolean;
  heldBy: string | null;
  heldUntil: Date | null;
}
export interface MyVisitBuilding {
  declarationId: string;
  placeName: string;
  buildingId: string;
  building: string;
  questions: string[];
  households: MyVisitHousehold[];
}

/**
 * 我的入户排查: the buildings assigned to me (staff or volunteer, by my account) in active screenings, each with its
 * households — their status, and who holds each now. Nobody else's buildings.
 */
export async function myVisits(ctx: Ctx): Promise<{ buildings: MyVisitBuilding[] }> {
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const accountId = ctx.actor.accountId;
  const assigned = await db
    .selectFrom('grid_emergency_assignments as a')
    .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'a.street_id').onRef('s.id', '=', 'a.screening_id'))
    .innerJoin('grid_emergency_declarations as d', (j) => j.onRef('d.street_id', '=', 's.street_id').onRef('d.id', '=', 's.declaration_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .select(['a.street_id as streetId', 'a.screening_id as screeningId', 'a.building_id as buildingId', 'd.id as declarationId', 'p.name as placeName', 's.questions'])
    .where('a.account_id', '=', accountId)
    .where('d.status', '=', 'active')
    .orderBy('a.assigned_at')
    .execute();
  const buildings: MyVisitBuilding[] = [];
  for (const a of assigned) {
    const rows = await db
      .selectFrom('grid_emergency_households')
      .select(['id', 'building', 'unit', 'room', 'status', 'need', 'claimed_by as claimedBy', 'claimed_name as claimedName', 'claimed_until as claimedUntil'])
      .where('street_id', '=', a.streetId)
      .where('screening_id', '=', a.screeningId)
      .where('building_id', '=', a.buildingId)
      .orderBy('seq')
      .execute();
    buildings.push({
      declarationId: a.declarationId,
      placeName: a.placeName,
      buildingId: a.buildingId,
      building: rows[0]?.building ?? '',
      questions: a.questions,
      households: rows.map((r) => {
        const live = !!r.claimedUntil && r.claimedUntil > now && !!r.claimedBy;
        return { id: r.id, unit: r.unit, room: r.room, status: r.status, need: r.need, mine: live && r.claimedBy === accountId, heldBy: live && r.claimedBy !== accountId ? r.claimedName : null, heldUntil: live ? r.claimedUntil : null };
      }),
    });
  }
  return { buildings };
}
