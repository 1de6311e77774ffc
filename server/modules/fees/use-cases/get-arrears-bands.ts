import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { AGEING_BANDS, type AgeingBand } from '../fees.constants.ts';
import { overdueBills } from '../fees.arrears.repository.ts';
import { read } from '../fees.db.ts';
import { arrearsScope } from './arrears-scope.ts';

export interface BandTotals {
  placeId: string;
  name: string;
  /** Per band: what is owed (fen) and the number of bills. */
  bands: Record<AgeingBand, { owedFen: number; bills: number }>;
  owedFen: number;
  rooms: number;
}

const empty = (): BandTotals['bands'] => Object.fromEntries(AGEING_BANDS.map((b) => [b, { owedFen: 0, bills: 0 }])) as BandTotals['bands'];

/**
 * Arrears under a place, aged by band: each overdue bill counts in its own band (so a room with an old and a
 * new bill adds to two bands), totals per compound and per building, and the grand total. Rooms count once.
 */
export async function getArrearsBands(ctx: Ctx, q: { placeId?: string | undefined }) {
  const { place, streetId, day } = await arrearsScope(ctx, q.placeId);
  const db = read(ctx);
  const ancestorOf = (kind: 'compound' | 'building') =>
    sql<string | null>`(select a.id from street_places a where a.street_id = o."streetId" and a.id = any(string_to_array(trim(both '/' from o."roomPath"), '/')::uuid[]) and a.kind = ${kind})`;
  const rows = await db
    .selectFrom(overdueBills(db, streetId, place.path, day).select(sql<string>`b.street_id`.as('streetId')).as('o'))
    .select([ancestorOf('compound').as('compoundId'), ancestorOf('building').as('buildingId'), 'o.band', sql<number>`sum(o."owedFen")::bigint`.as('owedFen'), sql<number>`count(*)::int`.as('bills'), sql<string[]>`array_agg(distinct o."roomId")`.as('rooms')])
    .groupBy([sql`1`, sql`2`, sql`3`])
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.compoundId, r.buildingId]).filter((x): x is string => !!x))];
  const names = new Map(ids.length ? (await db.selectFrom('street_places').select(['id', 'name']).where('street_id', '=', streetId).where('id', 'in', ids).execute()).map((p) => [p.id, p.name]) : []);
  const compounds = new Map<string, BandTotals & { roomSet: Set<string> }>();
  const buildings = new Map<string, BandTotals & { compoundId: string; roomSet: Set<string> }>();
  const total = { bands: empty(), owedFen: 0, roomSet: new Set<string>() };
  const add = (t: { bands: BandTotals['bands']; owedFen: number; roomSet: Set<string> }, r: (typeof rows)[number]) => {
    t.bands[r.band].owedFen += Number(r.owedFen);
    t.bands[r.band].bills += r.bills;
    t.owedFen += Number(r.owedFen);
    for (const room of r.rooms) t.roomSet.add(room);
  };
  for (const r of rows) {
    if (r.compoundId) {
      if (!compounds.has(r.compoundId)) compounds.set(r.compoundId, { placeId: r.compoundId, name: names.get(r.compoundId) ?? '', bands: empty(), owedFen: 0, rooms: 0, roomSet: new Set() });
      add(compounds.get(r.compoundId)!, r);
    }
    if (r.buildingId) {
      if (!buildings.has(r.buildingId)) buildings.set(r.buildingId, { placeId: r.buildingId, compoundId: r.compoundId ?? '', name: names.get(r.buildingId) ?? '', bands: empty(), owedFen: 0, rooms: 0, roomSet: new Set() });
      add(buildings.get(r.buildingId)!, r);
    }
    add(total, r);
  }
  const out = <T extends { roomSet: Set<string> }>({ roomSet, ...t }: T) => ({ ...t, rooms: roomSet.size });
  return {
    day,
    placeId: place.id,
    placeName: place.name,
    total: out(total),
    compounds: [...compounds.values()].map(out).sort((a, b) => b.owedFen - a.owedFen),
    buildings: [...buildings.values()].map(out).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
