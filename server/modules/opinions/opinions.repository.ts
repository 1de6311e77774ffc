import { type Expression, type SqlBool, sql, type Updateable } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from './opinions.db.ts';
import { offsetOf, type Page, type PageQuery, paginate } from '../../kernel/pagination.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import type { OpOpinionsTable } from './opinions.tables.ts';
import { type InboxQuery, InboxSort } from './opinions.schemas.ts';
import { containing } from '../../kernel/db/like.ts';

/** SQL for the opinions module's own tables (and reads of the kernel's places). */

/** Every column of an opinion plus what presenting it needs: compound name, room path and label, me-too count. */
function baseSelect(db: Executor, personId: string | null) {
  return db
    .selectFrom('op_opinions as o')
    .innerJoin('street_places as compound', 'compound.id', 'o.place_id')
    .innerJoin('street_places as room', 'room.id', 'o.room_id')
    .selectAll('o')
    .select([
      'compound.name as compound_name',
      'room.path as room_path',
      pathLabel('room.path', ['building', 'unit', 'room']).as('room_label'),
      sql<number>`(select count(*) from op_me_too m where m.opinion_id = o.id)`.as('me_too_count'),
      (personId
        ? sql<boolean>`exists (select 1 from op_me_too m where m.opinion_id = o.id and m.person_id = ${personId})`
        : sql<boolean>`false`
      ).as('i_me_too'),
    ]);
}
export type OpinionRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

export async function findOpinion(db: Executor, id: string, personId: string | null, filter: Expression<SqlBool>) {
  return baseSelect(db, personId).where('o.id', '=', id).where(filter).executeTakeFirst();
}

/** For writes: the row locked against a concurrent answer, rating or moderation. */
export async function lockOpinion(db: Executor, id: string) {
  return db.selectFrom('op_opinions').select(['id', 'status', 'hidden_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The staff inbox: filters in SQL, newest first unless sorted otherwise. */
export function listOpinions(
  db: Executor,
  q: InboxQuery & { underPath?: string },
  filter: Expression<SqlBool>,
  personId: string | null,
): Promise<Page<OpinionRow>> {
  const parts: Expression<SqlBool>[] = [filter];
  if (q.underPath) parts.push(sql<SqlBool>`room.path like ${`${q.underPath}%`}`);
  if (q.visibility) parts.push(sql<SqlBool>`o.visibility = ${q.visibility}`);
  if (q.addressee) parts.push(sql<SqlBool>`o.addressee = ${q.addressee}`);
  if (q.kind) parts.push(sql<SqlBool>`o.kind = ${q.kind}`);
  if (q.status === 'hidden') parts.push(sql<SqlBool>`o.hidden_at is not null`);
  else if (q.status) parts.push(sql<SqlBool>`(o.status = ${q.status} and o.hidden_at is null)`);
  if (q.q) {
    const like = containing(q.q);
    parts.push(sql<SqlBool>`(o.title ilike ${like} or o.body ilike ${like})`);
  }
  const where = sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  const countQuery = db
    .selectFrom('op_opinions as o')
    .innerJoin('street_places as room', 'room.id', 'o.room_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where);
  return paginate(
    q,
    InboxSort.orderBy(baseSelect(db, personId).where(where), q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    countQuery.executeTakeFirstOrThrow(),
  );
}

/** A resident's lists: their own posts, or their compounds' public posts. */
export function listForResident(db: Executor, q: PageQuery, filter: Expression<SqlBool>, personId: string): Promise<Page<OpinionRow>> {
  // The total is remembered (read-cache.ts): a compound's residents all count the same public posts.
  return paginate(
    q,
    baseSelect(db, personId).where(filter).orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    countOnce(
      db,
      db
        .selectFrom('op_opinions as o')
        .where(filter)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
  );
}

export type OpinionUpdate = Omit<Updateable<OpOpinionsTable>, 'id' | 'created_at'>;

export async function updateOpinion(db: Executor, id: string, patch: OpinionUpdate) {
  await db.updateTable('op_opinions').set(patch).where('id', '=', id).execute();
}

/** Promoted opinions (for the deliberation module), oldest promotion first. */
export function listPromoted(db: Executor, opts: { underPath?: string; withoutRef?: boolean; limit?: number }) {
  return db
    .selectFrom('op_opinions as o')
    .innerJoin('street_places as compound', 'compound.id', 'o.place_id')
    .select([
      'o.id',
      'o.place_id as placeId',
      'compound.name as compoundName',
      'o.kind',
      'o.visibility',
      'o.addressee',
      'o.title',
      'o.body',
      'o.created_at as createdAt',
      'o.promoted_at as promotedAt',
      'o.promoted_by_name as promotedByName',
      'o.promotion_note as promotionNote',
      'o.deliberation_ref as deliberationRef',
      sql<number>`(select count(*) from op_me_too m where m.opinion_id = o.id)`.as('meTooCount'),
    ])
    .where('o.status', '=', 'promoted')
    .$if(!!opts.underPath, (qb) => qb.where('compound.path', 'like', `${opts.underPath}%`))
    .$if(!!opts.withoutRef, (qb) => qb.where('o.deliberation_ref', 'is', null))
    .orderBy('o.promoted_at')
    .limit(opts.limit ?? 200)
    .execute();
}
