import { findPlace, pathLabel, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read, type Executor } from '../repairs.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { offsetOf } from '../../../kernel/pagination.ts';
import { CATEGORIES, DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_LIMITS } from '../repairs.constants.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { allows, placeFilter } from '../repairs.policy.ts';
import { autoCloseDaysFor, limitsFor } from '../repairs.repository.ts';
import type { SettingsBody, SettingsListQuery } from '../repairs.schemas.ts';
import { containing } from '../../../kernel/db/like.ts';

/** The compounds whose repair settings the actor may see, with how many limits each has changed. */
export async function listSettings(ctx: Ctx, q: SettingsListQuery) {
  const db = read(ctx);
  const under = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId && !under) throw RepairErrors.PLACE_NOT_FOUND();
  const base = db
    .selectFrom('places as c')
    .where('c.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'readSettings', 'c.id'))
    .$if(!!under, (qb) => qb.where('c.path', 'like', `${under!.path}%`))
    .$if(!!q.q, (qb) => qb.where('c.name', 'like', containing(q.q!)));
  const [items, total] = await Promise.all([
    base
      .leftJoin('rep_settings as s', 's.place_id', 'c.id')
      .select(['c.id', 'c.name', 'c.path', 's.auto_close_days as autoCloseDays', 's.updated_at as updatedAt'])
      .select(pathLabel('c.path', ['community', 'grid']).as('parentLabel'))
      .select((eb) => eb.selectFrom('rep_time_limits as l').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('l.place_id', '=', 'c.id').as('customLimits'))
      .orderBy('c.name')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map(({ path, ...c }) => ({
      ...c,
      autoCloseDays: c.autoCloseDays ?? DEFAULT_AUTO_CLOSE_DAYS,
      customLimits: Number(c.customLimits ?? 0),
      canEdit: allows(ctx.actor, 'writeSettings', path),
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function loadCompound(db: Executor, ctx: Ctx, id: string) {
  const c = await findPlace(db, id);
  if (!c || c.kind !== 'compound' || !allows(ctx.actor, 'readSettings', c.path)) throw RepairErrors.COMPOUND_NOT_FOUND();
  return c;
}

async function settingsOf(db: Executor, compoundId: string) {
  const [limits, autoClose] = await Promise.all([limitsFor(db, compoundId), autoCloseDaysFor(db, compoundId)]);
  return {
    autoCloseDays: autoClose.days,
    autoCloseCustom: autoClose.custom,
    limits: CATEGORIES.map((category) => ({
      category,
      ...limits[category],
      defaultResponseMinutes: DEFAULT_LIMITS[category].responseMinutes,
      defaultCompletionMinutes: DEFAULT_LIMITS[category].completionMinutes,
    })),
  };
}

/** A compound's time limits per category (its own or the defaults) and its auto-close days. */
export async function getSettings(ctx: Ctx, compoundId: string) {
  const c = await loadCompound(read(ctx), ctx, compoundId);
  return {
    compound: { id: c.id, name: c.name },
    ...(await settingsOf(read(ctx), c.id)),
    defaultAutoCloseDays: DEFAULT_AUTO_CLOSE_DAYS,
    canEdit: allows(ctx.actor, 'writeSettings', c.path),
  };
}

/**
 * Sets a compound's time limits and auto-close days. Limits equal to the defaults are not stored,
 * so that a later change of the defaults reaches them. New orders use the new limits; orders
 * already reported keep the deadlines they were given.
 */
export async function updateSettings(ctx: Ctx, compoundId: string, input: SettingsBody) {
  for (const l of input.limits) if (l.completionMinutes < l.responseMinutes) throw RepairErrors.LIMITS_INVALID({ category: l.category });
  return write(ctx, async (tx) => {
    const c = await loadCompound(tx, ctx, compoundId);
    if (!allows(ctx.actor, 'writeSettings', c.path)) throw CommonErrors.FORBIDDEN();
    const now = ctx.kernel.clock.now();
    const before = await settingsOf(tx, c.id);
    await tx
      .insertInto('rep_settings')
      .values({ street_id: streetOf(c), place_id: c.id, auto_close_days: input.autoCloseDays, updated_at: now, updated_by: ctx.actor.accountId })
      .onConflict((oc) => oc.columns(['street_id', 'place_id']).doUpdateSet({ auto_close_days: input.autoCloseDays, updated_at: now, updated_by: ctx.actor.accountId }))
      .execute();
    await tx.deleteFrom('rep_time_limits').where('place_id', '=', c.id).execute();
    const own = input.limits.filter(
      (l) => l.responseMinutes !== DEFAULT_LIMITS[l.category].responseMinutes || l.completionMinutes !== DEFAULT_LIMITS[l.category].completionMinutes,
    );
    if (own.length) {
      await tx
        .insertInto('rep_time_limits')
        .values(own.map((l) => ({ street_id: streetOf(c), place_id: c.id, category: l.category, response_minutes: l.responseMinutes, completion_minutes: l.completionMinutes, updated_at: now })))
        .execute();
    }
    const after = await settingsOf(tx, c.id);
    await audit(tx, ctx, {
      action: 'repairs.settings.updated',
      placeId: c.id,
      subjectType: 'place',
      subjectId: c.id,
      before,
      after,
      detail: { autoCloseDays: input.autoCloseDays, customLimits: own.map((l) => l.category) },
    });
    return { compound: { id: c.id, name: c.name }, ...after, defaultAutoCloseDays: DEFAULT_AUTO_CLOSE_DAYS, canEdit: true };
  });
}
