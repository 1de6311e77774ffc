import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { HouseholdStatus } from '../grid.emergency.constants.ts';
import { read } from '../grid.db.ts';
import { readableDeclaration } from './emergency-access.ts';

export type StatusCounts = Record<HouseholdStatus, number>;
export interface BuildingCoverage {
  buildingId: string;
  building: string;
  households: number;
  counts: StatusCounts;
  /** Households not pending. */
  covered: number;
  /** covered ÷ households. */
  share: number;
}
export interface Coverage {
  status: 'active' | 'ended';
  buildings: BuildingCoverage[];
  total: { households: number; counts: StatusCounts; covered: number; share: number };
  at: Date;
}

const zero = (): StatusCounts => ({ pending: 0, visited: 0, nobody_home: 0, refused: 0, needs_help: 0 });

/**
 * The screening's coverage per building in real time (the workbench polls it): households, each status's count, and
 * the covered share (households no longer pending ÷ households); totals over the buildings. One grouped query.
 */
export async function screeningCoverage(ctx: Ctx, id: string): Promise<Coverage> {
  const db = read(ctx);
  const d = await readableDeclaration(db, ctx, id);
  const rows = await db
    .selectFrom('grid_emergency_households as h')
    .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.id', '=', 'h.screening_id'))
    .select(['h.building_id as buildingId', 'h.status', sql<string>`min(h.building)`.as('building'), sql<number>`min(h.seq)`.as('first'), sql<number>`count(*)::int`.as('n')])
    .where('s.street_id', '=', d.streetId)
    .where('s.declaration_id', '=', id)
    .groupBy(['h.building_id', 'h.status'])
    .execute();
  const byBuilding = new Map<string, BuildingCoverage & { first: number }>();
  const total = { households: 0, counts: zero(), covered: 0, share: 0 };
  for (const r of rows) {
    let b = byBuilding.get(r.buildingId);
    if (!b) byBuilding.set(r.buildingId, (b = { buildingId: r.buildingId, building: r.building, households: 0, counts: zero(), covered: 0, share: 0, first: Number(r.first) }));
    const n = Number(r.n);
    b.first = Math.min(b.first, Number(r.first));
    b.households += n;
    b.counts[r.status] += n;
    total.households += n;
    total.counts[r.status] += n;
    if (r.status !== 'pending') {
      b.covered += n;
      total.covered += n;
    }
  }
  const buildings = [...byBuilding.values()]
    .sort((a, b) => a.first - b.first)
    .map(({ first: _first, ...b }) => ({ ...b, share: b.households ? b.covered / b.households : 0 }));
  total.share = total.households ? total.covered / total.households : 0;
  return { status: d.status, buildings, total, at: ctx.kernel.clock.now() };
}
