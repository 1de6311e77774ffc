import { audit, type Ctx } from '../../../kernel/context.ts';
import { type Tx, write } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import type { AgendaBody } from '../meetings.schemas.ts';
import { meetingFor } from './meeting-access.ts';

/** The stage of an item waiting for a joint meeting (the foundation's STAGES). */
export const CONSULTING = 'consulting';

/**
 * Puts an item on a meeting's agenda, last: the item must be in consultation at the meeting's place or below
 * (else 400), not on this agenda already, nor waiting on another open meeting's agenda (else 409).
 */
export async function addAgendaItem(tx: Tx, m: { street_id: string; id: string; place_path: string }, itemId: string) {
  const item = await tx
    .selectFrom('dlb_items as i')
    .innerJoin('places as p', 'p.id', 'i.place_id')
    .select(['i.id', 'i.stage'])
    .where('i.street_id', '=', m.street_id)
    .where('i.id', '=', itemId)
    .where('p.path', 'like', `${m.place_path}%`)
    .forUpdate('i')
    .executeTakeFirst();
  if (!item || item.stage !== CONSULTING) throw MeetingsErrors.ITEM_NOT_CONSULTING();
  const waiting = await tx
    .selectFrom('dlb_meeting_agenda as g')
    .innerJoin('dlb_meetings as om', (j) => j.onRef('om.street_id', '=', 'g.street_id').onRef('om.id', '=', 'g.meeting_id'))
    .select('g.meeting_id')
    .where('g.street_id', '=', m.street_id)
    .where('g.item_id', '=', itemId)
    .where((eb) => eb.or([eb('g.meeting_id', '=', m.id), eb.and([eb('om.status', 'in', [...MEETING_OPEN]), eb('g.outcome_kind', 'is', null)])]))
    .executeTakeFirst();
  if (waiting) throw MeetingsErrors.ITEM_ON_AGENDA();
  const last = await tx
    .selectFrom('dlb_meeting_agenda')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('street_id', '=', m.street_id)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  await tx.insertInto('dlb_meeting_agenda').values({ street_id: m.street_id, meeting_id: m.id, item_id: itemId, seq: (last?.seq ?? 0) + 1, outcome_kind: null, outcome_text: null, outcome_at: null, decision_id: null }).execute();
}

/** Adds, removes or reorders the agenda while the meeting is open; an item with an outcome stays on it. */
export async function changeMeetingAgenda(ctx: Ctx, id: string, body: AgendaBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const agenda = await tx.selectFrom('dlb_meeting_agenda').select(['item_id', 'seq', 'outcome_kind']).where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).orderBy('seq').execute();
    let detail: Record<string, unknown>;
    if ('add' in body) {
      await addAgendaItem(tx, m, body.add);
      detail = { added: body.add };
    } else if ('remove' in body) {
      const row = agenda.find((g) => g.item_id === body.remove);
      if (!row) throw MeetingsErrors.ITEM_NOT_ON_AGENDA();
      if (row.outcome_kind) throw MeetingsErrors.OUTCOME_RECORDED();
      await tx.deleteFrom('dlb_meeting_agenda').where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('item_id', '=', body.remove).execute();
      detail = { removed: body.remove };
    } else {
      const order = body.order;
      if (order.length !== agenda.length || new Set(order).size !== order.length || !order.every((o) => agenda.some((g) => g.item_id === o))) throw MeetingsErrors.AGENDA_ORDER();
      for (const [i, itemId] of order.entries()) {
        await tx.updateTable('dlb_meeting_agenda').set({ seq: i + 1 }).where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('item_id', '=', itemId).execute();
      }
      detail = { order };
    }
    await tx.updateTable('dlb_meetings').set({ updated_at: ctx.kernel.clock.now() }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
    await audit(tx, ctx, { action: 'deliberation.meeting.agenda_changed', placeId: m.place_id, subjectType: 'deliberation_meeting', subjectId: m.id, detail });
    return { ok: true };
  });
}
