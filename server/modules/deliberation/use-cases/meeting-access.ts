import { type Actor, findPlace } from '../../../kernel/access/index.ts';
import type { Executor } from '../deliberation.db.ts';
import { MEETING_OPEN } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import { allows, authorize } from '../meetings.policy.ts';
import { type MeetingRow, meetingRow } from '../meetings.repository.ts';

/**
 * The meeting for an official: one outside every place they may read or manage answers 404 (ids cannot be probed),
 * one they see but may not act on answers 403, one no longer open answers 409 when `open` is asked.
 */
export async function meetingFor(db: Executor, actor: Actor, id: string, permission: 'read' | 'manage', opts: { forUpdate?: boolean; open?: boolean } = {}): Promise<MeetingRow> {
  const m = await meetingRow(db, id, opts.forUpdate);
  if (!m || !(allows(actor, 'read', m.place_path) || allows(actor, 'manage', m.place_path))) throw MeetingsErrors.MEETING_NOT_FOUND();
  authorize(actor, permission, m.place_path);
  if (opts.open && !MEETING_OPEN.includes(m.status)) throw MeetingsErrors.MEETING_NOT_OPEN();
  return m;
}

/** A place for a meeting or schedule: seen by the actor (else 404), managed by them (else 403), a community or a compound (else 400). */
export async function meetingPlaceFor(db: Executor, actor: Actor, placeId: string, permission: 'read' | 'manage' = 'manage') {
  const place = await findPlace(db, placeId);
  if (!place || !(allows(actor, 'read', place.path) || allows(actor, 'manage', place.path))) throw MeetingsErrors.PLACE_NOT_FOUND();
  authorize(actor, permission, place.path);
  if (place.kind !== 'community' && place.kind !== 'compound') throw MeetingsErrors.MEETING_PLACE_KIND();
  return { ...place, street_id: place.street_id! };
}

/** Local (China, UTC+8) date and time of an instant, as a notice or the record prints it: 2026-12-09 19:30. */
export function meetingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
