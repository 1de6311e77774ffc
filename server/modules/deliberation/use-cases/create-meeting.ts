import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { pooledRandomBytes } from '../../../kernel/random.ts';
import { read, type Tx, write } from '../deliberation.db.ts';
import type { ConvenerKind, MeetingKind } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { sendMeetingNotice } from '../meetings.notifications.ts';
import type { CreateMeetingBody } from '../meetings.schemas.ts';
import { addAgendaItem } from './change-meeting-agenda.ts';
import { meetingPlaceFor } from './meeting-access.ts';
import { inviteesOf } from './meeting-invitees.ts';

/** A fresh sign-in secret for a meeting's QR code: 128 random bits, URL-safe. */
export const newSignInToken = () => pooledRandomBytes(16).toString('base64url');

export interface NewMeeting {
  place: { id: string; path: string; street_id: string };
  title: string;
  kind: MeetingKind;
  convenerKind: ConvenerKind;
  convenerOrgId: string;
  startsAt: Date;
  location: string;
  bodies: readonly string[];
  itemIds?: readonly string[];
  schedule?: { id: string; occurrence: string };
}

/**
 * Writes a meeting in the caller's transaction: its invited bodies, one attendee per current position holder
 * (a person with two posts once, with both), its agenda, the notice to the attendees (inbox and SMS), and the audit
 * entry. A schedule's occurrence is written at most once (the unique key): a second attempt answers null, writing
 * nothing.
 */
export async function insertMeeting(tx: Tx, ctx: Ctx, input: NewMeeting): Promise<{ id: string; attendees: number; notified: number } | null> {
  const now = ctx.kernel.clock.now();
  const { bodies, invitees, convenerName } = await inviteesOf(tx, input.place, input.bodies, { kind: input.convenerKind, orgId: input.convenerOrgId }, input.startsAt);
  const id = newId();
  const streetId = input.place.street_id;
  const inserted = await tx
    .insertInto('dlb_meetings')
    .values({
      street_id: streetId,
      id,
      place_id: input.place.id,
      title: input.title,
      kind: input.kind,
      convener_kind: input.convenerKind,
      convener_org_id: input.convenerOrgId,
      convener_name: convenerName!,
      starts_at: input.startsAt,
      location: input.location,
      sign_in_token: newSignInToken(),
      schedule_id: input.schedule?.id ?? null,
      occurrence: input.schedule?.occurrence ?? null,
      created_by: creator(ctx.actor),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['street_id', 'schedule_id', 'occurrence']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await tx.insertInto('dlb_meeting_bodies').values(bodies.map((b) => ({ street_id: streetId, meeting_id: id, body_key: b.key, name: b.name, kind: b.kind }))).execute();
  if (invitees.length > 0) {
    await tx
      .insertInto('dlb_meeting_attendees')
      .values(invitees.map((p) => ({ street_id: streetId, id: newId(), meeting_id: id, person_id: p.personId, name: p.name, positions: JSON.stringify(p.positions) })))
      .execute();
  }
  const meeting = { id, place_id: input.place.id, street_id: streetId, place_path: input.place.path, title: input.title, kind: input.kind, convener_name: convenerName!, starts_at: input.startsAt, location: input.location };
  for (const itemId of input.itemIds ?? []) await addAgendaItem(tx, meeting, itemId);
  const notified = await sendMeetingNotice(tx, ctx, meeting, false);
  await audit(tx, ctx, {
    action: 'deliberation.meeting.created',
    placeId: input.place.id,
    subjectType: 'deliberation_meeting',
    subjectId: id,
    after: { title: input.title, kind: input.kind, startsAt: input.startsAt.toISOString(), location: input.location, convener: convenerName },
    detail: { bodies: bodies.length, attendees: invitees.length, agenda: input.itemIds?.length ?? 0, schedule: input.schedule?.id ?? null },
  });
  return { id, attendees: invitees.length, notified };
}

const creator = (actor: Actor) => (isSystem(actor) ? null : actor.accountId);

/** Convenes a meeting (POST /api/deliberation/meetings): a place the actor manages, a time not in the past. */
export async function createMeeting(ctx: Ctx, input: CreateMeetingBody) {
  const place = await meetingPlaceFor(read(ctx), ctx.actor, input.placeId);
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() < ctx.kernel.clock.now().getTime()) throw MeetingsErrors.STARTS_IN_PAST();
  return write(ctx, async (tx) => {
    const made = await insertMeeting(tx, ctx, {
      place,
      title: input.title,
      kind: input.kind,
      convenerKind: input.convenerKind,
      convenerOrgId: input.convenerOrgId,
      startsAt,
      location: input.location,
      bodies: input.bodies,
      itemIds: [...new Set(input.itemIds ?? [])],
    });
    return made!;
  });
}
