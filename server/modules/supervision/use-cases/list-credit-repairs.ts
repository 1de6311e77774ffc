import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { CreditRecordKind, CreditRepairStatus } from '../supervision.credit.constants.ts';
import type { CreditRepairsQuery } from '../supervision.credit.schemas.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { creditStreetsInScope, holdsAtOrInside, visibleCompanies } from './credit-access.ts';

/** Repair applications sort by when applied, the company, or the status (pending first ascending). */
export const CreditRepairsSort = sortable(
  { appliedAt: 'p.applied_at', company: 'p.company_name', status: sql`case p.status when 'pending' then 0 when 'approved' then 1 else 2 end` },
  { sort: 'appliedAt', order: 'desc' },
  'p.id',
);

export interface CreditRepairRow {
  id: string;
  streetId: string;
  companyId: string;
  companyName: string;
  recordId: string;
  recordKind: CreditRecordKind;
  recordLabel: string;
  pointsCenti: number;
  basis: string;
  status: CreditRepairStatus;
  statement: string;
  applicantName: string;
  appliedAt: Date;
  deciderName: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/**
 * Repair applications of the companies the actor reads credit of (officials: those serving compounds of their
 * places — the street reviews them here; a company: its own). Residents and assessors: 403.
 */
export async function listCreditRepairs(ctx: Ctx, q: CreditRepairsQuery): Promise<Page<CreditRepairRow>> {
  if (!holdsAnywhere(ctx.actor, 'creditRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  let under: string | undefined;
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !holdsAtOrInside(ctx.actor, 'creditRead', place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  const pairs: { streetId: string; companyId: string }[] = [];
  for (const street of await creditStreetsInScope(ctx, under)) {
    for (const c of await visibleCompanies(ctx, db, street, under)) pairs.push({ streetId: street.id, companyId: c.companyId });
  }
  const wanted = pairs.filter((p) => !q.companyId || p.companyId === q.companyId);
  if (!wanted.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const inPairs = sql<boolean>`(p.street_id, p.company_id) in (${sql.join(wanted.map((p) => sql`(${p.streetId}::uuid, ${p.companyId}::uuid)`))})`;
  const filtered = () =>
    db
      .selectFrom('sup_credit_repairs as p')
      .innerJoin('sup_credit_records as r', (j) => j.onRef('r.street_id', '=', 'p.street_id').onRef('r.id', '=', 'p.record_id'))
      .where(inPairs)
      .$if(!!q.status, (s) => s.where('p.status', '=', q.status!))
      .$if(!!q.q, (s) => {
        const like = `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        return s.where((eb) => eb.or([eb('p.company_name', 'ilike', like), eb('r.source_label', 'ilike', like), eb('p.statement', 'ilike', like)]));
      });
  const items = CreditRepairsSort.orderBy(
    filtered().select([
      'p.id',
      'p.street_id as streetId',
      'p.company_id as companyId',
      'p.company_name as companyName',
      'p.record_id as recordId',
      'r.kind as recordKind',
      'r.source_label as recordLabel',
      'r.points_centi as pointsCenti',
      'r.basis',
      'p.status',
      'p.statement',
      'p.applicant_name as applicantName',
      'p.applied_at as appliedAt',
      'p.decider_name as deciderName',
      'p.decided_at as decidedAt',
      'p.reason',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<CreditRepairRow>>;
}
