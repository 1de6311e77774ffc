import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { personNames } from '../../registry/index.ts';
import { read, write } from '../party.db.ts';
import { weekOf } from '../party.stations.constants.ts';
import { StationsErrors } from '../party.stations.errors.ts';
import type { ShiftBody } from '../party.stations.schemas.ts';
import type { Executor } from '../party.db.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { allows } from '../party.policy.ts';
import { stationFor, type StationRow } from './stations-access.ts';

export interface ShiftRow {
  id: string;
  day: string;
  starts: string;
  ends: string;
  personId: string | null;
  personName: string;
  dutyRole: string;
}

/** A station's shifts on the days given (a week), by day and start. */
export async function shiftsOn(db: Executor, station: { streetId: string; id: string }, days: readonly string[]): Promise<ShiftRow[]> {
  return db
    .selectFrom('pty_station_shifts')
    .select(['id', 'day', 'starts', 'ends', 'person_id as personId', 'person_name as personName', 'duty_role as dutyRole'])
    .where('street_id', '=', station.streetId)
    .where('station_id', '=', station.id)
    .where('day', '>=', days[0]!)
    .where('day', '<=', days[days.length - 1]!)
    .orderBy('day')
    .orderBy('starts')
    .orderBy('id')
    .execute();
}

export interface StationWeek {
  station: Omit<StationRow, 'compoundPath'> & { canManage: boolean };
  days: string[];
  shifts: ShiftRow[];
}

/** A station with the duty roster of the week a day falls in (default: this week). */
export async function getStation(ctx: Ctx, id: string, week?: string): Promise<StationWeek> {
  const { compoundPath, ...station } = await stationFor(read(ctx), ctx, id, 'stationsRead');
  const days = weekOf(week ?? chinaDay(ctx.kernel.clock.now()));
  return { station: { ...station, canManage: allows(ctx.actor, 'stationsManage', compoundPath) }, days, shifts: await shiftsOn(read(ctx), station, days) };
}

/** Adds a duty shift: a registry person (their name copied) or a name with a role. Audited. */
export async function addShift(ctx: Ctx, id: string, body: ShiftBody): Promise<ShiftRow> {
  const [shift] = await addShifts(ctx, id, [body]);
  return shift!;
}

/** Adds several duty shifts to a station's roster in one transaction (a week's roster), each audited. */
export async function addShifts(ctx: Ctx, id: string, bodies: readonly ShiftBody[]): Promise<ShiftRow[]> {
  for (const b of bodies) if (b.starts >= b.ends) throw StationsErrors.SHIFT_TIME_INVALID();
  return write(ctx, async (tx) => {
    const s = await stationFor(tx, ctx, id, 'stationsManage', true);
    const names = await personNames(tx, bodies.flatMap((b) => (b.personId ? [b.personId] : [])));
    const out: ShiftRow[] = [];
    for (const body of bodies) {
      const name = body.personId ? names.get(body.personId) : body.personName;
      if (!name) throw StationsErrors.PERSON_NOT_FOUND();
      const shift = { id: newId(), day: body.day, starts: body.starts, ends: body.ends, personId: body.personId ?? null, personName: name, dutyRole: body.dutyRole };
      await tx
        .insertInto('pty_station_shifts')
        .values({
          street_id: s.streetId,
          id: shift.id,
          station_id: s.id,
          day: shift.day,
          starts: shift.starts,
          ends: shift.ends,
          person_id: shift.personId,
          person_name: shift.personName,
          duty_role: shift.dutyRole,
          created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          created_at: ctx.kernel.clock.now(),
        })
        .execute();
      await audit(tx, ctx, { action: 'party.stations.shift_added', placeId: s.compoundId, subjectType: 'party_station', subjectId: s.id, detail: { shift: shift.id, day: shift.day, starts: shift.starts, ends: shift.ends } });
      out.push(shift);
    }
    return out;
  });
}

/** Removes a duty shift. Audited. */
export async function removeShift(ctx: Ctx, id: string, shiftId: string): Promise<{ removed: true }> {
  return write(ctx, async (tx) => {
    const s = await stationFor(tx, ctx, id, 'stationsManage', true);
    const gone = await tx.deleteFrom('pty_station_shifts').where('street_id', '=', s.streetId).where('station_id', '=', s.id).where('id', '=', shiftId).returning(['day', 'person_name']).executeTakeFirst();
    if (!gone) throw StationsErrors.SHIFT_NOT_FOUND();
    await audit(tx, ctx, { action: 'party.stations.shift_removed', placeId: s.compoundId, subjectType: 'party_station', subjectId: s.id, detail: { shift: shiftId, day: gone.day } });
    return { removed: true };
  });
}
