import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { Colour, ColourBand } from '../supervision.assessment.constants.ts';
import { rollUp } from '../supervision.assessment.scoring.ts';
import { read } from '../supervision.db.ts';
import { placeFilter } from '../supervision.policy.ts';

export interface CompanyRollUp {
  streetId: string;
  period: string;
  companyId: string;
  companyName: string;
  scoreCenti: number | null;
  colour: Colour | null;
  rooms: number;
  compounds: number;
}

/**
 * The company roll-ups of the periods asked, for the companies the actor sees a compound of (officials: those
 * serving their places; a company: itself). A company's score is over ALL its assessed compounds of the street —
 * Σ score × rooms / Σ rooms (scoring.ts `rollUp`) — with the bands the period was computed with.
 */
export async function companyRollUps(ctx: Ctx, periods: string[], under: string | undefined): Promise<CompanyRollUp[]> {
  const db = read(ctx);
  const visible = await db
    .selectFrom('sup_assessments as a')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .select(['a.street_id', 'a.company_id'])
    .distinct()
    .where('a.period', 'in', periods)
    .where(placeFilter(ctx.actor, 'assessmentRead', 'a.compound_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .execute();
  if (!visible.length) return [];
  const pairs = sql.join(visible.map((v) => sql`(${v.street_id}::uuid, ${v.company_id}::uuid)`));
  const rows = await db
    .selectFrom('sup_assessments as a')
    .innerJoin('sup_assessment_periods as ap', (j) => j.onRef('ap.street_id', '=', 'a.street_id').onRef('ap.period', '=', 'a.period'))
    .select(['a.street_id', 'a.period', 'a.company_id', 'a.company_name', 'a.score_centi', 'a.rooms', 'ap.settings'])
    .where('a.period', 'in', periods)
    .where(sql<boolean>`(a.street_id, a.company_id) in (${pairs})`)
    .orderBy('a.company_name')
    .orderBy('a.company_id')
    .execute();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.street_id}|${r.period}|${r.company_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    const bands = (first.settings as { bands: ColourBand[] }).bands;
    const r = rollUp(
      g.map((x) => ({ scoreCenti: x.score_centi, rooms: x.rooms })),
      bands,
    );
    return { streetId: first.street_id, period: first.period, companyId: first.company_id, companyName: first.company_name, ...r };
  });
}
