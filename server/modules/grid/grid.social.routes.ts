import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './grid.routes.ts';
import {
  AcceptBody,
  AdvanceBody,
  ApplicationBody,
  DissolveBody,
  EvaluationBody,
  FundingBody,
  MilestonesBody,
  OrgBody,
  OrgsQuery,
  ReportBody,
  ReturnBody,
  ReviewerBody,
  ReviewerParams,
  RoundBody,
  RoundsQuery,
  ScoreBody,
} from './grid.social.schemas.ts';
import { createApplication } from './use-cases/social-applications-create.ts';
import { evaluateProject } from './use-cases/social-evaluate.ts';
import { approveFunding, proposeFunding } from './use-cases/social-funding.ts';
import { setMilestones } from './use-cases/social-milestones-set.ts';
import { dissolveOrg } from './use-cases/social-orgs-dissolve.ts';
import { exportOrgsXlsx, listOrgs } from './use-cases/social-orgs-list.ts';
import { createOrg, updateOrg } from './use-cases/social-orgs-save.ts';
import { addReviewer, removeReviewer, reviewerOptions } from './use-cases/social-panel.ts';
import { socialPlaces } from './use-cases/social-places.ts';
import { mySocial } from './use-cases/social-public.ts';
import { decideReport, submitReport } from './use-cases/social-reports.ts';
import { getRound } from './use-cases/social-round-get.ts';
import { advanceRound } from './use-cases/social-rounds-advance.ts';
import { createRound } from './use-cases/social-rounds-create.ts';
import { listRounds } from './use-cases/social-rounds-list.ts';
import { submitScores } from './use-cases/social-scores-submit.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The social part's routes: organisations and 公益创投 rounds on the workbench; the open books on the H5. Thin. */
export function socialRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid social'];
  const S = '/api/grid/social';

  app.get(`${S}/places`, { schema: { tags, summary: 'The street and communities where I may read, register organisations or open rounds' } }, async (req) => socialPlaces(ctx(req)));
  app.get(`${S}/orgs`, { schema: { tags, summary: 'Community social organisations I may read: search, filter, sort, page', querystring: OrgsQuery } }, async (req) => listOrgs(ctx(req), req.query));
  app.get(`${S}/orgs/export.xlsx`, { schema: { tags, summary: 'The organisations as xlsx', querystring: OrgsQuery } }, async (req, reply) => {
    const file = await exportOrgsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(`${S}/orgs`, { schema: { tags, summary: 'Register a social organisation at a community or the street', body: OrgBody } }, async (req, reply) => reply.code(201).send(await createOrg(ctx(req), req.body)));
  app.put(`${S}/orgs/:id`, { schema: { tags, summary: 'Change a social organisation', params: IdParams, body: OrgBody } }, async (req) => updateOrg(ctx(req), req.params.id, req.body));
  app.post(`${S}/orgs/:id/dissolve`, { schema: { tags, summary: 'Record that an organisation dissolved, with the reason', params: IdParams, body: DissolveBody } }, async (req) => dissolveOrg(ctx(req), req.params.id, req.body.reason));

  app.get(`${S}/rounds`, { schema: { tags, summary: '公益创投 rounds I may read (or sit on the panel of)', querystring: RoundsQuery } }, async (req) => listRounds(ctx(req), req.query));
  app.post(`${S}/rounds`, { schema: { tags, summary: 'Open a round (a draft): pool, per-project cap, call dates', body: RoundBody } }, async (req, reply) => reply.code(201).send(await createRound(ctx(req), req.body)));
  app.get(`${S}/rounds/:id`, { schema: { tags, summary: 'A round: applications ranked, panel and scores, funded list, projects', params: IdParams } }, async (req) => getRound(ctx(req), req.params.id));
  app.post(`${S}/rounds/:id/advance`, { schema: { tags, summary: 'Move a round one step on (call, review, running, closed)', params: IdParams, body: AdvanceBody } }, async (req) => advanceRound(ctx(req), req.params.id, req.body.to));
  app.post(`${S}/rounds/:id/applications`, { schema: { tags, summary: 'Enter an application for an organisation while the call is open', params: IdParams, body: ApplicationBody } }, async (req, reply) =>
    reply.code(201).send(await createApplication(ctx(req), req.params.id, req.body)),
  );
  app.get(`${S}/rounds/:id/reviewer-options`, { schema: { tags, summary: 'Staff accounts that may sit on the round’s panel', params: IdParams } }, async (req) => reviewerOptions(ctx(req), req.params.id));
  app.post(`${S}/rounds/:id/reviewers`, { schema: { tags, summary: 'Name a reviewer, with an optional affiliation', params: IdParams, body: ReviewerBody } }, async (req, reply) => reply.code(201).send(await addReviewer(ctx(req), req.params.id, req.body)));
  app.delete(`${S}/rounds/:id/reviewers/:accountId`, { schema: { tags, summary: 'Take a reviewer without scores off the panel', params: ReviewerParams } }, async (req) => removeReviewer(ctx(req), req.params.id, req.params.accountId));
  app.post(`${S}/rounds/:id/funding`, { schema: { tags, summary: 'Propose the funded list (grants; sum ≤ pool)', params: IdParams, body: FundingBody } }, async (req, reply) => reply.code(201).send(await proposeFunding(ctx(req), req.params.id, req.body)));
  app.post(`${S}/rounds/:id/funding/approve`, { schema: { tags, summary: 'Approve the pending funded list (another account than the proposer)', params: IdParams } }, async (req) => approveFunding(ctx(req), req.params.id));

  app.put(`${S}/applications/:id/scores`, { schema: { tags, summary: 'My scores of an application (a panel member, not of my own organisation)', params: IdParams, body: ScoreBody } }, async (req) => submitScores(ctx(req), req.params.id, req.body));
  app.put(`${S}/applications/:id/milestones`, { schema: { tags, summary: 'A funded project’s milestones (tranches sum to the grant)', params: IdParams, body: MilestonesBody } }, async (req) => setMilestones(ctx(req), req.params.id, req.body));
  app.post(`${S}/applications/:id/evaluation`, { schema: { tags, summary: 'A funded project’s final evaluation', params: IdParams, body: EvaluationBody } }, async (req) => evaluateProject(ctx(req), req.params.id, req.body));
  app.post(
    `${S}/milestones/:id/reports`,
    { schema: { tags, summary: 'File a milestone’s report with its evidence', params: IdParams, description: `${MULTIPART_NOTE} Fields: note, labels (one per line, in the files' order).` } },
    async (req, reply) => {
      const { body, files } = await readForm(req, ReportBody);
      return reply.code(201).send(await submitReport(ctx(req), req.params.id, body, files));
    },
  );
  app.post(`${S}/reports/:id/accept`, { schema: { tags, summary: 'Accept a milestone report (its tranche is paid through the statement)', params: IdParams, body: AcceptBody } }, async (req) =>
    decideReport(ctx(req), req.params.id, { accept: true, note: req.body?.note }),
  );
  app.post(`${S}/reports/:id/return`, { schema: { tags, summary: 'Return a milestone report with the reason', params: IdParams, body: ReturnBody } }, async (req) =>
    decideReport(ctx(req), req.params.id, { accept: false, reason: req.body.reason }),
  );

  app.get('/api/me/grid/social', { schema: { tags, summary: 'The social organisations and funded projects of my community (open books)' } }, async (req) => mySocial(ctx(req)));
}
