import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { SubsidyLinesQuery, SubsidyPolicyBody, SubsidyPolicyQuery } from './fees.subsidies.schemas.ts';
import { setSubsidyPolicy } from './use-cases/set-subsidy-policy.ts';
import { exportSubsidyLinesXlsx, getSubsidyPolicy, listMySubsidies, listSubsidyLines } from './use-cases/subsidy-reads.ts';
import { XLSX } from './fees.http.ts';


/** 先缴后补's routes: the street's policy, the subsidy lines (staff), my subsidies (household). Thin. */
export function subsidiesRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  app.get('/api/fees/subsidies/policy', { schema: { tags, summary: "The street's pay-first subsidy policy (the street of the place given) and its versions", querystring: SubsidyPolicyQuery } }, async (req) =>
    getSubsidyPolicy(ctx(req), req.query.placeId),
  );
  app.post('/api/fees/subsidies/policy', { schema: { tags, summary: "Set a new version of the street's pay-first subsidy policy (audited before/after)", body: SubsidyPolicyBody } }, async (req, reply) =>
    reply.code(201).send(await setSubsidyPolicy(ctx(req), req.body)),
  );
  app.get('/api/fees/subsidies/lines', { schema: { tags, summary: 'Subsidy lines of my places, with where each stands in the payout flow', querystring: SubsidyLinesQuery } }, async (req) =>
    listSubsidyLines(ctx(req), req.query),
  );
  app.get('/api/fees/subsidies/lines/export.xlsx', { schema: { tags, summary: 'The subsidy lines as xlsx', querystring: SubsidyLinesQuery } }, async (req, reply) => {
    const file = await exportSubsidyLinesXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="subsidies.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get('/api/me/fees/subsidies', { schema: { tags: ['resident'], summary: "My household's pay-first subsidies and their status", querystring: PageQuery } }, async (req) => listMySubsidies(ctx(req), req.query));
}
