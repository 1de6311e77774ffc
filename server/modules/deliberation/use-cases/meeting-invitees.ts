import { chinaDay } from '../../../kernel/clock.ts';
import { meetingBodiesAt, positionHoldersAt, type MeetingBody } from '../../registry/index.ts';
import type { Executor } from '../deliberation.db.ts';
import { BUILDING_LEADERS, type ConvenerKind } from '../meetings.constants.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import type { AttendeePosition } from '../meetings.tables.ts';

/** The body of the building leaders under a place, as the meeting lists it. */
export const BUILDING_LEADERS_BODY = { key: BUILDING_LEADERS, name: '楼门长', kind: BUILDING_LEADERS } as const;

export interface InvitedBody {
  key: string;
  name: string;
  kind: string;
}
export interface Invitee {
  personId: string;
  name: string;
  positions: AttendeePosition[];
}

/** The bodies one may invite to a meeting at a place: its six-in-one organisations and its building leaders. */
export async function bodiesAvailableAt(db: Executor, place: { path: string; street_id: string }): Promise<InvitedBody[]> {
  const orgs = await meetingBodiesAt(db, { path: place.path, streetId: place.street_id });
  return [...orgs.map((o: MeetingBody) => ({ key: o.id, name: o.name, kind: o.kind })), BUILDING_LEADERS_BODY];
}

/**
 * Who a meeting invites: the current holders of the chosen bodies' positions, one entry per PERSON listing every
 * position they hold among those bodies (交叉任职: the branch secretary who chairs the owners' committee is one
 * attendee with both posts). The convening organisation is always among the bodies. Unknown bodies answer 400.
 */
export async function inviteesOf(
  db: Executor,
  place: { path: string; street_id: string },
  chosen: readonly string[],
  convener: { kind: ConvenerKind; orgId: string } | null,
  at: Date,
): Promise<{ bodies: InvitedBody[]; invitees: Invitee[]; convenerName: string | null }> {
  const available = await bodiesAvailableAt(db, place);
  const byKey = new Map(available.map((b) => [b.key, b]));
  let convenerName: string | null = null;
  const keys = new Set(chosen);
  if (convener) {
    const c = byKey.get(convener.orgId);
    if (!c || c.kind !== convener.kind) throw MeetingsErrors.CONVENER_NOT_FOUND();
    convenerName = c.name;
    keys.add(c.key);
  }
  const bodies: InvitedBody[] = [];
  for (const key of keys) {
    const body = byKey.get(key);
    if (!body) throw MeetingsErrors.BODY_NOT_FOUND();
    bodies.push(body);
  }
  const orgIds = bodies.filter((b) => b.key !== BUILDING_LEADERS).map((b) => b.key);
  const holders = await positionHoldersAt(db, { path: place.path, streetId: place.street_id }, orgIds, keys.has(BUILDING_LEADERS), chinaDay(at));
  const people = new Map<string, Invitee>();
  for (const h of holders) {
    const person = people.get(h.personId) ?? { personId: h.personId, name: h.personName, positions: [] };
    const position: AttendeePosition = h.buildingName
      ? { bodyKey: BUILDING_LEADERS, organisationName: h.organisationName, title: `${h.title}（${h.buildingName}）` }
      : { bodyKey: h.organisationId, organisationName: h.organisationName, title: h.title };
    person.positions.push(position);
    people.set(h.personId, person);
  }
  return { bodies, invitees: [...people.values()], convenerName };
}
