import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, definePolicy } from '../../../kernel/access/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { DECISIONS_ROLES, type FilingOffice } from '../decisions.constants.ts';
import type { Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { FilingStatus, OrganiserKind } from '../decisions.tables.ts';

/**
 * Who may do what with a filing (备案): the owners' committee submits (for a compound without one, whoever organised
 * the decision); each receiving office acknowledges or returns only its own — the street office through the street's
 * officials, the district housing department through its reviewers, each with a grant covering the compound. The
 * street's officials also see the housing department's filings of their places (they watch that the committee files
 * in time: overdue filings are flagged on the street's home), as do the platform administrator and the neighbourhood
 * organisers; the housing department's reviewers see only theirs.
 */
export const FilingPolicy = {
  /** Submit for the owners' committee. */
  submit: ['owners_committee_member'],
  /** Submit a decision a preparatory group or residents' committee organised (no owners' committee yet). */
  submitAsOrganiser: DECISIONS_ROLES.organise,
  /** See every filing of the places: the administrator, the committee, the neighbourhood organisers. */
  watch: ['platform_admin', 'street_official', 'owners_committee_member', 'community_secretary', 'committee_staff'],
  street_office: ['street_official'],
  district_housing: ['department_reviewer'],
} as const;
export const { allows: filingAllows, placeFilter: filingPlaceFilter, holdsAnywhere: holdsFilingRole } = definePolicy(FilingPolicy);

export const OFFICE_LABEL: Record<FilingOffice, { zh: string; en: string }> = {
  street_office: { zh: '街道办事处', en: 'the street office' },
  district_housing: { zh: '区住房和城乡建设部门', en: 'the district housing department' },
};
export const FILING_STATUS_LABEL: Record<FilingStatus, { zh: string; en: string }> = {
  pending: { zh: '待提交', en: 'waiting to be submitted' },
  submitted: { zh: '已提交待审查', en: 'submitted' },
  acknowledged: { zh: '已备案', en: 'acknowledged' },
  returned: { zh: '已退回待补正', en: 'returned' },
};
export const filingWrongStatus = (status: FilingStatus) =>
  DecisionsErrors.FILING_WRONG_STATUS({ status: FILING_STATUS_LABEL[status].en, statusZh: FILING_STATUS_LABEL[status].zh }, { status });

/** Whether the actor sees a filing: it watches the place, or it receives for the filing's office there. */
export const seesFiling = (actor: Actor, f: { office: FilingOffice; place_path: string }) =>
  filingAllows(actor, 'watch', f.place_path) || filingAllows(actor, f.office, f.place_path);

/** Whether the actor may submit the decision's package. */
export const submitsFiling = (actor: Actor, f: { place_path: string; organiser_kind: OrganiserKind }) =>
  filingAllows(actor, 'submit', f.place_path) || (f.organiser_kind !== 'owners_committee' && filingAllows(actor, 'submitAsOrganiser', f.place_path));

/** The list filter of what the actor sees: per office for the receivers, all for those who watch (aliases f, p). */
export const filingsFilter = (actor: Actor): Expression<SqlBool> =>
  sql<SqlBool>`(${filingPlaceFilter(actor, 'watch', 'd.place_id', 'p.path')}
    or (f.office = 'street_office' and ${filingPlaceFilter(actor, 'street_office', 'd.place_id', 'p.path')})
    or (f.office = 'district_housing' and ${filingPlaceFilter(actor, 'district_housing', 'd.place_id', 'p.path')}))`;

/** A filing with its decision's place (for the policy), optionally locked. */
export function loadFilingRow(db: Executor, filingId: string, forUpdate = false) {
  return db
    .selectFrom('dec_filings as f')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'f.street_id').onRef('d.id', '=', 'f.decision_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .selectAll('f')
    .select(['d.title', 'd.place_id', 'd.organiser_kind', 'd.kind as decision_kind', 'p.path as place_path'])
    .where('f.id', '=', filingId)
    .$if(forUpdate, (q) => q.forUpdate('f'))
    .executeTakeFirst();
}
export type FilingRow = NonNullable<Awaited<ReturnType<typeof loadFilingRow>>>;

type FilingAct = 'read' | 'submit' | 'receive';
/**
 * Loads a filing for an act: one the actor cannot see answers 404 (ids cannot be probed), one they see but may not act
 * on 403 (another office's reviewer sees nothing of it: 404), a status the act does not take 409.
 */
export async function filingFor(db: Executor, actor: Actor, filingId: string, act: FilingAct, opts: { forUpdate?: boolean; status?: readonly FilingStatus[] } = {}) {
  const f = await loadFilingRow(db, filingId, opts.forUpdate);
  if (!f || !seesFiling(actor, f)) throw DecisionsErrors.FILING_NOT_FOUND();
  const permitted = act === 'read' || (act === 'submit' ? submitsFiling(actor, f) : filingAllows(actor, f.office, f.place_path));
  if (!permitted) throw CommonErrors.FORBIDDEN();
  if (opts.status && !opts.status.includes(f.status)) throw filingWrongStatus(f.status);
  return f;
}
