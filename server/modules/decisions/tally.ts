/**
 * The Civil Code art. 278 tally, from raw ballots, in integers only. DOMAIN.md §4 is the specification:
 *
 * - quorum: owners holding ≥ ⅔ of the total exclusive area AND ≥ ⅔ of all owners (heads) took part;
 * - matters 6–8 (raising the maintenance fund, rebuilding, changing the use of common parts): ≥ ¾ of the
 *   participating area AND ≥ ¾ of the participating heads agree;
 * - every other matter: more than ½ of the participating area AND more than ½ of the participating heads;
 * - "以上" includes the bound (≥), "过半数" is strictly more than half; an abstention takes part but does not agree.
 *
 * Every comparison is a cross-multiplication (a·3 ≥ b·2), never a division, so no ratio is ever rounded.
 * The denominators are the frozen roll's totals, never the ballots' — an owner who did not vote still counts.
 */

/** The nine matters of art. 278 ¶1. */
export const MATTERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Matter = (typeof MATTERS)[number];
/** Matters (6)–(8) need three quarters; the rest a majority. */
export const isSpecialMatter = (m: number): boolean => m === 6 || m === 7 || m === 8;

export type Choice = 'for' | 'against' | 'abstain';
export const CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];

/** What the law counts, per roll entry (one head) — see roll.ts for how heads are formed. */
export interface CountedBallot {
  entryId: string;
  areaCenti: number;
  /** Item number → choice. An item missing here is one the ballot did not validly answer. */
  choices: Readonly<Record<number, Choice>>;
}

export interface TallyInput {
  totalAreaCenti: number;
  totalHeads: number;
  items: readonly { no: number; matter: number }[];
  /** One counted ballot per roll entry (superseded and duplicate ballots are left out by the caller). */
  ballots: readonly CountedBallot[];
  /** 从众: non-voters counted with the majority, when the filed rules say so (with the clause). Off by default. */
  followMajority?: { clause: string } | null;
}

export interface Sums {
  areaCenti: number;
  heads: number;
}
export interface ItemTally {
  no: number;
  matter: number;
  /** 'three_quarters' for matters 6–8, 'majority' otherwise. */
  threshold: 'three_quarters' | 'majority';
  participating: Sums;
  for: Sums;
  against: Sums;
  abstain: Sums;
  quorum: { area: boolean; heads: boolean; met: boolean };
  agree: { area: boolean; heads: boolean };
  passed: boolean;
}
export interface Tally {
  totals: Sums;
  participating: Sums;
  /** The strict Civil Code tally: the legal result. */
  items: ItemTally[];
  /** The rules' 从众 tally beside it (null when the rules do not have it), labelled with its clause. */
  adjusted: { clause: string; items: (ItemTally & { counted: Choice | null })[] } | null;
}

const zero = (): Sums => ({ areaCenti: 0, heads: 0 });
const add = (s: Sums, areaCenti: number): void => {
  s.areaCenti += areaCenti;
  s.heads += 1;
};

/** a ≥ ⅔·b, exactly. */
export const atLeastTwoThirds = (a: number, b: number): boolean => a * 3 >= b * 2;
/** a ≥ ¾·b, exactly. */
export const atLeastThreeQuarters = (a: number, b: number): boolean => a * 4 >= b * 3;
/** a > ½·b, exactly ("过半数": half is not enough). */
export const moreThanHalf = (a: number, b: number): boolean => a * 2 > b;

function assertSafe(...values: number[]): void {
  // ×4 is the largest factor used: keep every product an exact integer.
  for (const v of values) if (!Number.isSafeInteger(v * 4) || v < 0) throw new Error(`tally: not a safe non-negative integer: ${v}`);
}

function judge(no: number, matter: number, totals: Sums, sums: Record<Choice, Sums>): ItemTally {
  const participating = { areaCenti: sums.for.areaCenti + sums.against.areaCenti + sums.abstain.areaCenti, heads: sums.for.heads + sums.against.heads + sums.abstain.heads };
  const quorumArea = atLeastTwoThirds(participating.areaCenti, totals.areaCenti);
  const quorumHeads = atLeastTwoThirds(participating.heads, totals.heads);
  const special = isSpecialMatter(matter);
  const test = special ? atLeastThreeQuarters : moreThanHalf;
  // Nobody took part: nothing can pass, whatever 0 ≥ 0 would say.
  const agreeArea = participating.heads > 0 && test(sums.for.areaCenti, participating.areaCenti);
  const agreeHeads = participating.heads > 0 && test(sums.for.heads, participating.heads);
  const met = quorumArea && quorumHeads;
  return {
    no,
    matter,
    threshold: special ? 'three_quarters' : 'majority',
    participating,
    for: sums.for,
    against: sums.against,
    abstain: sums.abstain,
    quorum: { area: quorumArea, heads: quorumHeads, met },
    agree: { area: agreeArea, heads: agreeHeads },
    passed: met && agreeArea && agreeHeads,
  };
}

/**
 * Counts the ballots of one decision. Pure: the same input always gives the same result, so a recount
 * from the raw ballots (or the independent verifier) must agree with the published result.
 */
export function tally(input: TallyInput): Tally {
  const totals = { areaCenti: input.totalAreaCenti, heads: input.totalHeads };
  assertSafe(totals.areaCenti, totals.heads);
  const seen = new Set<string>();
  const participating = zero();
  for (const b of input.ballots) {
    assertSafe(b.areaCenti);
    if (seen.has(b.entryId)) throw new Error(`tally: two counted ballots for roll entry ${b.entryId}`);
    seen.add(b.entryId);
    if (Object.keys(b.choices).length > 0) add(participating, b.areaCenti);
  }
  if (participating.heads > totals.heads || participating.areaCenti > totals.areaCenti) throw new Error('tally: more taking part than the roll holds');

  const strict = input.items.map((item) => {
    const sums = { for: zero(), against: zero(), abstain: zero() };
    for (const b of input.ballots) {
      const choice = b.choices[item.no];
      if (choice) add(sums[choice], b.areaCenti);
    }
    return judge(item.no, item.matter, totals, sums);
  });

  const adjusted = input.followMajority
    ? {
        clause: input.followMajority.clause,
        items: strict.map((s) => {
          // The majority among those who voted on the item: more than half of both their area and heads.
          const side = (['for', 'against'] as const).find((c) => moreThanHalf(s[c].areaCenti, s.participating.areaCenti) && moreThanHalf(s[c].heads, s.participating.heads));
          if (!side) return { ...s, counted: null };
          const absent = { areaCenti: totals.areaCenti - s.participating.areaCenti, heads: totals.heads - s.participating.heads };
          const sums = { for: { ...s.for }, against: { ...s.against }, abstain: { ...s.abstain } };
          sums[side].areaCenti += absent.areaCenti;
          sums[side].heads += absent.heads;
          return { ...judge(s.no, s.matter, totals, sums), counted: side };
        }),
      }
    : null;

  return { totals, participating, items: strict, adjusted };
}
