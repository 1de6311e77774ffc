import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AllocationBody, ApplicationsQuery, ApplyBody, AssignBody, CompoundParams, CompoundStarsQuery, IdParams, StarSettingsBody, StreetQuery } from './supervision.stars.schemas.ts';
import { applyForStars } from './use-cases/apply-for-stars.ts';
import { assignStarAssessor, listStarAssessors } from './use-cases/assign-star-assessor.ts';
import { getStarApplication } from './use-cases/get-star-application.ts';
import { compoundStarHistory, exportCompoundStarsXlsx, listCompoundStars } from './use-cases/list-compound-stars.ts';
import { listStarApplications } from './use-cases/list-star-applications.ts';
import { listApplicableCompounds, listStarStreets } from './use-cases/list-star-streets.ts';
import { recordRewardAllocation } from './use-cases/record-reward-allocation.ts';
import { requestStarConfirmation } from './use-cases/request-star-confirmation.ts';
import { startStarAssessment } from './use-cases/start-star-assessment.ts';
import { getStarSettings, updateStarSettings } from './use-cases/update-star-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The stars part's routes (有礼小区 三类五星): settings, applications and their steps, the compounds' stars. Thin. */
export function starsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision stars'];
  const base = '/api/supervision/stars';

  app.get(`${base}/streets`, { schema: { tags, summary: 'The streets where I read stars, and whether I manage them there' } }, async (req) => listStarStreets(ctx(req)));
  app.get(`${base}/applicable-compounds`, { schema: { tags, summary: 'The compounds I may apply for, with the star in force at each' } }, async (req) => listApplicableCompounds(ctx(req)));
  app.get(`${base}/settings`, { schema: { tags, summary: "A street's star bands, the reward per level and the company's largest share", querystring: StreetQuery } }, async (req) =>
    getStarSettings(ctx(req), req.query.streetId),
  );
  app.put(`${base}/settings`, { schema: { tags, summary: 'Set the star bands (rising minimums), the reward per level and the company’s share (at most 30%)', body: StarSettingsBody } }, async (req) =>
    updateStarSettings(ctx(req), req.body),
  );
  app.get(`${base}/applications`, { schema: { tags, summary: 'Star applications (an assessor: those assigned to them); search, filter by status, sort, page', querystring: ApplicationsQuery } }, async (req) =>
    listStarApplications(ctx(req), req.query),
  );
  app.post(`${base}/applications`, { schema: { tags, summary: "Apply for a star level for a compound (the community or the owners' committee)", body: ApplyBody } }, async (req, reply) =>
    reply.code(201).send(await applyForStars(ctx(req), req.body)),
  );
  app.get(`${base}/applications/:id`, { schema: { tags, summary: 'An application: assessor, inspection, score → star and type, confirmation, reward and allocation', params: IdParams } }, async (req) =>
    getStarApplication(ctx(req), req.params.id),
  );
  app.get(`${base}/applications/:id/assessors`, { schema: { tags, summary: 'The third-party assessors the street may assign to the application', params: IdParams } }, async (req) =>
    listStarAssessors(ctx(req), req.params.id),
  );
  app.post(`${base}/applications/:id/assessor`, { schema: { tags, summary: 'Assign (or reassign, before scoring starts) the third-party assessor', params: IdParams, body: AssignBody } }, async (req) =>
    assignStarAssessor(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/applications/:id/assessment`, { schema: { tags, summary: "The assigned assessor starts (or resumes) the application's civility inspection", params: IdParams } }, async (req) =>
    startStarAssessment(ctx(req), req.params.id),
  );
  app.post(`${base}/applications/:id/confirmation`, { schema: { tags, summary: 'Ask to confirm the star the score gives (another street official approves)', params: IdParams } }, async (req, reply) =>
    reply.code(202).send(await requestStarConfirmation(ctx(req), req.params.id)),
  );
  app.put(`${base}/applications/:id/allocation`, { schema: { tags, summary: "Record the reward's allocation (adds up to the reward; the company at most its cap)", params: IdParams, body: AllocationBody } }, async (req) =>
    recordRewardAllocation(ctx(req), req.params.id, req.body),
  );
  app.get(`${base}/compounds`, { schema: { tags, summary: 'The star in force at each compound (search, filter by stars, sort, page)', querystring: CompoundStarsQuery } }, async (req) =>
    listCompoundStars(ctx(req), req.query),
  );
  app.get(`${base}/compounds/export.xlsx`, { schema: { tags, summary: "The compounds' stars as xlsx", querystring: CompoundStarsQuery } }, async (req, reply) => {
    const file = await exportCompoundStarsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/compounds/:compoundId/history`, { schema: { tags, summary: "A compound's star history", params: CompoundParams } }, async (req) =>
    compoundStarHistory(ctx(req), req.params.compoundId),
  );
}
