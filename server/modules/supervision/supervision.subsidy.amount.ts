/**
 * The subsidy of a compound meeting the standard for a quarter: its rooms × the rate per room, at most the cap —
 * whole fen throughout, so exact with no rounding (the policy's rate is in fen per room per quarter). As a payout
 * line: quantity × unit = amount, i.e. rooms × rate, or 1 × the cap when the cap applies.
 */
export function subsidyAmount(rooms: number, rateFen: number, capFen: number): { quantity: number; unitFen: number; amountFen: number; capped: boolean } {
  const full = rooms * rateFen;
  if (full > capFen) return { quantity: 1, unitFen: capFen, amountFen: capFen, capped: true };
  return { quantity: rooms, unitFen: rateFen, amountFen: full, capped: false };
}
