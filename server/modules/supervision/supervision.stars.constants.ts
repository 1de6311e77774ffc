/** The stars part's vocabulary (有礼小区 三类五星), free of dependencies: the web reads it through contract.ts. */

export const STAR_LEVELS = [1, 2, 3, 4, 5] as const;
export type StarLevel = (typeof STAR_LEVELS)[number];

/**
 * The three types of Quzhou's 有礼小区 (衢州市《加强党建统领创建"有礼小区"三年行动计划》): 示范引领型 five stars,
 * 良性发展型 four and three, 托底维持型 two and one (Quzhou's own word is 托底维持; "bottom-line maintenance").
 */
export const STAR_TYPES = ['leading', 'developing', 'maintaining'] as const;
export type StarType = (typeof STAR_TYPES)[number];
export const starType = (stars: number): StarType => (stars >= 5 ? 'leading' : stars >= 3 ? 'developing' : 'maintaining');
export const STAR_TYPE_ZH: Record<StarType, string> = { leading: '示范引领型', developing: '良性发展型', maintaining: '托底维持型' };

/**
 * The lowest civility-sheet score (hundredths, 0–10000) of each star from two up: a score s has the highest star
 * whose minimum is ≤ s, else one star — so the bands are half-open: ★5 [90, 100], ★4 [80, 90), ★3 [70, 80),
 * ★2 [60, 70), ★1 [0, 60). Quzhou's published case names the 54 indicators and the types but not the cut-offs;
 * these are the defaults a street changes on its settings page.
 */
export type StarMinimums = Record<'2' | '3' | '4' | '5', number>;
export const DEFAULT_STAR_MINIMUMS: StarMinimums = { '2': 6000, '3': 7000, '4': 8000, '5': 9000 };

/** The score's star under the minimums (integer comparison: 89.99 is 8999 < 9000 → four stars). */
export function starForScore(scoreCenti: number, minimums: StarMinimums): StarLevel {
  for (const s of [5, 4, 3, 2] as const) if (scoreCenti >= minimums[String(s) as keyof StarMinimums]) return s;
  return 1;
}

/** The reward (fen) for reaching each level; reaching a level the compound never held before earns it once. */
export type StarRewards = Record<'1' | '2' | '3' | '4' | '5', number>;
export const DEFAULT_STAR_REWARDS: StarRewards = { '1': 0, '2': 0, '3': 2_000_000, '4': 5_000_000, '5': 10_000_000 };

/**
 * The reward for confirming `to` stars at a compound whose highest star ever confirmed is `highest` (0: none): the
 * sum of the rewards of every level passed above it — from ★3 to ★5 earns ★4's and ★5's. A level earns once per
 * compound: falling back and climbing again earns nothing for the levels it already reached (no reward for a
 * see-saw).
 */
export function rewardFor(highest: number, to: number, rewards: StarRewards): number {
  let fen = 0;
  for (let level = highest + 1; level <= to; level++) fen += rewards[String(level) as keyof StarRewards];
  return fen;
}

/** Quzhou's rule: the property company gets no more than 30% of a compound's reward; a street may set less. */
export const COMPANY_SHARE_CAP_PERCENT = 30;

/** Whether `companyFen` of `rewardFen` is within `percent`%: exactly, by cross-multiplication (30.01% is refused). */
export const companyShareAllowed = (companyFen: number, rewardFen: number, percent: number): boolean => BigInt(companyFen) * 100n <= BigInt(rewardFen) * BigInt(percent);

export const APPLICATION_STATUSES = ['applied', 'assigned', 'assessing', 'pending', 'confirmed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const RECIPIENT_KINDS = ['property_company', 'owners_committee', 'residents_committee', 'other'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const STARS_PAYOUT_KIND = 'supervision.stars_reward';
export const STARS_CONFIRM_APPROVAL = 'supervision.stars_confirm';
export const STARS_PUBLIC_PAGE = 'supervision.stars';
export const ALLOCATION_LINES_MAX = 20;
export const PURPOSE_MAX = 200;
