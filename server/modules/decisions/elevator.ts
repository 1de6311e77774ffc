import type { AffectedOwnerRule } from './decisions.constants.ts';
import type { Choice, ItemTally } from './tally.ts';

/**
 * Whether an elevator retrofit passed (加装电梯): the art. 278 thresholds of its item (tally.ts), and then the owners
 * whose own parts the works affect, as the rules in force when it was drafted say:
 *
 * - consent: every affected owner's counted ballot on the item is "for". One who did not vote, voted against or
 *   abstained stops it, thresholds met or not (AFFECTED_OWNER_NOT_CONSENTING, naming them masked);
 * - compensation: an affected owner may object; an objection not yet settled by a compensation agreement stops it
 *   (OBJECTION_UNSETTLED) — publishing a passing result is refused until every objection is settled.
 *
 * Pure: the same tally and affected list always give the same judgement.
 */

export interface AffectedOwner {
  id: string;
  /** The roll entry of the affected room (null before the roll is published). */
  entryId: string | null;
  /** The room and the owners, masked: "2栋 / 1单元 / 101（王*）". */
  label: string;
  objection: boolean;
  settled: boolean;
}

export type ElevatorReason = 'THRESHOLDS_NOT_MET' | 'AFFECTED_OWNER_NOT_CONSENTING' | 'OBJECTION_UNSETTLED';

export interface ElevatorJudgement {
  rule: AffectedOwnerRule;
  /** The item met the art. 278 quorum and agreement thresholds. */
  thresholdsMet: boolean;
  passed: boolean;
  /** Why not, the first reason that stops it (null when passed). */
  reason: ElevatorReason | null;
  /** consent: affected owners whose ballot is not "for". */
  notConsenting: string[];
  /** compensation: affected owners whose objection is not settled. */
  unsettled: string[];
}

export function judgeElevator(input: {
  item: Pick<ItemTally, 'passed'>;
  /** The counted ballots' choice on the item, by roll entry. */
  choices: ReadonlyMap<string, Choice | undefined>;
  affected: readonly AffectedOwner[];
  rule: AffectedOwnerRule;
}): ElevatorJudgement {
  const thresholdsMet = input.item.passed;
  const notConsenting = input.rule === 'consent' ? input.affected.filter((a) => !a.entryId || input.choices.get(a.entryId) !== 'for').map((a) => a.label) : [];
  const unsettled = input.rule === 'compensation' ? input.affected.filter((a) => a.objection && !a.settled).map((a) => a.label) : [];
  const reason: ElevatorReason | null = !thresholdsMet
    ? 'THRESHOLDS_NOT_MET'
    : notConsenting.length > 0
      ? 'AFFECTED_OWNER_NOT_CONSENTING'
      : unsettled.length > 0
        ? 'OBJECTION_UNSETTLED'
        : null;
  return { rule: input.rule, thresholdsMet, passed: reason === null, reason, notConsenting, unsettled };
}
