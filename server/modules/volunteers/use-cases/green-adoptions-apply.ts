import { isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { type Tx, write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { addYears, latestToDay } from '../volunteers.green.constants.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import type { ApplyBody } from '../volunteers.green.schemas.ts';
import { type PlotRow, overlapping, plotRows } from './green-access.ts';
import { refuseBannedWords } from './banned-words-check.ts';
import { compoundsOfResident } from './resident-compounds.ts';

/** A plot of a compound the acting resident lives in, for their write; any other plot is not found. */
export async function residentPlot(tx: Tx, ctx: Ctx, plotId: string, today: string): Promise<PlotRow> {
  if (!ctx.actor.personId) throw VolunteersErrors.NOT_A_RESIDENT();
  const compounds = await compoundsOfResident(tx, ctx);
  if (!compounds.length) throw VolunteersErrors.NOT_A_RESIDENT();
  const row = (await plotRows(tx, today).where('p.id', '=', plotId).where('p.place_id', 'in', compounds.map((c) => c.compoundId)).executeTakeFirst()) as PlotRow | undefined;
  if (!row) throw GreenErrors.PLOT_NOT_FOUND();
  return row;
}

/** The period rule: it ends on or after it starts, not before today, and runs at most two years (to < from + 2 years). */
export function checkPeriod(fromDay: string, toDay: string, today: string): void {
  // An adoption starts at most a year back and two years ahead: nothing from another century (or year 0, which the database has not).
  if (toDay < fromDay || toDay < today || fromDay < addYears(today, -1) || fromDay > addYears(today, 2)) throw GreenErrors.PERIOD_INVALID();
  const latest = latestToDay(fromDay);
  if (toDay > latest) throw GreenErrors.PERIOD_TOO_LONG({ latest });
}

/**
 * A resident of the plot's compound applies to adopt it for a period, for themselves or their household (one of
 * their rooms in the compound, optional). Refused when the plot is closed, the period is wrong, an active adoption
 * already covers part of it, or the resident already waits on an application for the plot. Audited.
 */
export async function applyForPlot(ctx: Ctx, plotId: string, body: ApplyBody): Promise<{ id: string }> {
  const today = chinaDay(ctx.kernel.clock.now());
  checkPeriod(body.fromDay, body.toDay, today);
  return write(ctx, async (tx) => {
    const plot = await residentPlot(tx, ctx, plotId, today);
    if (plot.closedAt) throw GreenErrors.PLOT_CLOSED();
    let room: { roomId: string; roomLabel: string } | undefined;
    if (body.roomId) {
      room = (await roomsOfActor(tx, ctx)).find((r) => r.roomId === body.roomId && r.compoundId === plot.compoundId);
      if (!room) throw GreenErrors.ROOM_NOT_YOURS();
    }
    await refuseBannedWords(tx, plot.streetId, [body.note]);
    const taken = await overlapping(tx, plot.streetId, plot.id, body.fromDay, body.toDay);
    if (taken) throw GreenErrors.PERIOD_TAKEN(taken);
    const waiting = await tx
      .selectFrom('vol_green_adoptions')
      .select('id')
      .where('street_id', '=', plot.streetId)
      .where('plot_id', '=', plot.id)
      .where('person_id', '=', ctx.actor.personId!)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (waiting) throw GreenErrors.ALREADY_APPLIED();
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('vol_green_adoptions')
      .values({
        street_id: plot.streetId,
        id,
        plot_id: plot.id,
        place_id: plot.compoundId,
        person_id: ctx.actor.personId!,
        person_name: ctx.actor.name,
        account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        room_id: room?.roomId ?? null,
        room_label: room?.roomLabel ?? null,
        from_day: body.fromDay,
        to_day: body.toDay,
        note: body.note,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, ctx, { action: 'volunteers.green.adoption_applied', placeId: plot.compoundId, subjectType: 'vol_green_adoption', subjectId: id, detail: { plotId: plot.id, from: body.fromDay, to: body.toDay, household: !!room } });
    return { id };
  });
}

/** The applicant withdraws their own application while it waits. Audited. */
export async function withdrawApplication(ctx: Ctx, id: string): Promise<{ id: string; status: 'withdrawn' }> {
  return write(ctx, async (tx) => {
    const a = ctx.actor.personId
      ? await tx.selectFrom('vol_green_adoptions').select(['street_id', 'id', 'place_id', 'plot_id', 'status']).where('id', '=', id).where('person_id', '=', ctx.actor.personId).forUpdate().executeTakeFirst()
      : undefined;
    if (!a) throw GreenErrors.ADOPTION_NOT_FOUND();
    if (a.status !== 'pending') throw GreenErrors.ADOPTION_NOT_PENDING();
    await tx.updateTable('vol_green_adoptions').set({ status: 'withdrawn', updated_at: ctx.kernel.clock.now() }).where('street_id', '=', a.street_id).where('id', '=', a.id).execute();
    await audit(tx, ctx, { action: 'volunteers.green.adoption_withdrawn', placeId: a.place_id, subjectType: 'vol_green_adoption', subjectId: a.id, detail: { plotId: a.plot_id } });
    return { id: a.id, status: 'withdrawn' as const };
  });
}
