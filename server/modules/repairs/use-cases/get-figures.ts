import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import { OPEN_STATUSES } from '../repairs.constants.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { placeFilter } from '../repairs.policy.ts';
import type { FiguresQuery } from '../repairs.schemas.ts';
import { read } from '../repairs.db.ts';

/** Sums and counts, so that company rows add up from compound rows exactly; averages are derived last. */
interface Sums {
  total: number;
  open: number;
  responded: number;
  responseMinutes: number;
  completed: number;
  completionMinutes: number;
  overdue: number;
  rated: number;
  ratingSum: number;
  satisfied: number;
}

const derive = (s: Sums) => ({
  ...s,
  avgResponseMinutes: s.responded ? Math.round(s.responseMinutes / s.responded) : null,
  avgCompletionMinutes: s.completed ? Math.round(s.completionMinutes / s.completed) : null,
  /** Overdue share and satisfaction as basis points (1/10000), integers like every ratio here. */
  overdueBp: s.total ? Math.round((s.overdue * 10000) / s.total) : null,
  avgRatingCenti: s.rated ? Math.round((s.ratingSum * 100) / s.rated) : null,
  satisfiedBp: s.rated ? Math.round((s.satisfied * 10000) / s.rated) : null,
});

const add = (a: Sums, b: Sums): Sums => {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Sums)[]) out[k] += b[k];
  return out;
};
const zero = (): Sums => ({ total: 0, open: 0, responded: 0, responseMinutes: 0, completed: 0, completionMinutes: 0, overdue: 0, rated: 0, ratingSum: 0, satisfied: 0 });

/**
 * Figures per property company and per compound over the orders reported in a period: response
 * and completion times, the overdue share and satisfaction. Withdrawn orders do not count.
 */
export async function getFigures(ctx: Ctx, q: FiguresQuery) {
  const db = read(ctx);
  const under = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId && !under) throw RepairErrors.PLACE_NOT_FOUND();
  const minutes = (from: string, to: string) => sql<number>`coalesce(round(sum(extract(epoch from (${sql.ref(to)} - ${sql.ref(from)}))) / 60), 0)::bigint`;
  const rows = await db
    .selectFrom('rep_orders as o')
    .innerJoin('street_places as p', 'p.id', 'o.place_id')
    .innerJoin('street_places as compound', 'compound.id', 'o.compound_id')
    .select([
      'o.company_id as companyId',
      'o.compound_id as compoundId',
      'compound.name as compoundName',
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where o.status in (${sql.join([...OPEN_STATUSES])}))`.as('open'),
      sql<number>`count(o.accepted_at)`.as('responded'),
      minutes('o.reported_at', 'o.accepted_at').as('responseMinutes'),
      sql<number>`count(o.finished_at)`.as('completed'),
      minutes('o.reported_at', 'o.finished_at').as('completionMinutes'),
      sql<number>`count(*) filter (where o.overdue)`.as('overdue'),
      sql<number>`count(o.rating)`.as('rated'),
      sql<number>`coalesce(sum(o.rating), 0)`.as('ratingSum'),
      sql<number>`count(*) filter (where o.rating >= 4)`.as('satisfied'),
    ])
    .where('o.status', '<>', 'cancelled')
    .where(placeFilter(ctx.actor, 'readFigures', 'o.place_id'))
    .$if(!!under, (qb) => qb.where('p.path', 'like', `${under!.path}%`))
    .$if(!!q.from, (qb) => qb.where('o.reported_at', '>=', new Date(q.from!)))
    .$if(!!q.to, (qb) => qb.where('o.reported_at', '<', new Date(q.to!)))
    .groupBy(['o.company_id', 'o.compound_id', 'compound.name'])
    .orderBy('compound.name')
    .execute();

  const sumsOf = (r: (typeof rows)[number]): Sums => ({
    total: Number(r.total),
    open: Number(r.open),
    responded: Number(r.responded),
    responseMinutes: Number(r.responseMinutes),
    completed: Number(r.completed),
    completionMinutes: Number(r.completionMinutes),
    overdue: Number(r.overdue),
    rated: Number(r.rated),
    ratingSum: Number(r.ratingSum),
    satisfied: Number(r.satisfied),
  });
  const names = await organisationNames(db, rows.map((r) => r.companyId));
  const companies = new Map<string, Sums>();
  let all = zero();
  const compounds = rows.map((r) => {
    const s = sumsOf(r);
    companies.set(r.companyId, add(companies.get(r.companyId) ?? zero(), s));
    all = add(all, s);
    return { compoundId: r.compoundId, compoundName: r.compoundName, companyId: r.companyId, companyName: names.get(r.companyId) ?? null, ...derive(s) };
  });
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    total: derive(all),
    byCompany: [...companies.entries()]
      .map(([companyId, s]) => ({ companyId, companyName: names.get(companyId) ?? null, compounds: compounds.filter((c) => c.companyId === companyId).length, ...derive(s) }))
      .sort((a, b) => (a.companyName ?? '').localeCompare(b.companyName ?? '', 'zh-CN')),
    byCompound: compounds,
  };
}
export type Figures = Awaited<ReturnType<typeof getFigures>>;
