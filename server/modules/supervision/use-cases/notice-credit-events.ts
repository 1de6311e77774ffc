import { sql } from 'kysely';
import type { Executor } from '../supervision.db.ts';

export interface NoticeCreditEvent {
  kind: 'overdue' | 'reissued';
  noticeId: string;
  no: string;
  title: string;
  compoundId: string;
  companyId: string;
  companyName: string;
  /** When it first ran overdue, or was first sent back (重新整改). */
  at: Date;
}

/**
 * The rectification part's events that count against a company's credit, one row per notice and kind: a notice
 * that ever ran past its deadline (its first overdue time, kept across rounds), and a notice that was ever sent
 * back for another fix (its first reissue). However many rounds lapsed, a notice counts once per kind.
 */
export async function noticeCreditEvents(db: Executor, streetId: string): Promise<NoticeCreditEvent[]> {
  const { rows } = await sql<NoticeCreditEvent>`
    select 'overdue' as kind, n.id as "noticeId", n.no, n.title, n.compound_id as "compoundId", n.company_id as "companyId",
      n.company_name as "companyName", n.first_overdue_at as at
    from sup_notices n
    where n.street_id = ${streetId} and n.first_overdue_at is not null
    union all
    select 'reissued', n.id, n.no, n.title, n.compound_id, n.company_id, n.company_name, e.at
    from sup_notices n
    join lateral (select min(e.at) as at from sup_notice_events e where e.street_id = n.street_id and e.notice_id = n.id and e.kind = 'reissued') e on e.at is not null
    where n.street_id = ${streetId}
    order by at, "noticeId"`.execute(db);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
