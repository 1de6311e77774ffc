import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CompoundParams, SubsidyCompoundsQuery, SubsidyListingBody, SubsidyPolicyBody, SubsidyQuarterQuery, SubsidyStreetQuery } from './supervision.subsidy.schemas.ts';
import { listSubsidyCompound, unlistSubsidyCompound } from './use-cases/enlist-subsidy-compound.ts';
import { exportSubsidyQuarterXlsx, getSubsidyQuarter } from './use-cases/get-subsidy-quarter.ts';
import { listSubsidyCandidates, listSubsidyCompounds } from './use-cases/list-subsidy-compounds.ts';
import { getSubsidyPolicies, setSubsidyPolicy } from './use-cases/set-subsidy-policy.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The subsidy part's routes (达标补贴: the list, the policy versions, a quarter's standing and amounts): thin. */
export function subsidyRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision subsidy'];
  const base = '/api/supervision/subsidy';

  app.get(`${base}/compounds`, { schema: { tags, summary: 'The compounds listed for the subsidy (search, sort, page)', querystring: SubsidyCompoundsQuery } }, async (req) =>
    listSubsidyCompounds(ctx(req), req.query),
  );
  app.get(`${base}/candidates`, { schema: { tags, summary: "A street's compounds with company, rooms and whether listed (for listing)", querystring: SubsidyStreetQuery } }, async (req) =>
    listSubsidyCandidates(ctx(req), req.query.streetId),
  );
  app.post(`${base}/compounds`, { schema: { tags, summary: 'List a compound from a quarter (to an optional last quarter), or change its quarters', body: SubsidyListingBody } }, async (req) =>
    listSubsidyCompound(ctx(req), req.body),
  );
  app.delete(`${base}/compounds/:compoundId`, { schema: { tags, summary: 'Take a compound off the list', params: CompoundParams } }, async (req) => unlistSubsidyCompound(ctx(req), req.params.compoundId));
  app.get(`${base}/policies`, { schema: { tags, summary: "A street's policy versions (threshold, rate per room, cap), newest first", querystring: SubsidyStreetQuery } }, async (req) =>
    getSubsidyPolicies(ctx(req), req.query.streetId),
  );
  app.post(`${base}/policies`, { schema: { tags, summary: 'Set the policy applying from a quarter on (replaces that quarter’s version)', body: SubsidyPolicyBody } }, async (req) =>
    setSubsidyPolicy(ctx(req), req.body),
  );
  app.get(`${base}/quarter`, { schema: { tags, summary: "A quarter's listed compounds: published score, meets the standard or why not, amount, statement", querystring: SubsidyQuarterQuery } }, async (req) =>
    getSubsidyQuarter(ctx(req), req.query),
  );
  app.get(`${base}/quarter/export.xlsx`, { schema: { tags, summary: "A quarter's listed compounds and amounts as xlsx", querystring: SubsidyQuarterQuery } }, async (req, reply) => {
    const file = await exportSubsidyQuarterXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
}
