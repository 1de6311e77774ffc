import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import type { PlotBody, PlotUpdateBody } from '../volunteers.green.schemas.ts';
import { authorize } from '../volunteers.policy.ts';
import { type PlotListRow, presentPlot } from './green-plots-list.ts';
import { overlapping, plotFor, seesPlace } from './green-access.ts';

const today = (ctx: Ctx) => chinaDay(ctx.kernel.clock.now());

/** Adds a green plot to a compound (greenManage there). Audited. */
export async function createPlot(ctx: Ctx, body: PlotBody): Promise<PlotListRow> {
  const id = await write(ctx, async (tx) => {
    const place = await findPlace(tx, body.compoundId);
    if (!place || !seesPlace(ctx, place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
    if (place.kind !== 'compound') throw GreenErrors.NOT_A_COMPOUND();
    authorize(ctx.actor, 'greenManage', place.path);
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('vol_green_plots')
      .values({
        street_id: streetOf(place),
        id,
        place_id: place.id,
        name: body.name,
        area_centi: body.area,
        location: body.location,
        description: body.description,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, ctx, { action: 'volunteers.green.plot_created', placeId: place.id, subjectType: 'vol_green_plot', subjectId: id, detail: { name: body.name, areaCenti: body.area } });
    return id;
  });
  return presentPlot(ctx, await plotFor(read(ctx), ctx, id, today(ctx), 'greenRead'));
}

/** Edits a plot's name, area, location or description. Audited with what changed. */
export async function updatePlot(ctx: Ctx, id: string, body: PlotUpdateBody): Promise<PlotListRow> {
  await write(ctx, async (tx) => {
    const p = await plotFor(tx, ctx, id, today(ctx), 'greenManage');
    await tx
      .updateTable('vol_green_plots')
      .set({ name: body.name, area_centi: body.area, location: body.location, description: body.description, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', p.streetId)
      .where('id', '=', p.id)
      .execute();
    const before = { name: p.name, area: p.areaCenti, location: p.location, description: p.description };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== body[k]);
    await audit(tx, ctx, { action: 'volunteers.green.plot_updated', placeId: p.compoundId, subjectType: 'vol_green_plot', subjectId: p.id, detail: { changed } });
  });
  return presentPlot(ctx, await plotFor(read(ctx), ctx, id, today(ctx), 'greenRead'));
}

/**
 * Closes a plot with a reason (built over, replanted by the company …): it can no longer be adopted and leaves the
 * adoption rate. Refused while an adoption covers today or a later day — end it first. Audited.
 */
export async function closePlot(ctx: Ctx, id: string, reason: string): Promise<PlotListRow> {
  await write(ctx, async (tx) => {
    const p = await plotFor(tx, ctx, id, today(ctx), 'greenManage');
    await tx.selectFrom('vol_green_plots').select('id').where('street_id', '=', p.streetId).where('id', '=', p.id).forUpdate().execute();
    if (p.closedAt) throw GreenErrors.PLOT_CLOSED();
    if (await overlapping(tx, p.streetId, p.id, today(ctx), '9999-12-31')) throw GreenErrors.PLOT_HAS_ADOPTION();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_green_plots').set({ closed_at: now, closed_reason: reason, updated_at: now }).where('street_id', '=', p.streetId).where('id', '=', p.id).execute();
    // Applications still waiting cannot be granted any more.
    await tx
      .updateTable('vol_green_adoptions')
      .set({ status: 'rejected', reject_reason: `绿地已关闭：${reason}`.slice(0, 200), decided_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, decided_at: now, updated_at: now })
      .where('street_id', '=', p.streetId)
      .where('plot_id', '=', p.id)
      .where('status', '=', 'pending')
      .execute();
    await audit(tx, ctx, { action: 'volunteers.green.plot_closed', placeId: p.compoundId, subjectType: 'vol_green_plot', subjectId: p.id, detail: { reason } });
  });
  return presentPlot(ctx, await plotFor(read(ctx), ctx, id, today(ctx), 'greenRead'));
}
