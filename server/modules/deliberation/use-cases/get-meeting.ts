import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { allows } from '../meetings.policy.ts';
import { agendaOf, attendeesOf, bodiesOf, positionsOf } from '../meetings.repository.ts';
import { meetingFor } from './meeting-access.ts';

/**
 * A meeting for the workbench's meeting page: header, invited bodies, attendees with their positions and sign-in,
 * the agenda with each body's position and the outcome, the minutes (internal ones too: staff only), attachments.
 * The sign-in URL's token is answered only to those who manage the meeting (it is what the QR code shows).
 */
export async function getMeeting(ctx: Ctx, id: string) {
  const db = read(ctx);
  const m = await meetingFor(db, ctx.actor, id, 'read');
  const [bodies, attendees, agenda, positions] = await Promise.all([bodiesOf(db, m), attendeesOf(db, m), agendaOf(db, m), positionsOf(db, m)]);
  const manage = allows(ctx.actor, 'manage', m.place_path);
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    status: m.status,
    placeId: m.place_id,
    placeName: m.place_name,
    placeLabel: m.place_label,
    convenerKind: m.convener_kind,
    convenerOrgId: m.convener_org_id,
    convenerName: m.convener_name,
    startsAt: m.starts_at,
    location: m.location,
    minutes: m.minutes,
    minutesPublic: m.minutes_public,
    attachments: m.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
    scheduleId: m.schedule_id,
    closedAt: m.closed_at,
    cancelledAt: m.cancelled_at,
    cancelReason: m.cancel_reason,
    signInToken: manage ? m.sign_in_token : null,
    bodies,
    attendees,
    agenda: agenda.map((g) => ({ ...g, positions: positions.filter((p) => p.itemId === g.itemId).map(({ itemId: _, ...p }) => p) })),
    can: { manage },
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;
