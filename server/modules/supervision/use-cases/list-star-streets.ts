import { sql } from 'kysely';
import { scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { allows, holdsAnywhere, placeFilter, SupervisionPolicy } from '../supervision.policy.ts';
import { currentStars } from './list-compound-stars.ts';

/**
 * The streets where the actor reads stars (a grant at, above or inside them), with whether they manage them there:
 * the workbench's pages pick the street of the settings and of the public star list from these.
 */
export async function listStarStreets(ctx: Ctx) {
  const prefixes = scopePrefixes(ctx.actor, SupervisionPolicy.starsRead);
  if (prefixes !== null && prefixes.length === 0) return { items: [] };
  const grants = prefixes === null ? sql`true` : sql.join(prefixes.map((p) => sql`(s.path like ${`${p}%`} or ${p} like s.path || '%')`), sql` or `);
  const { rows } = await sql<{ id: string; name: string; path: string }>`
    select s.id, s.name, s.path from street_places s where s.kind = 'street' and (${grants}) order by s.name, s.id`.execute(read(ctx));
  return { items: rows.map((s) => ({ id: s.id, name: s.name, canManage: allows(ctx.actor, 'starsManage', s.path) })) };
}

/** The compounds the actor may apply for (starsApply), with the star in force at each: the picker of 申报. */
export async function listApplicableCompounds(ctx: Ctx) {
  if (!holdsAnywhere(ctx.actor, 'starsApply')) return { items: [] };
  const db = read(ctx);
  const rows = await db
    .selectFrom('street_places as c')
    .leftJoin(currentStars(db).as('s'), (j) => j.onRef('s.street_id', '=', 'c.street_id').onRef('s.compound_id', '=', 'c.id'))
    .select(['c.id', 'c.name', 's.stars'])
    .where('c.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'starsApply', 'c.id', 'c.path'))
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(500)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, stars: r.stars ?? 0 })) };
}
