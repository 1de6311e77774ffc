import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { read } from '../party.db.ts';
import { hoursText, weekdayOf, weekOf } from '../party.stations.constants.ts';
import { StationsErrors } from '../party.stations.errors.ts';
import type { StationHours } from '../party.tables.ts';
import { type StationRow, stationRows } from './stations-access.ts';
import { type ShiftRow, shiftsOn } from './stations-shifts.ts';

/** A station as a resident sees it: where, when it is open today, what it offers, whom to call. */
export interface MyStation {
  id: string;
  name: string;
  compoundId: string;
  compoundName: string;
  address: string;
  hoursText: string;
  /** Today's opening spans, e.g. ['09:00–17:00']; empty: closed today. */
  hoursToday: string[];
  services: string[];
  phone: string;
}

const todaysHours = (hours: readonly StationHours[], day: string) => hours.filter((h) => h.days.includes(weekdayOf(day))).map((h) => `${h.opens}–${h.closes}`);

function present(r: StationRow, day: string): MyStation {
  return { id: r.id, name: r.name, compoundId: r.compoundId, compoundName: r.compoundName, address: r.address, hoursText: hoursText(r.hours), hoursToday: todaysHours(r.hours, day), services: r.services, phone: r.phone };
}

async function myCompounds(ctx: Ctx) {
  const rooms = await roomsOfActor(read(ctx), ctx);
  return [...new Map(rooms.map((r) => [r.compoundId, r])).values()];
}

/** The open 红色驿站 of the compounds the resident lives in (the H5 home's section). */
export async function myStations(ctx: Ctx): Promise<MyStation[]> {
  if (!ctx.actor.personId) return [];
  const compounds = await myCompounds(ctx);
  if (!compounds.length) return [];
  const rows = (await stationRows(read(ctx))
    .where('s.street_id', 'in', [...new Set(compounds.map((c) => c.streetId))])
    .where('s.compound_id', 'in', compounds.map((c) => c.compoundId))
    .where('s.status', '=', 'open')
    .orderBy('c.path')
    .orderBy('s.name')
    .execute()) as StationRow[];
  const today = chinaDay(ctx.kernel.clock.now());
  return rows.map((r) => present(r, today));
}

/** A station of the resident's compound with this week's duty roster; any other station is not found. */
export async function myStation(ctx: Ctx, id: string): Promise<{ station: MyStation; days: string[]; shifts: Omit<ShiftRow, 'personId'>[] }> {
  const compounds = await myCompounds(ctx);
  const row = compounds.length
    ? ((await stationRows(read(ctx))
        .where('s.id', '=', id)
        .where('s.compound_id', 'in', compounds.map((c) => c.compoundId))
        .where('s.status', '=', 'open')
        .executeTakeFirst()) as StationRow | undefined)
    : undefined;
  if (!row) throw StationsErrors.STATION_NOT_FOUND();
  const today = chinaDay(ctx.kernel.clock.now());
  const days = weekOf(today);
  const shifts = (await shiftsOn(read(ctx), row, days)).map(({ personId: _p, ...s }) => s);
  return { station: present(row, today), days, shifts };
}
