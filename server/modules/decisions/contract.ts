/**
 * What the web may know of the decisions module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './decisions.constants.ts';
export type { CreateDecisionBody, CreateRulesBody } from './decisions.schemas.ts';
export type { listDecisions } from './use-cases/list-decisions.ts';
export type { getDecision } from './use-cases/get-decision.ts';
export type { getMyDecision } from './use-cases/get-my-decision.ts';
export type { myDecisions } from './use-cases/my-decisions.ts';
export type { listRoll } from './use-cases/list-roll.ts';
export type { listRules } from './use-cases/list-rules.ts';
export type { Tally, ItemTally, Choice } from './tally.ts';
export type { scrutineerCandidates } from './use-cases/scrutineer-candidates.ts';
export type { listCanvass } from './use-cases/list-canvass.ts';
export type { listSheets, sheetByCode } from './use-cases/list-sheets.ts';
export type { listPaperBallots, PaperBallot } from './use-cases/list-paper-ballots.ts';
export type { listProxies } from './use-cases/list-proxies.ts';
export type { deliveryReport } from './use-cases/delivery-report.ts';
export type { lookUpReceipt } from './use-cases/board.ts';
// ——— owners' committee elections (Decisions 4/4) ———
export type { CreateElectionBody, NominateBody, VerdictBody, CorrectCandidacyBody, LotsBody, DepartmentBody, DepartmentPatch, SelfNominateBody } from './elections.schemas.ts';
export type { getElection } from './use-cases/get-election.ts';
export type { vettingQueue } from './use-cases/vetting-queue.ts';
export type { listVettingDepartments, reviewerCandidates } from './use-cases/vetting-departments.ts';
export type { myCandidacies } from './use-cases/my-candidacies.ts';
export type { electionReport } from './use-cases/election-report.ts';
export type { ElectionResult, ElectionEntry, Share } from './election.ts';
export type { ElectedMember } from './use-cases/election-members.ts';
