import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import { type EventRow, eventRows } from './events-access.ts';
import { type EventView, eventView } from './events-get.ts';

/**
 * 随手拍 on the H5: the events the signed-in resident reported (newest first, at most 100), each with its status and
 * timeline, and the compounds where they may report one (their homes' compounds, with the buildings).
 */
export async function myEvents(ctx: Ctx): Promise<{ events: EventView[]; compounds: { id: string; name: string; buildings: { id: string; name: string }[] }[] }> {
  if (!ctx.actor.personId) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const rows = (await eventRows(db).where('e.reporter_person_id', '=', ctx.actor.personId).orderBy('e.created_at', 'desc').orderBy('e.id').limit(100).execute()) as EventRow[];
  const events: EventView[] = [];
  for (const r of rows) {
    const v = await eventView(db, ctx, r);
    // A resident sees who handled it only as the body; the timeline's staff names stay with the staff.
    events.push({ ...v, liaisonName: null, bodies: [], actions: v.actions.filter((a) => a === 'rate'), timeline: v.timeline.map((s) => ({ ...s, actorName: s.kind === 'reported' || s.kind === 'rated' ? s.actorName : '' })) });
  }
  const rooms = await roomsOfActor(db, ctx);
  const compounds = new Map<string, { id: string; name: string; path: string; streetId: string }>();
  for (const r of rooms) compounds.set(r.compoundId, { id: r.compoundId, name: r.compoundName, path: r.compoundPath, streetId: r.streetId });
  const out = [];
  for (const c of compounds.values()) {
    const buildings = await db.selectFrom('street_places').select(['id', 'name']).where('street_id', '=', c.streetId).where('kind', '=', 'building').where('path', 'like', `${c.path}%`).orderBy('name').execute();
    out.push({ id: c.id, name: c.name, buildings });
  }
  return { events, compounds: out };
}

/** One event the signed-in resident reported. */
export async function myEvent(ctx: Ctx, id: string): Promise<EventView> {
  if (!ctx.actor.personId) throw EventsErrors.EVENT_NOT_FOUND();
  const db = read(ctx);
  const row = (await eventRows(db).where('e.id', '=', id).where('e.reporter_person_id', '=', ctx.actor.personId).executeTakeFirst()) as EventRow | undefined;
  if (!row) throw EventsErrors.EVENT_NOT_FOUND();
  const v = await eventView(db, ctx, row);
  return { ...v, liaisonName: null, bodies: [], actions: v.actions.filter((a) => a === 'rate'), timeline: v.timeline.map((s) => ({ ...s, actorName: s.kind === 'reported' || s.kind === 'rated' ? s.actorName : '' })) };
}
