import { sql } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import type { NoticeEventKind } from './supervision.rectification.constants.ts';
import type { Executor } from './supervision.db.ts';

/** SQL of the rectification part's own tables (sup_notice*), and the sheets' inspection rows it reads for a finding. */

/** A notice with its place's path and name, and its compound's name: what every check and page needs. */
export async function loadNotice(db: Executor, id: string, forUpdate = false) {
  let q = db
    .selectFrom('sup_notices as n')
    .innerJoin('street_places as place', (j) => j.onRef('place.street_id', '=', 'n.street_id').onRef('place.id', '=', 'n.place_id'))
    .innerJoin('street_places as compound', (j) => j.onRef('compound.street_id', '=', 'n.street_id').onRef('compound.id', '=', 'n.compound_id'))
    .selectAll('n')
    .select(['place.path as place_path', 'place.name as place_name', 'compound.name as compound_name'])
    .where('n.id', '=', id);
  if (forUpdate) q = q.forUpdate('n');
  return q.executeTakeFirst();
}
export type LoadedNotice = NonNullable<Awaited<ReturnType<typeof loadNotice>>>;

export async function insertNoticeEvent(
  db: Executor,
  e: { streetId: string; noticeId: string; at: Date; actorId: string | null; actorName: string; kind: NoticeEventKind; round: number; note?: string; detail?: Record<string, unknown> },
) {
  await db
    .insertInto('sup_notice_events')
    .values({
      street_id: e.streetId,
      id: newId(),
      notice_id: e.noticeId,
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      kind: e.kind,
      round: e.round,
      note: e.note ?? '',
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

/** The next number of the street's year: the counter row's upsert holds its lock to the end of the transaction. */
export async function nextNoticeSeq(db: Executor, streetId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('sup_notice_counters')
    .values({ street_id: streetId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last_seq: sql`sup_notice_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export async function noticeEvents(db: Executor, streetId: string, noticeId: string) {
  return db
    .selectFrom('sup_notice_events')
    .select(['id', 'at', 'actor_name', 'kind', 'round', 'note', 'detail'])
    .where('street_id', '=', streetId)
    .where('notice_id', '=', noticeId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function noticeFiles(db: Executor, streetId: string, noticeId: string) {
  return db
    .selectFrom('sup_notice_files')
    .select(['id', 'round', 'stage', 'kind', 'file_name', 'mime', 'size_bytes', 'uploaded_at'])
    .where('street_id', '=', streetId)
    .where('notice_id', '=', noticeId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** An inspection finding: the item, its indicator's name and code, the inspection's compound and its photos. */
export async function inspectionFinding(db: Executor, inspectionId: string, indicatorId: string) {
  const item = await db
    .selectFrom('sup_inspection_items as it')
    .innerJoin('sup_inspections as i', (j) => j.onRef('i.street_id', '=', 'it.street_id').onRef('i.id', '=', 'it.inspection_id'))
    .innerJoin('sup_sheet_indicators as ind', (j) => j.onRef('ind.street_id', '=', 'it.street_id').onRef('ind.id', '=', 'it.indicator_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .select([
      'it.street_id',
      'it.inspection_id',
      'it.indicator_id',
      'it.note',
      'it.findings',
      'it.met',
      'it.awarded_points',
      'ind.code',
      'ind.name as indicator_name',
      'ind.method',
      'ind.max_points',
      'i.place_id',
      'i.period',
      'i.inspector_name',
      'p.path as place_path',
      'p.name as place_name',
    ])
    .where('it.inspection_id', '=', inspectionId)
    .where('it.indicator_id', '=', indicatorId)
    .executeTakeFirst();
  if (!item) return undefined;
  const files = await db
    .selectFrom('sup_inspection_files')
    .select(['id', 'kind', 'file_key', 'file_name', 'mime', 'size_bytes'])
    .where('street_id', '=', item.street_id)
    .where('inspection_id', '=', inspectionId)
    .where('indicator_id', '=', indicatorId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return { ...item, files };
}
export type InspectionFinding = NonNullable<Awaited<ReturnType<typeof inspectionFinding>>>;
