import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../devices.db.ts';
import type { SpaceKind } from '../devices.tables.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import type { LiveQuery } from '../devices.parking.schemas.ts';
import { compoundFor } from './parking-access.ts';

/**
 * A compound's car park now. Capacity is its spaces; `inUse` is the vehicles inside by the gate counts, or the
 * spaces the sensors report taken when that is higher (a car park whose every space has a sensor is read by them);
 * `free` = capacity − in use (never below zero); `rate` = in use / capacity (0 without spaces).
 */
export interface CarParkLive {
  placeId: string;
  placeName: string;
  capacity: number;
  byKind: Record<SpaceKind, number>;
  sensors: number;
  occupiedBySensors: number;
  vehiclesInside: number;
  inUse: number;
  free: number;
  rate: number;
  openSessions: number;
  tariff: { freeMinutes: number; hourlyFen: number; dailyCapFen: number };
  updatedAt: Date | null;
}

/** A space on the live grid (only spaces with a sensor). */
export interface LiveSpace {
  id: string;
  no: string;
  kind: SpaceKind;
  occupied: boolean;
  occupiedSince: Date | null;
}

const DEFAULT_TARIFF = { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 5000 };

function compounds(ctx: Ctx) {
  return read(ctx)
    .selectFrom('street_places as p')
    .leftJoin('dev_car_parks as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.place_id', '=', 'p.id'))
    .where('p.kind', '=', 'compound')
    .select([
      'p.id as placeId',
      'p.name as placeName',
      'c.vehicles_inside',
      'c.free_minutes',
      'c.hourly_fen',
      'c.daily_cap_fen',
      'c.updated_at',
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id)`.as('capacity'),
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id and s.kind = 'titled')`.as('titled'),
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id and s.kind = 'rented')`.as('rented'),
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id and s.kind = 'public')`.as('public'),
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id and s.sensor_device_id is not null)`.as('sensors'),
      sql<number>`(select count(*)::int from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id and s.occupied)`.as('occupied'),
      sql<number>`(select count(*)::int from dev_parking_sessions t where t.street_id = p.street_id and t.place_id = p.id and t.exited_at is null)`.as('open_sessions'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof compounds>['execute']>>[number];
function live(r: Row): CarParkLive {
  const capacity = Number(r.capacity);
  const vehiclesInside = r.vehicles_inside ?? 0;
  const occupiedBySensors = Number(r.occupied);
  const inUse = Math.max(vehiclesInside, occupiedBySensors);
  return {
    placeId: r.placeId,
    placeName: r.placeName,
    capacity,
    byKind: { titled: Number(r.titled), rented: Number(r.rented), public: Number(r.public) },
    sensors: Number(r.sensors),
    occupiedBySensors,
    vehiclesInside,
    inUse,
    free: Math.max(0, capacity - inUse),
    rate: capacity ? Math.min(1, inUse / capacity) : 0,
    openSessions: Number(r.open_sessions),
    tariff: r.free_minutes === null ? DEFAULT_TARIFF : { freeMinutes: r.free_minutes, hourlyFen: r.hourly_fen!, dailyCapFen: r.daily_cap_fen! },
    updatedAt: r.updated_at,
  };
}

/** Every compound the actor reads parking at (readParking), with its car park now: those with spaces or a car park first, by name. */
export async function liveCarParks(ctx: Ctx, q: LiveQuery): Promise<{ items: CarParkLive[] }> {
  if (!holdsAnywhere(ctx.actor, 'readParking')) throw CommonErrors.FORBIDDEN();
  const rows = await compounds(ctx)
    .where(placeFilter(ctx.actor, 'readParking', 'p.id', 'p.path'))
    .$if(!!q.q, (s) => s.where('p.name', 'ilike', containing(q.q!)))
    .orderBy(sql`(c.place_id is null and not exists (select 1 from dev_spaces s where s.street_id = p.street_id and s.place_id = p.id))`)
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(200)
    .execute();
  return { items: rows.map(live) };
}

/** One compound's car park now, and its spaces with a sensor (the live grid). */
export async function liveCarPark(ctx: Ctx, placeId: string): Promise<CarParkLive & { spaces: LiveSpace[] }> {
  const place = await compoundFor(read(ctx), ctx, placeId, 'readParking');
  const row = await compounds(ctx).where('p.street_id', '=', place.street_id).where('p.id', '=', place.id).executeTakeFirstOrThrow();
  const spaces = await read(ctx)
    .selectFrom('dev_spaces')
    .select(['id', 'no', 'kind', 'occupied', 'occupied_since as occupiedSince'])
    .where('street_id', '=', place.street_id)
    .where('place_id', '=', place.id)
    .where('sensor_device_id', 'is not', null)
    .orderBy('no')
    .limit(2000)
    .execute();
  return { ...live(row), spaces };
}
