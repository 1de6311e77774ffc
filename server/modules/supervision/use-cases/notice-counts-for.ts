import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../supervision.db.ts';

export interface CompanyNoticeCounts {
  companyId: string;
  companyName: string;
  /** Notices issued to it in [from, to). */
  issued: number;
  /** Notices that first ran past a deadline in [from, to) (a notice counts once, however many rounds lapsed). */
  overdue: number;
  /** Notices closed (verified) in [from, to). */
  closed: number;
  /** Notices open at `to`: issued before it and not closed before it. */
  open: number;
}

/**
 * Rectification notices per property company of a street (optionally one company) over the half-open window
 * [from, to): the company-credit input of Supervision 2/2. Called by other modules with their own view of the
 * transaction (kernel/module-database.ts).
 */
export async function noticeCountsFor(caller: AnyExecutor, at: { streetId: string; companyId?: string; from: Date; to: Date }): Promise<CompanyNoticeCounts[]> {
  const r = await sql<CompanyNoticeCounts>`
    select n.company_id as "companyId", min(n.company_name) as "companyName",
      (count(*) filter (where n.issued_at >= ${at.from} and n.issued_at < ${at.to}))::int as issued,
      (count(*) filter (where n.first_overdue_at >= ${at.from} and n.first_overdue_at < ${at.to}))::int as overdue,
      (count(*) filter (where n.closed_at >= ${at.from} and n.closed_at < ${at.to}))::int as closed,
      (count(*) filter (where n.issued_at < ${at.to} and (n.closed_at is null or n.closed_at >= ${at.to})))::int as open
    from sup_notices n
    where n.street_id = ${at.streetId} and n.issued_at < ${at.to} ${at.companyId ? sql`and n.company_id = ${at.companyId}` : sql``}
    group by n.company_id
    order by n.company_id`.execute(read(caller));
  return r.rows.filter((x) => x.issued + x.overdue + x.closed + x.open > 0);
}
