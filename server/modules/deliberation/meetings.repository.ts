import type { Expression, SqlBool } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import { containing } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import { offsetOf, paginate } from '../../kernel/pagination.ts';
import type { Executor } from './deliberation.db.ts';
import { MEETING_OPEN } from './meetings.constants.ts';
import { type MeetingsQuery, MeetingsSort, type SchedulesQuery, SchedulesSort } from './meetings.schemas.ts';

/** SQL for the joint meetings' own tables (and reads of the kernel's places and of the module's items). */

export const PLACE_LABEL_KINDS = ['community', 'compound'] as const;

/** A meeting with its place's path and label, or undefined. */
export function meetingRow(db: Executor, id: string, forUpdate = false) {
  return db
    .selectFrom('dlb_meetings as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .selectAll('m')
    .select(['p.path as place_path', 'p.name as place_name', 'p.kind as place_kind'])
    .select(pathLabel('p.path', ['community', 'compound']).as('place_label'))
    .where('m.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('m'))
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof meetingRow>>>;

export function listMeetings(db: Executor, q: MeetingsQuery & { underPath?: string; between?: [Date, Date] }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('dlb_meetings as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .where(filter)
    .$if(!!q.between, (qb) => qb.where('m.status', 'in', [...MEETING_OPEN]).where('m.starts_at', '>=', q.between![0]).where('m.starts_at', '<', q.between![1]))
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.status, (qb) => qb.where('m.status', '=', q.status!))
    .$if(!!q.itemId, (qb) =>
      qb.where((eb) =>
        eb.exists(eb.selectFrom('dlb_meeting_agenda as ga').select('ga.item_id').whereRef('ga.street_id', '=', 'm.street_id').whereRef('ga.meeting_id', '=', 'm.id').where('ga.item_id', '=', q.itemId!)),
      ),
    )
    .$if(!!q.q, (qb) => qb.where('m.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    MeetingsSort.orderBy(base, q)
      .select(['m.id', 'm.title', 'm.kind', 'm.status', 'm.starts_at as startsAt', 'm.location', 'm.convener_name as convenerName', 'm.place_id as placeId', 'p.name as placeName'])
      .select(pathLabel('p.path', ['community', 'compound']).as('placeLabel'))
      .select((eb) => [
        eb.selectFrom('dlb_meeting_attendees as a').whereRef('a.street_id', '=', 'm.street_id').whereRef('a.meeting_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('attendees'),
        eb
          .selectFrom('dlb_meeting_attendees as a')
          .whereRef('a.street_id', '=', 'm.street_id')
          .whereRef('a.meeting_id', '=', 'm.id')
          .where('a.signed_in_at', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('signedIn'),
        eb.selectFrom('dlb_meeting_agenda as g').whereRef('g.street_id', '=', 'm.street_id').whereRef('g.meeting_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('agendaItems'),
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, attendees: Number(r.attendees), signedIn: Number(r.signedIn), agendaItems: Number(r.agendaItems) }))),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}

export function listSchedules(db: Executor, q: SchedulesQuery & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('dlb_meeting_schedules as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.q, (qb) => qb.where('s.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    SchedulesSort.orderBy(base, q)
      .select([
        's.id',
        's.title',
        's.kind',
        's.convener_kind as convenerKind',
        's.convener_org_id as convenerOrgId',
        's.bodies',
        's.frequency',
        's.day',
        's.at_time as atTime',
        's.location',
        's.active',
        's.place_id as placeId',
        'p.name as placeName',
        's.created_at as createdAt',
      ])
      .select(pathLabel('p.path', ['community', 'compound']).as('placeLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}

/** The meeting's agenda in order, with each item's code, title and stage. */
export function agendaOf(db: Executor, m: { street_id: string; id: string }) {
  return db
    .selectFrom('dlb_meeting_agenda as g')
    .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 'g.street_id').onRef('i.id', '=', 'g.item_id'))
    .select([
      'g.item_id as itemId',
      'g.seq',
      'i.code',
      'i.title',
      'i.stage',
      'g.outcome_kind as outcomeKind',
      'g.outcome_text as outcomeText',
      'g.outcome_at as outcomeAt',
      'g.decision_id as decisionId',
    ])
    .where('g.street_id', '=', m.street_id)
    .where('g.meeting_id', '=', m.id)
    .orderBy('g.seq')
    .execute();
}

export function bodiesOf(db: Executor, m: { street_id: string; id: string }) {
  return db
    .selectFrom('dlb_meeting_bodies')
    .select(['body_key as key', 'name', 'kind'])
    .where('street_id', '=', m.street_id)
    .where('meeting_id', '=', m.id)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export function attendeesOf(db: Executor, m: { street_id: string; id: string }) {
  return db
    .selectFrom('dlb_meeting_attendees as a')
    .leftJoin('accounts as by', 'by.id', 'a.signed_in_by')
    .select([
      'a.id',
      'a.person_id as personId',
      'a.name',
      'a.positions',
      'a.added_by_hand as addedByHand',
      'a.signed_in_at as signedInAt',
      'a.signed_in_via as signedInVia',
      'by.display_name as signedInByName',
    ])
    .where('a.street_id', '=', m.street_id)
    .where('a.meeting_id', '=', m.id)
    .orderBy('a.added_by_hand')
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}

export function positionsOf(db: Executor, m: { street_id: string; id: string }) {
  return db
    .selectFrom('dlb_meeting_positions')
    .select(['item_id as itemId', 'body_key as bodyKey', 'stance', 'note'])
    .where('street_id', '=', m.street_id)
    .where('meeting_id', '=', m.id)
    .execute();
}
