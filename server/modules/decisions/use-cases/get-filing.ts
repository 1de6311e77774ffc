import type { Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { filingAllows, filingFor, submitsFiling } from './filing-access.ts';
import { eventsOf, filingsOf } from './list-filings.ts';

/** One filing as the office reviewing it sees it: the package as submitted, its hash, the history, and what the actor may do. */
export async function getFiling(ctx: Ctx, filingId: string) {
  const db = read(ctx);
  const f = await filingFor(db, ctx.actor, filingId, 'read');
  const row = await filingsOf(db, chinaDay(ctx.kernel.clock.now())).where('f.street_id', '=', f.street_id).where('f.id', '=', f.id).executeTakeFirstOrThrow();
  const receives = filingAllows(ctx.actor, f.office, f.place_path);
  return {
    ...row,
    package: f.package,
    events: await eventsOf(db, [f.id]),
    can: {
      submit: submitsFiling(ctx.actor, f) && (f.status === 'pending' || f.status === 'returned'),
      acknowledge: receives && f.status === 'submitted',
      return: receives && f.status === 'submitted',
    },
  };
}

/** The package as submitted, to download and keep: exactly what its hash was computed over. */
export async function filingPackage(ctx: Ctx, filingId: string) {
  const f = await filingFor(read(ctx), ctx.actor, filingId, 'read');
  if (!f.package) throw DecisionsErrors.FILE_NOT_FOUND();
  return { title: f.title, version: f.version, package: f.package };
}

/** The minutes file of the last submission. */
export async function filingMinutes(ctx: Ctx, filingId: string) {
  const f = await filingFor(read(ctx), ctx.actor, filingId, 'read');
  const content = f.minutes_key ? await ctx.kernel.files.get(f.minutes_key) : null;
  if (!content) throw DecisionsErrors.FILE_NOT_FOUND();
  return { name: f.minutes_name!, mime: f.minutes_mime!, content };
}
