import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { roomsWithOwnershipOf } from '../../registry/index.ts';
import type { Executor } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { booksAllow, booksAuthorize, type BooksPermission } from '../fees.books.policy.ts';

/** A statement with its compound's path and name: what every access check and view starts from. */
export function statementQuery(db: Executor) {
  return db
    .selectFrom('fee_book_statements as s')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .selectAll('s')
    .select(['c.path as compound_path', 'c.name as compound_name']);
}
export type StatementRow = NonNullable<Awaited<ReturnType<ReturnType<typeof statementQuery>['executeTakeFirst']>>>;

/**
 * A statement a staff member acts on: 404 when they may not even read the compound's books (a statement outside
 * their scope looks like none), 403 when they read but may not do `permission`. `lock` takes the row for update,
 * so two confirmations or an edit and a confirmation are one after the other.
 */
export async function staffStatement(db: Executor, ctx: Ctx, id: string, permission: BooksPermission, lock = false): Promise<StatementRow> {
  let q = statementQuery(db).where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  if (!row || !booksAllow(ctx.actor, 'read', row.compound_path)) throw FeesErrors.BOOK_STATEMENT_NOT_FOUND();
  booksAuthorize(ctx.actor, permission, row.compound_path);
  return row;
}

/** A line with its statement, for a staff member: the same 404/403 as the statement's. */
export async function staffLine(db: Executor, ctx: Ctx, lineId: string, permission: BooksPermission, lock = false) {
  const line = await db.selectFrom('fee_book_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw FeesErrors.BOOK_LINE_NOT_FOUND();
  try {
    return { line, statement: await staffStatement(db, ctx, line.statement_id, permission, lock) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'BOOK_STATEMENT_NOT_FOUND') throw FeesErrors.BOOK_LINE_NOT_FOUND();
    throw err;
  }
}

/**
 * The rooms the acting person owns or co-owns now (owners of record): open books are the owners' — not tenants',
 * not family's (issue 19 §3).
 */
export async function ownedRooms(db: Executor, ctx: Ctx) {
  if (!ctx.actor.personId) return [];
  return (await roomsWithOwnershipOf(db, ctx.actor.personId)).filter((r) => r.owner);
}

/** The owned room under a compound's path, if any. */
export const ownedRoomIn = (rooms: Awaited<ReturnType<typeof ownedRooms>>, compoundPath: string) => rooms.find((r) => r.roomPath.startsWith(compoundPath));

/**
 * A published statement of a compound the acting person owns a room in; anything else — a draft, another
 * compound's, a tenant asking — answers the same 404.
 */
export async function ownerStatement(db: Executor, ctx: Ctx, id: string) {
  const row = await statementQuery(db).where('s.id', '=', id).where('s.status', '=', 'published').executeTakeFirst();
  const room = row ? ownedRoomIn(await ownedRooms(db, ctx), row.compound_path) : undefined;
  if (!row || !room) throw FeesErrors.BOOK_NOT_OWNER();
  return { statement: row, room };
}

/** A line of a published statement the acting person may read as an owner. */
export async function ownerLine(db: Executor, ctx: Ctx, lineId: string) {
  const line = await db.selectFrom('fee_book_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw FeesErrors.BOOK_LINE_NOT_FOUND();
  try {
    return { line, ...(await ownerStatement(db, ctx, line.statement_id)) };
  } catch {
    throw FeesErrors.BOOK_LINE_NOT_FOUND();
  }
}

/** Income, expense and balance of statements, summed in SQL from their lines (never kept apart from them). */
export async function statementTotals(db: Executor, statementIds: readonly string[]) {
  if (!statementIds.length) return new Map<string, { incomeFen: number; expenseFen: number; balanceFen: number; lines: number }>();
  const rows = await db
    .selectFrom('fee_book_lines')
    .select([
      'statement_id',
      sql<number>`coalesce(sum(amount_fen) filter (where direction = 'income'), 0)::bigint`.as('income'),
      sql<number>`coalesce(sum(amount_fen) filter (where direction = 'expense'), 0)::bigint`.as('expense'),
      sql<number>`count(*)::int`.as('lines'),
    ])
    .where('statement_id', 'in', [...statementIds])
    .groupBy('statement_id')
    .execute();
  const out = new Map(rows.map((r) => [r.statement_id, { incomeFen: Number(r.income), expenseFen: Number(r.expense), balanceFen: Number(r.income) - Number(r.expense), lines: r.lines }]));
  for (const id of statementIds) if (!out.has(id)) out.set(id, { incomeFen: 0, expenseFen: 0, balanceFen: 0, lines: 0 });
  return out;
}

/** Who did it, for the books' `…_by` columns: an account, or null for the system (the demo, a job) — no account row. */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
