import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AssessmentsQuery, CompoundPeriodParams, EvaluationBody, ScopePeriodQuery, SettingsBody, SettingsQuery, StreetPeriodBody } from './supervision.assessment.schemas.ts';
import { computeAssessment } from './use-cases/compute-assessment.ts';
import { getAssessmentOverview } from './use-cases/get-assessment-overview.ts';
import { getCompanyTrend } from './use-cases/get-company-trend.ts';
import { getCompoundAssessment } from './use-cases/get-compound-assessment.ts';
import { exportAssessmentsXlsx, listAssessments } from './use-cases/list-assessments.ts';
import { listEvaluations } from './use-cases/list-evaluations.ts';
import { recordEvaluation } from './use-cases/record-evaluation.ts';
import { requestPublication } from './use-cases/request-publication.ts';
import { getAssessmentSettings, updateAssessmentSettings } from './use-cases/update-assessment-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The assessment part's routes (settings, evaluations, computing, publishing, the results): thin. */
export function assessmentRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision assessment'];
  const base = '/api/supervision/assessment';

  app.get(`${base}/settings`, { schema: { tags, summary: "A street's assessment settings: the inputs' weights and the colour bands", querystring: SettingsQuery } }, async (req) =>
    getAssessmentSettings(ctx(req), req.query.streetId),
  );
  app.patch(`${base}/settings`, { schema: { tags, summary: 'Set the weights (adding up to 100) and the colour bands (tiling 0–100)', body: SettingsBody } }, async (req) =>
    updateAssessmentSettings(ctx(req), req.body),
  );
  app.get(`${base}/evaluations`, { schema: { tags, summary: "Compounds with the street's and the party organisation's evaluations of a period", querystring: ScopePeriodQuery } }, async (req) =>
    listEvaluations(ctx(req), req.query),
  );
  app.post(`${base}/evaluations`, { schema: { tags, summary: "Enter the street's or the party organisation's evaluation of a compound for a period", body: EvaluationBody } }, async (req) =>
    recordEvaluation(ctx(req), req.body),
  );
  app.post(`${base}/compute`, { schema: { tags, summary: "Compute a street's assessment of a quarter (replaces its draft results)", body: StreetPeriodBody } }, async (req) =>
    computeAssessment(ctx(req), req.body),
  );
  app.post(`${base}/publish`, { schema: { tags, summary: "Ask to publish a period's colours (another street official approves)", body: StreetPeriodBody } }, async (req, reply) =>
    reply.code(202).send(await requestPublication(ctx(req), req.body)),
  );
  app.get(`${base}/overview`, { schema: { tags, summary: "A period's state per street, colour distribution and company roll-ups", querystring: ScopePeriodQuery } }, async (req) =>
    getAssessmentOverview(ctx(req), req.query),
  );
  app.get(`${base}/trend`, { schema: { tags, summary: "Each company's roll-up over the last periods", querystring: ScopePeriodQuery } }, async (req) => getCompanyTrend(ctx(req), req.query));
  app.get(`${base}/compounds`, { schema: { tags, summary: "The compounds' scores and colours of a period (search compound or company, sort, page)", querystring: AssessmentsQuery } }, async (req) =>
    listAssessments(ctx(req), req.query),
  );
  app.get(`${base}/compounds/export.xlsx`, { schema: { tags, summary: "The compounds' scores and colours as xlsx", querystring: AssessmentsQuery } }, async (req, reply) => {
    const file = await exportAssessmentsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/:period/compounds/:compoundId`, { schema: { tags, summary: "How a compound's score of a period was computed, input by input", params: CompoundPeriodParams } }, async (req) =>
    getCompoundAssessment(ctx(req), req.params),
  );
}
