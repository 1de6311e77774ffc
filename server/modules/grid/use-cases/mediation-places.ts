import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere, placeFilter } from '../grid.policy.ts';

export interface MediationPlace {
  id: string;
  name: string;
  kind: 'compound' | 'community';
  communityName: string;
  committeeId: string;
  /** The committee's current mediators, to assign at opening. */
  mediators: { id: string; name: string; title: string }[];
}

/** The compounds and communities where the actor may open a case (mediationOpen) and whose community has a committee, with its current mediators. */
export async function mediationPlaces(ctx: Ctx): Promise<{ items: MediationPlace[] }> {
  if (!holdsAnywhere(ctx.actor, 'mediationOpen')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const rows = await db
    .selectFrom('street_places as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').on('c.kind', '=', 'community').on(sql<boolean>`p.path like c.path || '%'`))
    .innerJoin('grid_mediation_committees as m', (j) => j.onRef('m.street_id', '=', 'c.street_id').onRef('m.place_id', '=', 'c.id'))
    .select(['p.id', 'p.name', 'p.kind', 'c.name as communityName', 'm.id as committeeId'])
    .where('p.kind', 'in', ['compound', 'community'])
    .where(placeFilter(ctx.actor, 'mediationOpen', 'p.id', 'p.path'))
    .orderBy('p.path')
    .limit(500)
    .execute();
  const ids = [...new Set(rows.map((r) => r.committeeId))];
  const today = new Date(ctx.kernel.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const mediators = ids.length
    ? await db
        .selectFrom('grid_mediators')
        .select(['id', 'committee_id', 'name', 'title'])
        .where('committee_id', 'in', ids)
        .where('from_on', '<=', today)
        .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', today)]))
        .orderBy('title')
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as 'compound' | 'community',
      mediators: mediators.filter((m) => m.committee_id === r.committeeId).map(({ committee_id: _, ...m }) => m),
    })),
  };
}
