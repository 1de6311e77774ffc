import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { placeFilter } from '../fees.policy.ts';
import { DiffsSort, type DiffsQuery, RunsSort, type RunsQuery } from '../fees.payments.schemas.ts';

/** The reconciliation differences the actor works: those of compounds where they bill, and the street-wide ones where they bill at the street. */
export async function listReconDiffs(ctx: Ctx, q: DiffsQuery) {
  const db = read(ctx);
  const base = db
    .selectFrom('fee_recon_diffs as d')
    .innerJoin('fee_recon_runs as run', (j) => j.onRef('run.street_id', '=', 'd.street_id').onRef('run.id', '=', 'd.run_id'))
    .innerJoin('street_places as at', (j) => j.onRef('at.street_id', '=', 'd.street_id').on((eb) => eb('at.id', '=', eb.fn.coalesce('d.compound_id', 'd.street_id'))))
    .where(placeFilter(ctx.actor, 'bill', 'at.id', 'at.path'))
    .$if(!!q.status, (qb) => qb.where('d.status', '=', q.status!))
    .$if(!!q.day, (qb) => qb.where('run.day', '=', q.day!))
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('d.txn_id', 'ilike', containing(q.q!)), eb('d.out_trade_no', 'ilike', containing(q.q!))])));
  return paginate(
    q,
    DiffsSort.orderBy(base, q)
      .select(['d.id', 'd.kind', 'd.txn_type as txnType', 'd.txn_id as txnId', 'd.out_trade_no as outTradeNo', 'd.statement_fen as statementFen', 'd.book_fen as bookFen', 'd.status', 'd.note', 'd.resolved_at as resolvedAt', 'run.day', 'run.run_at as runAt', 'at.name as placeName'])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** Reconciliation runs of the streets where the actor bills at street level. */
export async function listReconRuns(ctx: Ctx, q: RunsQuery) {
  const db = read(ctx);
  const base = db
    .selectFrom('fee_recon_runs as r')
    .innerJoin('street_places as s', (j) => j.onRef('s.street_id', '=', 'r.street_id').onRef('s.id', '=', 'r.street_id'))
    .where(placeFilter(ctx.actor, 'bill', 's.id', 's.path'));
  return paginate(
    q,
    RunsSort.orderBy(base, q)
      .select(['r.id', 'r.day', 'r.provider', 'r.source', 'r.statement_rows as statementRows', 'r.book_rows as bookRows', 'r.diffs', 'r.run_at as runAt', 's.name as street'])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
