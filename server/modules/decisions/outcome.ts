import type { Locale } from '../../kernel/errors.ts';
import type { ElectionResult } from './election.ts';
import type { ElevatorJudgement } from './elevator.ts';
import type { ItemTally, Tally } from './tally.ts';

/** A counted decision's stored result: the tally, and beside it an election's seats or a retrofit's judgement. */
export type StoredResult = Tally & { election?: ElectionResult; elevator?: ElevatorJudgement };

const WORDS = {
  'zh-CN': {
    passed: '通过',
    failed: '未通过',
    noQuorum: '未通过（参与表决不足⅔）',
    elected: (rank: number) => `当选（第 ${rank} 名）`,
    alternate: '候补',
    tied: '末位同票，待决',
    notElected: '未当选',
    notConsenting: (n: number) => `未通过（${n} 户受影响业主未同意）`,
    unsettled: (n: number) => `未通过（${n} 户受影响业主的异议未以补偿协议解决）`,
  },
  en: {
    passed: 'Passed',
    failed: 'Not passed',
    noQuorum: 'Not passed (fewer than ⅔ took part)',
    elected: (rank: number) => `Elected (no. ${rank})`,
    alternate: 'Alternate',
    tied: 'Tied at the last seat, to be settled',
    notElected: 'Not elected',
    notConsenting: (n: number) => `Not passed (${n} affected owner(s) did not consent)`,
    unsettled: (n: number) => `Not passed (${n} affected owner(s)' objection not settled by agreement)`,
  },
} satisfies Record<Locale, unknown>;

/**
 * An item's outcome in words, wherever a result is shown (the posted result, the summary spreadsheet). The item's own
 * tally is not always the whole story: a candidate is elected against everyone who voted in the election and within
 * the seats (election.ts); a retrofit that met the thresholds also needs its affected owners (elevator.ts).
 */
export function itemOutcome(result: StoredResult, i: ItemTally, locale: Locale): string {
  const t = WORDS[locale];
  const e = result.election;
  if (e) {
    const elected = e.elected.find((x) => x.itemNo === i.no);
    if (elected) return t.elected(elected.rank);
    if (e.alternates.some((x) => x.itemNo === i.no)) return t.alternate;
    if (e.tie && !e.tie.settled && e.notElected.some((x) => x.itemNo === i.no && e.tie!.nos.includes(x.no))) return t.tied;
    return t.notElected;
  }
  const v = result.elevator;
  if (v && i.passed && !v.passed) return v.reason === 'AFFECTED_OWNER_NOT_CONSENTING' ? t.notConsenting(v.notConsenting.length) : t.unsettled(v.unsettled.length);
  return i.passed ? t.passed : i.quorum.met ? t.failed : t.noQuorum;
}
