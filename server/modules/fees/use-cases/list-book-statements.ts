import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { booksAllow, booksPlaceFilter } from '../fees.books.policy.ts';
import type { MyStatementsQuery, StatementsQuery } from '../fees.books.schemas.ts';
import { type Executor, read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { findPlace } from '../../../kernel/access/index.ts';
import { ownedRooms } from './books-access.ts';

const income = sql<number>`(select coalesce(sum(l.amount_fen) filter (where l.direction = 'income'), 0)::bigint from fee_book_lines l where l.street_id = s.street_id and l.statement_id = s.id)`;
const expense = sql<number>`(select coalesce(sum(l.amount_fen) filter (where l.direction = 'expense'), 0)::bigint from fee_book_lines l where l.street_id = s.street_id and l.statement_id = s.id)`;

/** 信托账目 list: newest month first by default. */
export const StatementsSort = sortable(
  { month: 's.month', compound: ['c.name', 's.month'], status: 's.status', updatedAt: 's.updated_at', incomeFen: income, expenseFen: expense },
  { sort: 'month', order: 'desc' },
  's.id',
);
export const MyStatementsSort = sortable({ month: 's.month', publishedAt: 's.published_at' }, { sort: 'month', order: 'desc' }, 's.id');

function base(db: Executor) {
  return db
    .selectFrom('fee_book_statements as s')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .select([
      's.id',
      's.compound_id',
      's.month',
      's.status',
      's.committee_confirmed_at',
      's.company_confirmed_at',
      's.published_at',
      's.updated_at',
      'c.name as compound_name',
      'c.path as compound_path',
      income.as('income_fen'),
      expense.as('expense_fen'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const present = (r: Row) => ({
  id: r.id,
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  month: r.month,
  status: r.status,
  committeeConfirmedAt: r.committee_confirmed_at,
  companyConfirmedAt: r.company_confirmed_at,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
  incomeFen: Number(r.income_fen),
  expenseFen: Number(r.expense_fen),
  balanceFen: Number(r.income_fen) - Number(r.expense_fen),
});

/** The statements of the compounds whose books the actor reads, narrowed to a chosen place (404 outside the scope). */
export async function listBookStatements(ctx: Ctx, q: StatementsQuery) {
  const db = read(ctx);
  const where: Expression<SqlBool>[] = [booksPlaceFilter(ctx.actor, 'read', 's.compound_id')];
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !booksAllow(ctx.actor, 'read', place.path)) throw FeesErrors.PLACE_NOT_FOUND();
    where.push(sql<SqlBool>`c.path like ${`${place.path}%`}`);
  }
  if (q.status) where.push(sql<SqlBool>`s.status = ${q.status}`);
  if (q.awaiting === 'committee') where.push(sql<SqlBool>`(s.status = 'draft' and s.committee_confirmed_at is null and ${booksPlaceFilter(ctx.actor, 'confirmCommittee', 's.compound_id')})`);
  if (q.awaiting === 'company') where.push(sql<SqlBool>`(s.status = 'draft' and s.company_confirmed_at is null and ${booksPlaceFilter(ctx.actor, 'confirmCompany', 's.compound_id')})`);
  if (q.q) where.push(sql<SqlBool>`(c.name ilike ${containing(q.q)} or s.month like ${containing(q.q)})`);
  const all = sql<SqlBool>`(${sql.join(where, sql` and `)})`;
  const page = await paginate(
    q,
    StatementsSort.orderBy(base(db).where(all), q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    db
      .selectFrom('fee_book_statements as s')
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(all)
      .executeTakeFirstOrThrow(),
  );
  return { ...page, items: page.items.map(present) };
}

/** 账目公开 for an owner: the published statements of the compounds they own a room in, newest month first. */
export async function listMyBookStatements(ctx: Ctx, q: MyStatementsQuery) {
  const db = read(ctx);
  const rooms = await ownedRooms(db, ctx);
  if (!rooms.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const owned = sql<SqlBool>`(${sql.join(
    rooms.map((r) => sql<SqlBool>`${r.roomPath} like c.path || '%'`),
    sql` or `,
  )})`;
  const where = sql<SqlBool>`(s.status = 'published' and ${owned})`;
  const page = await paginate(
    q,
    MyStatementsSort.orderBy(base(db).where(where), q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    db
      .selectFrom('fee_book_statements as s')
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  );
  // Owners see what was published: not who confirmed when.
  return { ...page, items: page.items.map(present).map(({ committeeConfirmedAt: _c, companyConfirmedAt: _p, updatedAt: _u, ...r }) => r) };
}
