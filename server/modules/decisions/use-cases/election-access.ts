import { sql } from 'kysely';
import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows, type DecisionsPolicy } from '../decisions.policy.ts';
import { type DecisionRow, loadDecisionRow } from '../decisions.repository.ts';
import type { DecisionStatus } from '../decisions.tables.ts';
import { type VettingStatus, vettingStatus } from '../vetting.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';

/** Candidates are nominated, vetted and put on the ballot before voting opens. */
export const BEFORE_VOTING: readonly DecisionStatus[] = ['draft', 'roll_published'];

export const electionRow = (db: Executor, streetId: string, decisionId: string) =>
  db.selectFrom('dec_elections').selectAll().where('street_id', '=', streetId).where('decision_id', '=', decisionId).executeTakeFirst();
export type ElectionRow = NonNullable<Awaited<ReturnType<typeof electionRow>>>;

/** An election for a staff action: decisionFor's 404 / 403 / 409, and 404 for a decision that is no election. */
export async function electionFor(
  db: Executor,
  actor: Actor,
  id: string,
  permission: keyof typeof DecisionsPolicy,
  opts: { forUpdate?: boolean; status?: readonly DecisionStatus[] } = {},
): Promise<{ d: DecisionRow; e: ElectionRow }> {
  const d = await decisionFor(db, actor, id, permission, { forUpdate: opts.forUpdate });
  const e = d.kind === 'election' ? await electionRow(db, d.street_id, d.id) : undefined;
  if (!e) throw DecisionsErrors.ELECTION_NOT_FOUND();
  if (opts.status && !opts.status.includes(d.status)) throw wrongStatus(d.status);
  return { d, e };
}

/** The street's vetting departments the actor reviews for (active ones). */
export async function reviewedDepartments(db: Executor, actor: Actor, streetId?: string) {
  if (isSystem(actor)) return [];
  return db
    .selectFrom('dec_vetting_departments')
    .select(['street_id', 'id', 'name'])
    .$if(!!streetId, (q) => q.where('street_id', '=', streetId!))
    .where('active', '=', true)
    .where(sql<boolean>`reviewer_account_ids @> array[${actor.accountId}]::uuid[]`)
    .execute();
}

/**
 * An election as a reviewer or a reader reaches it: visible to those who read at its place and to the reviewers of a
 * department of its street (who read nothing else of the compound). Anyone else: 404.
 */
export async function electionForReviewer(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const d = await loadDecisionRow(db, id, forUpdate);
  if (!d || d.kind !== 'election') throw DecisionsErrors.ELECTION_NOT_FOUND();
  const reviews = await reviewedDepartments(db, actor, d.street_id);
  const reads = allows(actor, 'read', d.place_path) || d.scrutineer_ids.includes(actor.accountId);
  if (!reads && reviews.length === 0) throw DecisionsErrors.ELECTION_NOT_FOUND();
  const e = await electionRow(db, d.street_id, d.id);
  if (!e) throw DecisionsErrors.ELECTION_NOT_FOUND();
  return { d, e, reviews, reads };
}

/** Nominations run until the election's last day of nominations (China time), before voting opens. */
export function assertNominationsOpen(d: Pick<DecisionRow, 'status'>, e: Pick<ElectionRow, 'nomination_until'>, now: Date): void {
  if (!BEFORE_VOTING.includes(d.status)) throw wrongStatus(d.status);
  if (e.nomination_until && chinaDay(now) > e.nomination_until) throw DecisionsErrors.NOMINATIONS_CLOSED();
}

export const departmentsOf = (db: Executor, streetId: string) =>
  db.selectFrom('dec_vetting_departments').selectAll().where('street_id', '=', streetId).orderBy('position').orderBy('name').execute();

export const candidateRow = (db: Executor, streetId: string, decisionId: string, candidateId: string, forUpdate = false) =>
  db
    .selectFrom('dec_candidates')
    .selectAll()
    .where('street_id', '=', streetId)
    .where('decision_id', '=', decisionId)
    .where('id', '=', candidateId)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
export type CandidateRow = NonNullable<Awaited<ReturnType<typeof candidateRow>>>;

/** The verdicts on candidates, oldest first (a run-off's candidate: those on the candidate whose record stands). */
export const verdictsOn = (db: Executor, streetId: string, candidateIds: readonly string[]) =>
  candidateIds.length
    ? db
        .selectFrom('dec_vetting_verdicts as v')
        .leftJoin('dec_vetting_departments as dp', (j) => j.onRef('dp.street_id', '=', 'v.street_id').onRef('dp.id', '=', 'v.department_id'))
        .select(['v.id', 'v.candidate_id', 'v.department_id', 'dp.name as departmentName', 'v.round', 'v.verdict', 'v.reason_code', 'v.note', 'v.by_name', 'v.at'])
        .where('v.street_id', '=', streetId)
        .where('v.candidate_id', 'in', candidateIds)
        .orderBy('v.at')
        .orderBy('v.id')
        .execute()
    : Promise.resolve([]);

/**
 * Derives the candidate's status from the departments' verdicts (vetting.ts) and stores it. A withdrawn candidate
 * stays withdrawn; a run-off's candidate keeps the approval it was copied with.
 */
export async function refreshStatus(tx: Executor, c: Pick<CandidateRow, 'street_id' | 'id' | 'status' | 'round' | 'consent_at' | 'vetted_as'>, now: Date): Promise<CandidateRow['status']> {
  if (c.status === 'withdrawn' || c.vetted_as) return c.status;
  const [departments, verdicts] = await Promise.all([departmentsOf(tx, c.street_id), verdictsOn(tx, c.street_id, [c.id])]);
  const status: VettingStatus = vettingStatus(
    departments,
    verdicts.map((v) => ({ departmentId: v.department_id, verdict: v.verdict, round: v.round, at: v.at })),
    c.round,
    !!c.consent_at,
  );
  if (status !== c.status) await tx.updateTable('dec_candidates').set({ status, updated_at: now }).where('street_id', '=', c.street_id).where('id', '=', c.id).execute();
  return status;
}

/**
 * A candidate for an action the organiser or the candidate themself may take (consent, correction, withdrawal):
 * the candidate's own account passes; otherwise organise at the place (a reader who may not: 403; anyone else: 404).
 */
export async function candidateForAction(db: Executor, actor: Actor, id: string, candidateId: string, forUpdate = false) {
  const d = await loadDecisionRow(db, id, forUpdate);
  if (!d || d.kind !== 'election') throw DecisionsErrors.ELECTION_NOT_FOUND();
  const c = await candidateRow(db, d.street_id, d.id, candidateId, forUpdate);
  const own = !!c?.account_id && c.account_id === actor.accountId;
  if (!own && !allows(actor, 'read', d.place_path)) throw DecisionsErrors.ELECTION_NOT_FOUND();
  if (!c) throw DecisionsErrors.CANDIDATE_NOT_FOUND();
  if (!own && !allows(actor, 'organise', d.place_path)) throw CommonErrors.FORBIDDEN();
  const e = await electionRow(db, d.street_id, d.id);
  if (!e) throw DecisionsErrors.ELECTION_NOT_FOUND();
  return { d, e, c, own };
}
