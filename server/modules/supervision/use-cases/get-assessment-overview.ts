import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { COLOURS, type ColourBand } from '../supervision.assessment.constants.ts';
import { livePeriod, settingsOf } from '../supervision.assessment.repository.ts';
import type { ScopePeriodQuery } from '../supervision.assessment.schemas.ts';
import { bandsTopDown } from '../supervision.assessment.scoring.ts';
import { read } from '../supervision.db.ts';
import { allows, holdsAnywhere, placeFilter } from '../supervision.policy.ts';
import { quarter } from './assessment-period.ts';
import { scopePath, streetsInScope } from './assessment-scope.ts';
import { companyRollUps } from './company-rollups.ts';

/**
 * The 四色考评 page's head for a period: per street in scope, the period's state (not computed, draft, pending with
 * its approval, published) and the bands it was computed with; the colour distribution of the compounds the actor
 * sees; and the company roll-ups. What the actor may do there (compute, publish) comes with each street.
 */
export async function getAssessmentOverview(ctx: Ctx, q: ScopePeriodQuery) {
  if (!holdsAnywhere(ctx.actor, 'assessmentRead')) throw CommonErrors.FORBIDDEN();
  quarter(q.period);
  const under = await scopePath(ctx, q.placeId);
  const db = read(ctx);
  const streets = await Promise.all(
    (await streetsInScope(ctx, under)).map(async (s) => {
      const period = await livePeriod(db, s.id, q.period);
      const bands: ColourBand[] = period ? (period.settings as { bands: ColourBand[] }).bands : (await settingsOf(db, s.id)).bands;
      return {
        streetId: s.id,
        streetName: s.name,
        status: period?.status ?? null,
        computedAt: period?.computed_at ?? null,
        publishedAt: period?.published_at ?? null,
        approvalId: period?.status === 'pending' ? period.approval_id : null,
        settingsVersion: period?.settings_version ?? null,
        bands: bandsTopDown(bands),
        can: { compute: allows(ctx.actor, 'assessmentManage', s.path), publish: allows(ctx.actor, 'publish', s.path), settings: allows(ctx.actor, 'assessmentManage', s.path) },
      };
    }),
  );
  const counts = await db
    .selectFrom('sup_assessments as a')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .select([sql<string>`coalesce(a.colour, 'none')`.as('colour'), sql<number>`count(*)::int`.as('n'), sql<number>`count(*) filter (where a.partial)::int`.as('partial')])
    .where('a.period', '=', q.period)
    .where(placeFilter(ctx.actor, 'assessmentRead', 'a.compound_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .groupBy(sql`coalesce(a.colour, 'none')`)
    .execute();
  const distribution = [...COLOURS, 'none' as const].map((colour) => ({ colour, compounds: Number(counts.find((c) => c.colour === colour)?.n ?? 0) }));
  const companies = await companyRollUps(ctx, [q.period], under);
  return { period: q.period, streets, distribution, partial: counts.reduce((n, c) => n + Number(c.partial), 0), companies };
}
