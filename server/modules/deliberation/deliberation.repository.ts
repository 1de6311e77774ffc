import type { Expression, SqlBool } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from './deliberation.db.ts';
import { containing } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import { offsetOf, paginate } from '../../kernel/pagination.ts';
import { type RecordsQuery, RecordsSort } from './deliberation.schemas.ts';

/** SQL for the deliberation module's own tables (and reads of the kernel's places and accounts). */

export async function insertRecord(db: Executor, row: { streetId: string; id: string; placeId: string; title: string; createdBy: string | null; at: Date }) {
  await db
    .insertInto('dlb_records')
    .values({ street_id: row.streetId, id: row.id, place_id: row.placeId, title: row.title, created_by: row.createdBy, created_at: row.at })
    .execute();
}

export function listRecords(db: Executor, q: RecordsQuery & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('dlb_records as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.q, (qb) => qb.where('r.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    RecordsSort.orderBy(base.leftJoin('accounts as a', 'a.id', 'r.created_by'), q)
      .select(['r.id', 'r.title', 'r.place_id as placeId', 'p.name as placeName', 'a.display_name as createdByName', 'r.created_at as createdAt'])
      .select(pathLabel('p.path', ['community', 'compound', 'building', 'unit', 'room']).as('placeLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}
