/** The ratings part's vocabulary (the owner's right to rate), free of dependencies: the web reads it through contract.ts. */

/**
 * The five service dimensions an owner rates, 1–5 each: 环境卫生 (cleaning), 秩序维护 (security and order),
 * 维修养护 (repairs and upkeep), 绿化养护 (greenery), 服务态度 (service attitude). Also the table's column names.
 */
export const RATING_DIMENSIONS = ['cleaning', 'security', 'repairs', 'greenery', 'attitude'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_COMMENT_MAX = 500;
/**
 * Why a month of a compound is not rateable for the owner, or that it is: `rateable`; `rated` (once, never
 * changed); `unpaid` (a bill of the month still open); `noBills` (no owners' bill overlaps the month);
 * `noCompany` (a self-managed compound has no company to rate).
 */
export const RATING_STATES = ['rateable', 'rated', 'unpaid', 'noBills', 'noCompany'] as const;
export type RatingState = (typeof RATING_STATES)[number];
