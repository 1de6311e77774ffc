import type { MyDecision } from '../../h5/api.ts';
import type { ElectionResult } from '../api.ts';

/** What the owner's page of an election needs besides the decision: the seats (the ballot's cap) and the candidates' rooms and party membership. */
export interface MyElectionInfo {
  seats: number;
  alternates: number;
  termYears: number;
  nominationUntil: string | null;
  candidates?: { no: number; itemNo?: number | null; name: string; roomLabel: string; partyMember: boolean; statement?: string }[];
}

/** The election's part of the owner's decision (GET /api/me/decisions/:id answers it as `election` for an election). */
export const electionOf = (d: MyDecision): MyElectionInfo | null => (d as MyDecision & { election?: MyElectionInfo | null }).election ?? null;

/** The published result's election part (stored beside the tally under `election`). */
export const electionResultOf = (d: MyDecision): ElectionResult | null => ((d.result as { election?: ElectionResult | null } | null)?.election ?? null);

/** How many candidates the ballot marks 同意. */
export const forCount = (choices: Record<string, string>): number => Object.values(choices).filter((c) => c === 'for').length;

/** A ballot marking more candidates 同意 than there are seats is refused: the form says so before sending. */
export const overCap = (d: MyDecision, choices: Record<string, string>): boolean => {
  const seats = d.kind === 'election' ? electionOf(d)?.seats : undefined;
  return seats !== undefined && forCount(choices) > seats;
};
