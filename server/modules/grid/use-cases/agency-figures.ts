import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { periodEnd, periodOf, periodStart } from '../../../kernel/figures/figures.ts';
import type { FiguresQuery } from '../grid.agency.schemas.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { visiblePoints } from './agency-access.ts';

export interface ServiceFigureRow {
  pointId: string;
  pointName: string;
  serviceName: string;
  /** Opened in the month. */
  accepted: number;
  /** Completed in the month. */
  completed: number;
  /** Of those completed in the month, on time. */
  onTime: number;
  /** onTime ÷ completed, null without completions. */
  onTimeShare: number | null;
}

/**
 * Cases by service per point for a month (Asia/Shanghai; default the current one): accepted, completed, completed on
 * time and the on-time share, over the points the actor may read (one of them when asked).
 */
export async function agencyFiguresByService(ctx: Ctx, q: FiguresQuery): Promise<{ month: string; rows: ServiceFigureRow[]; total: Omit<ServiceFigureRow, 'pointId' | 'pointName' | 'serviceName'> }> {
  if (!holdsAnywhere(ctx.actor, 'agencyRead')) throw CommonErrors.FORBIDDEN();
  const month = q.month ?? periodOf(ctx.kernel.clock.now());
  const from = periodStart(month);
  const to = periodEnd(month);
  const db = read(ctx);
  const points = (await visiblePoints(db, ctx)).filter((p) => !q.pointId || p.id === q.pointId);
  const empty = { accepted: 0, completed: 0, onTime: 0, onTimeShare: null };
  if (!points.length) return { month, rows: [], total: empty };
  const rows = await db
    .selectFrom('grid_agency_cases as k')
    .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'k.street_id').onRef('pt.id', '=', 'k.point_id'))
    .select([
      'k.point_id as pointId',
      'pt.name as pointName',
      'k.service_name as serviceName',
      sql<number>`count(*) filter (where k.accepted_at >= ${from} and k.accepted_at < ${to})::int`.as('accepted'),
      sql<number>`count(*) filter (where k.status = 'completed' and k.completed_at >= ${from} and k.completed_at < ${to})::int`.as('completed'),
      sql<number>`count(*) filter (where k.status = 'completed' and k.on_time and k.completed_at >= ${from} and k.completed_at < ${to})::int`.as('onTime'),
    ])
    .where(
      'k.point_id',
      'in',
      points.map((p) => p.id),
    )
    .where((eb) => eb.or([eb.and([eb('k.accepted_at', '>=', from), eb('k.accepted_at', '<', to)]), eb.and([eb('k.completed_at', '>=', from), eb('k.completed_at', '<', to)])]))
    .groupBy(['k.point_id', 'pt.name', 'k.service_name'])
    .orderBy('pt.name')
    .orderBy('k.service_name')
    .execute();
  const share = (on: number, done: number) => (done ? on / done : null);
  const out = rows.map((r) => ({ ...r, accepted: Number(r.accepted), completed: Number(r.completed), onTime: Number(r.onTime), onTimeShare: share(Number(r.onTime), Number(r.completed)) }));
  const sum = (k: 'accepted' | 'completed' | 'onTime') => out.reduce((a, r) => a + r[k], 0);
  return { month, rows: out, total: { accepted: sum('accepted'), completed: sum('completed'), onTime: sum('onTime'), onTimeShare: share(sum('onTime'), sum('completed')) } };
}
