/**
 * Joint vetting (联审) of an election candidate, as a pure function: the departments the street configured each
 * record approve / reject / return-for-correction, in parallel and in any order. The candidate's status is derived
 * here only, and stored on the candidate after every change (so lists can filter on it).
 *
 * - A department's current verdict is its latest one.
 * - A 'return' given in an earlier round than the candidate's no longer counts: the candidate corrected, so that
 *   department must look again (its verdict is "stale"). Approvals stand across rounds; a reject is final.
 * - A reject counts from any department that gave it, even one deactivated since: switching a department off
 *   must not clear a candidate it rejected.
 * - Approved needs every ACTIVE department's current verdict to be 'approve' — and at least one active
 *   department: a street that configured none has vetted nobody.
 */
import type { CandidateStatus, Verdict } from './decisions.tables.ts';

export interface VettingDepartment {
  id: string;
  active: boolean;
}
export interface VettingVerdict {
  departmentId: string;
  verdict: Verdict;
  round: number;
  /** When it was recorded: the latest per department is its current verdict. */
  at: Date | string;
}

export type VettingStatus = Exclude<CandidateStatus, 'withdrawn'>;

const time = (at: Date | string): number => (at instanceof Date ? at.getTime() : Date.parse(at));

/** Each department's latest verdict (ties in time: the later one in the list). */
export function currentVerdicts<V extends VettingVerdict>(verdicts: readonly V[]): Map<string, V> {
  const current = new Map<string, V>();
  for (const v of verdicts) {
    const seen = current.get(v.departmentId);
    if (!seen || time(v.at) >= time(seen.at)) current.set(v.departmentId, v);
  }
  return current;
}

/** A department's current verdict no longer holds: a return from before the candidate's correction. */
export const isStale = (v: Pick<VettingVerdict, 'verdict' | 'round'>, round: number): boolean => v.verdict === 'return' && v.round < round;

export function vettingStatus(departments: readonly VettingDepartment[], verdicts: readonly VettingVerdict[], round: number, consent: boolean): VettingStatus {
  if (!consent) return 'nominated';
  const current = currentVerdicts(verdicts);
  const live = [...current.values()];
  if (live.some((v) => v.verdict === 'reject')) return 'rejected';
  if (live.some((v) => v.verdict === 'return' && !isStale(v, round))) return 'returned';
  const active = departments.filter((d) => d.active);
  if (active.length > 0 && active.every((d) => current.get(d.id)?.verdict === 'approve')) return 'approved';
  return 'vetting';
}

/** Which active departments still owe a verdict on a candidate: none yet, or only a stale return. */
export function awaitingFrom(departments: readonly VettingDepartment[], verdicts: readonly VettingVerdict[], round: number): string[] {
  const current = currentVerdicts(verdicts);
  return departments.filter((d) => d.active && (!current.has(d.id) || isStale(current.get(d.id)!, round))).map((d) => d.id);
}
