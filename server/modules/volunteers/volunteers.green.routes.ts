import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AdoptionsQuery, ApplyBody, CareBody, PlotBody, PlotsQuery, PlotUpdateBody, RatesQuery, ReasonBody } from './volunteers.green.schemas.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './volunteers.routes.ts';
import { decideAdoption, endAdoption } from './use-cases/green-adoptions-decide.ts';
import { applyForPlot, withdrawApplication } from './use-cases/green-adoptions-apply.ts';
import { exportAdoptionsXlsx, listAdoptions } from './use-cases/green-adoptions-list.ts';
import { postCare } from './use-cases/green-care-post.ts';
import { getPlot } from './use-cases/green-plot-get.ts';
import { exportPlotsXlsx, listPlots } from './use-cases/green-plots-list.ts';
import { closePlot, createPlot, updatePlot } from './use-cases/green-plots-save.ts';
import { compoundRates } from './use-cases/green-rates.ts';
import { myGreen, myGreenPlot } from './use-cases/green-resident.ts';
import { renderCertificate } from './use-cases/green-certificate.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The green part's routes (认栽认养): plots, adoptions and their review, the rates, and the resident's H5. Thin. */
export function greenRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['volunteers green'];
  const base = '/api/volunteers/green';

  app.get(`${base}/plots`, { schema: { tags, summary: 'Green plots in my places: search, filter by place and status, sort, page', querystring: PlotsQuery } }, async (req) => listPlots(ctx(req), req.query));
  app.get(`${base}/plots/export.xlsx`, { schema: { tags, summary: 'The green plots as xlsx', querystring: PlotsQuery } }, async (req, reply) => {
    const file = await exportPlotsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName, 'plots.xlsx')).send(file.content);
  });
  app.post(`${base}/plots`, { schema: { tags, summary: 'Add a green plot to a compound (area in m², two decimals at most)', body: PlotBody } }, async (req, reply) => reply.code(201).send(await createPlot(ctx(req), req.body)));
  app.get(`${base}/plots/:id`, { schema: { tags, summary: 'A plot with its adoptions and care records', params: IdParams } }, async (req) => getPlot(ctx(req), req.params.id));
  app.put(`${base}/plots/:id`, { schema: { tags, summary: "Edit a plot's name, area, location or description", params: IdParams, body: PlotUpdateBody } }, async (req) => updatePlot(ctx(req), req.params.id, req.body));
  app.post(`${base}/plots/:id/close`, { schema: { tags, summary: 'Close a plot with a reason (refused while adopted)', params: IdParams, body: ReasonBody } }, async (req) => closePlot(ctx(req), req.params.id, req.body.reason));

  app.get(`${base}/adoptions`, { schema: { tags, summary: 'Adoptions and applications in my places: filter, search, sort, page', querystring: AdoptionsQuery } }, async (req) => listAdoptions(ctx(req), req.query));
  app.get(`${base}/adoptions/export.xlsx`, { schema: { tags, summary: 'The adoptions as xlsx', querystring: AdoptionsQuery } }, async (req, reply) => {
    const file = await exportAdoptionsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName, 'adoptions.xlsx')).send(file.content);
  });
  app.post(`${base}/adoptions/:id/approve`, { schema: { tags, summary: 'Approve an application (refused when an active adoption overlaps)', params: IdParams } }, async (req) =>
    decideAdoption(ctx(req), req.params.id, { decision: 'approve' }),
  );
  app.post(`${base}/adoptions/:id/reject`, { schema: { tags, summary: 'Reject an application with a reason', params: IdParams, body: ReasonBody } }, async (req) =>
    decideAdoption(ctx(req), req.params.id, { decision: 'reject', reason: req.body.reason }),
  );
  app.post(`${base}/adoptions/:id/end`, { schema: { tags, summary: 'End an active adoption early with a reason', params: IdParams, body: ReasonBody } }, async (req) => endAdoption(ctx(req), req.params.id, req.body.reason));
  app.get(`${base}/rates`, { schema: { tags, summary: "Each compound's adoption rate by area today", querystring: RatesQuery } }, async (req) => compoundRates(ctx(req), req.query.placeId));

  const me = '/api/me/volunteers/green';
  app.get(me, { schema: { tags, summary: "My compounds' green plots and my adoptions" } }, async (req) => myGreen(ctx(req)));
  app.get(`${me}/plots/:id`, { schema: { tags, summary: "A plot of my compound with its care records and my adoptions of it", params: IdParams } }, async (req) => myGreenPlot(ctx(req), req.params.id));
  app.post(`${me}/plots/:id/adoptions`, { schema: { tags, summary: 'Apply to adopt a plot for a period (at most two years), for me or my household', params: IdParams, body: ApplyBody } }, async (req, reply) =>
    reply.code(201).send(await applyForPlot(ctx(req), req.params.id, req.body)),
  );
  app.post(`${me}/adoptions/:id/withdraw`, { schema: { tags, summary: 'Withdraw my application while it waits', params: IdParams } }, async (req) => withdrawApplication(ctx(req), req.params.id));
  app.post(`${me}/adoptions/:id/care`, { schema: { tags, summary: `Post a care record of my adoption with photos. ${MULTIPART_NOTE}`, params: IdParams } }, async (req, reply) => {
    const { body, files } = await readForm(req, CareBody);
    return reply.code(201).send(await postCare(ctx(req), req.params.id, body, files));
  });
  app.get(`${me}/adoptions/:id/certificate.pdf`, { schema: { tags, summary: 'My adoption certificate as PDF, with a QR code to the plot’s page', params: IdParams } }, async (req, reply) => {
    const root = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
    const file = await renderCertificate(ctx(req), req.params.id, (plotId) => `${root}/h5/volunteers/green/plots/${plotId}`);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(file.fileName, 'certificate.pdf')).send(file.pdf);
  });
}
