import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { IdParams } from './decisions.schemas.ts';
import {
  CandidateParams,
  ConsentBody,
  CorrectCandidacyBody,
  CreateElectionBody,
  DepartmentBody,
  DepartmentParams,
  DepartmentPatch,
  LotsBody,
  MyCandidacyParams,
  MyCorrectBody,
  NominateBody,
  QueueQuery,
  ReportQuery,
  ReviewerCandidatesQuery,
  SelfNominateBody,
  StreetQuery,
  VerdictBody,
  WithdrawBody,
} from './elections.schemas.ts';
import { correctCandidacy } from './use-cases/correct-candidacy.ts';
import { createElection } from './use-cases/create-election.ts';
import { drawLots } from './use-cases/draw-lots.ts';
import { electionReport, electionReportXlsx } from './use-cases/election-report.ts';
import { getElection } from './use-cases/get-election.ts';
import { correctMyCandidacy, myCandidacies } from './use-cases/my-candidacies.ts';
import { nominateCandidate } from './use-cases/nominate-candidate.ts';
import { nominateMyself } from './use-cases/nominate-myself.ts';
import { openByElection, openRunoff } from './use-cases/open-follow-up-election.ts';
import { placeCandidatesOnBallot } from './use-cases/place-candidates.ts';
import { recordConsent } from './use-cases/record-consent.ts';
import { recordVerdict } from './use-cases/record-verdict.ts';
import { createVettingDepartment, listVettingDepartments, reviewerCandidates, updateVettingDepartment } from './use-cases/vetting-departments.ts';
import { vettingQueue } from './use-cases/vetting-queue.ts';
import { withdrawCandidate } from './use-cases/withdraw-candidate.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 业委会选举 (Decisions 4/4): candidates, joint vetting, the ballot of approved candidates, tie-breaks, the report. Thin routes. */
export function electionsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['decisions'];
  const resident = ['resident'];

  // ——— the street's vetting departments (联审部门) and the reviewer's queue; static paths before /:id ———
  app.get('/api/decisions/vetting/departments', { schema: { tags, summary: "The street's departments that vet election candidates, with their reviewers", querystring: StreetQuery } }, async (req) =>
    listVettingDepartments(ctx(req), req.query.streetId),
  );
  app.post('/api/decisions/vetting/departments', { schema: { tags, summary: 'Add a vetting department (street officials)', body: DepartmentBody } }, async (req, reply) =>
    reply.code(201).send(await createVettingDepartment(ctx(req), req.body)),
  );
  app.patch('/api/decisions/vetting/departments/:departmentId', { schema: { tags, summary: 'Rename, reorder, switch off a vetting department or change its reviewers', params: DepartmentParams, body: DepartmentPatch } }, async (req) =>
    updateVettingDepartment(ctx(req), req.params.departmentId, req.body),
  );
  app.get('/api/decisions/vetting/reviewer-candidates', { schema: { tags, summary: 'Staff accounts with a grant in the street, who may be named reviewers', querystring: ReviewerCandidatesQuery } }, async (req) =>
    reviewerCandidates(ctx(req), req.query.streetId, req.query.q),
  );
  app.get('/api/decisions/vetting/queue', { schema: { tags, summary: 'Candidates awaiting a verdict from a department I review for', querystring: QueueQuery } }, async (req) =>
    vettingQueue(ctx(req), req.query),
  );

  // ——— elections ———
  app.post('/api/decisions/elections', { schema: { tags, summary: "Draft an owners' committee election at a compound (seats, term, tie-break from its rules)", body: CreateElectionBody } }, async (req, reply) =>
    reply.code(201).send(await createElection(ctx(req), req.body)),
  );
  app.get('/api/decisions/elections/report', { schema: { tags, summary: "Owners' committees per compound: coverage and the party members' share", querystring: ReportQuery } }, async (req) =>
    electionReport(ctx(req), req.query.placeId),
  );
  app.get('/api/decisions/elections/report.xlsx', { schema: { tags, summary: 'The committees report as xlsx', querystring: ReportQuery } }, async (req, reply) => {
    const file = await electionReportXlsx(ctx(req), req.query.placeId);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get('/api/decisions/:id/election', { schema: { tags, summary: 'An election: settings, candidates with the vetting matrix, the result, what I may do', params: IdParams } }, async (req) =>
    getElection(ctx(req), req.params.id),
  );
  app.post('/api/decisions/:id/candidates', { schema: { tags, summary: 'Nominate a candidate (while nominations are open)', params: IdParams, body: NominateBody } }, async (req, reply) =>
    reply.code(201).send(await nominateCandidate(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/decisions/:id/candidates/ballot', { schema: { tags, summary: 'Put the approved candidates on the ballot (replaces its items)', params: IdParams } }, async (req) =>
    placeCandidatesOnBallot(ctx(req), req.params.id),
  );
  app.post('/api/decisions/:id/candidates/:candidateId/consent', { schema: { tags, summary: "Record the candidate's written consent to the background vetting", params: CandidateParams, body: ConsentBody } }, async (req) =>
    recordConsent(ctx(req), req.params.id, req.params.candidateId, req.body),
  );
  app.post('/api/decisions/:id/candidates/:candidateId/verdicts', { schema: { tags, summary: "A department's verdict on a candidate: approve, reject or return, with a reason", params: CandidateParams, body: VerdictBody } }, async (req, reply) =>
    reply.code(201).send(await recordVerdict(ctx(req), req.params.id, req.params.candidateId, req.body)),
  );
  app.post('/api/decisions/:id/candidates/:candidateId/correct', { schema: { tags, summary: 'Correct a candidate returned for correction (the next round of vetting)', params: CandidateParams, body: CorrectCandidacyBody } }, async (req) =>
    correctCandidacy(ctx(req), req.params.id, req.params.candidateId, req.body),
  );
  app.post('/api/decisions/:id/candidates/:candidateId/withdraw', { schema: { tags, summary: 'A candidate withdraws', params: CandidateParams, body: WithdrawBody } }, async (req) =>
    withdrawCandidate(ctx(req), req.params.id, req.params.candidateId, req.body),
  );
  app.post('/api/decisions/:id/lots', { schema: { tags, summary: 'Record the drawing of lots at a tie for the last seat (the result is recomputed)', params: IdParams, body: LotsBody } }, async (req) =>
    drawLots(ctx(req), req.params.id, req.body),
  );
  app.post('/api/decisions/:id/runoff', { schema: { tags, summary: 'Open a run-off election among the tied for the seats left', params: IdParams } }, async (req, reply) =>
    reply.code(201).send(await openRunoff(ctx(req), req.params.id)),
  );
  app.post('/api/decisions/:id/by-election', { schema: { tags, summary: 'Open a by-election for the vacant seats', params: IdParams } }, async (req, reply) =>
    reply.code(201).send(await openByElection(ctx(req), req.params.id)),
  );

  // ——— the candidate (H5) ———
  app.post('/api/me/decisions/:id/candidacy', { schema: { tags: resident, summary: 'Nominate myself (an owner in the compound), consenting to the vetting', params: IdParams, body: SelfNominateBody } }, async (req, reply) =>
    reply.code(201).send(await nominateMyself(ctx(req), req.params.id, req.body)),
  );
  app.get('/api/me/candidacies', { schema: { tags: resident, summary: 'My candidacies: status and each department’s verdict with its reason' } }, async (req) => myCandidacies(ctx(req)));
  app.post('/api/me/candidacies/:candidateId/correct', { schema: { tags: resident, summary: 'Correct my candidacy after a return', params: MyCandidacyParams, body: MyCorrectBody } }, async (req) =>
    correctMyCandidacy(ctx(req), req.params.candidateId, req.body),
  );
}
