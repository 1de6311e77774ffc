import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  BookBody,
  BookingsQuery,
  CasesQuery,
  FiguresQuery,
  HandoverBody,
  OpenCaseBody,
  PointBody,
  ReasonBody,
  ResidentsQuery,
  ResultBody,
  SendBody,
  ServiceBody,
  SettingsBody,
  StreetQuery,
} from './grid.agency.schemas.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './grid.routes.ts';
import { bookAgency } from './use-cases/agency-book.ts';
import { decideBooking } from './use-cases/agency-bookings-decide.ts';
import { listBookings } from './use-cases/agency-bookings-list.ts';
import { getCase } from './use-cases/agency-cases-get.ts';
import { handOver } from './use-cases/agency-cases-handover.ts';
import { exportCasesXlsx, listCases } from './use-cases/agency-cases-list.ts';
import { openCase } from './use-cases/agency-cases-open.ts';
import { recordResult } from './use-cases/agency-cases-result.ts';
import { sendCase } from './use-cases/agency-cases-send.ts';
import { withdrawCase } from './use-cases/agency-cases-withdraw.ts';
import { agencyCompounds } from './use-cases/agency-compounds.ts';
import { agencyFiguresByService } from './use-cases/agency-figures.ts';
import { myAgency } from './use-cases/agency-mine.ts';
import { myCase } from './use-cases/agency-mine-case.ts';
import { getPoint, listPoints, pointResidents } from './use-cases/agency-points.ts';
import { createPoint, updatePoint } from './use-cases/agency-points-save.ts';
import { listServices } from './use-cases/agency-services.ts';
import { createService, updateService } from './use-cases/agency-services-save.ts';
import { agencySettings, saveAgencySettings } from './use-cases/agency-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The agency part's routes (政务服务代办点): services, points, cases, bookings and figures on the workbench; my cases and bookings on the H5. Thin. */
export function agencyRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid agency'];
  const A = '/api/grid/agency';
  const me = '/api/me/grid/agency';

  app.get(`${A}/services`, { schema: { tags, summary: 'The services agency points may accept (the street’s list)', querystring: StreetQuery } }, async (req) => listServices(ctx(req), req.query));
  app.post(`${A}/services`, { schema: { tags, summary: 'Add a service (the street)', body: ServiceBody } }, async (req, reply) => reply.code(201).send(await createService(ctx(req), req.body)));
  app.put(`${A}/services/:id`, { schema: { tags, summary: 'Change a service (the street)', params: IdParams, body: ServiceBody } }, async (req) => updateService(ctx(req), req.params.id, req.body));
  app.get(`${A}/settings`, { schema: { tags, summary: 'The street’s retention of case documents', querystring: StreetQuery } }, async (req) => agencySettings(ctx(req), req.query.streetId));
  app.put(`${A}/settings`, { schema: { tags, summary: 'Set the days a completed case’s documents are kept (the street)', body: SettingsBody } }, async (req) => saveAgencySettings(ctx(req), req.body));

  app.get(`${A}/compounds`, { schema: { tags, summary: 'Compounds the street may set points up at, with the company serving each' } }, async (req) => agencyCompounds(ctx(req)));
  app.get(`${A}/points`, { schema: { tags, summary: 'Agency points I may read (property staff: the points they staff)' } }, async (req) => listPoints(ctx(req)));
  app.post(`${A}/points`, { schema: { tags, summary: 'Set up a property office as an agency point (the street)', body: PointBody } }, async (req, reply) => reply.code(201).send(await createPoint(ctx(req), req.body)));
  app.get(`${A}/points/:id`, { schema: { tags, summary: 'An agency point with its services', params: IdParams } }, async (req) => getPoint(ctx(req), req.params.id));
  app.put(`${A}/points/:id`, { schema: { tags, summary: 'Change an agency point (the street)', params: IdParams, body: PointBody } }, async (req) => updatePoint(ctx(req), req.params.id, req.body));
  app.get(`${A}/points/:id/residents`, { schema: { tags, summary: 'The compound’s owners and tenants, to pick a case’s applicant (the point’s staff)', params: IdParams, querystring: ResidentsQuery } }, async (req) =>
    pointResidents(ctx(req), req.params.id, req.query.q),
  );

  app.get(`${A}/cases`, { schema: { tags, summary: 'Cases of the points I may read: search, filter, sort, page', querystring: CasesQuery } }, async (req) => listCases(ctx(req), req.query));
  app.get(`${A}/cases/export.xlsx`, { schema: { tags, summary: 'The cases as xlsx', querystring: CasesQuery } }, async (req, reply) => {
    const file = await exportCasesXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(
    `${A}/cases`,
    { schema: { tags, summary: 'Open a case for a resident at a point I staff, with its documents', description: `${MULTIPART_NOTE} Fields: pointId, serviceId, personId or name + phone, idNumber, labels (one per line, in the files' order), note.` } },
    async (req, reply) => {
      const { body, files } = await readForm(req, OpenCaseBody);
      return reply.code(201).send(await openCase(ctx(req), body, files));
    },
  );
  app.get(`${A}/cases/:id`, { schema: { tags, summary: 'A case: details, documents, timeline and what I may do', params: IdParams } }, async (req) => getCase(ctx(req), req.params.id));
  app.post(`${A}/cases/:id/send`, { schema: { tags, summary: 'Send a case on to the department (转报)', params: IdParams, body: SendBody } }, async (req) => sendCase(ctx(req), req.params.id, req.body ?? {}));
  app.post(`${A}/cases/:id/result`, { schema: { tags, summary: 'Record the department’s result (success, or refused with a reason)', params: IdParams, body: ResultBody } }, async (req) =>
    recordResult(ctx(req), req.params.id, req.body),
  );
  app.post(`${A}/cases/:id/handover`, { schema: { tags, summary: 'Hand the result over (day, in person or delivered): the case is completed', params: IdParams, body: HandoverBody } }, async (req) =>
    handOver(ctx(req), req.params.id, req.body),
  );
  app.post(`${A}/cases/:id/withdraw`, { schema: { tags, summary: 'Withdraw an unfinished case, with the reason', params: IdParams, body: ReasonBody } }, async (req) => withdrawCase(ctx(req), req.params.id, req.body));

  app.get(`${A}/bookings`, { schema: { tags, summary: 'Residents’ bookings at the points I may read', querystring: BookingsQuery } }, async (req) => listBookings(ctx(req), req.query));
  app.post(`${A}/bookings/:id/confirm`, { schema: { tags, summary: 'Confirm a booking (the point’s staff)', params: IdParams } }, async (req) => decideBooking(ctx(req), req.params.id, { confirm: true }));
  app.post(`${A}/bookings/:id/decline`, { schema: { tags, summary: 'Decline a booking with the reason (the point’s staff)', params: IdParams, body: ReasonBody } }, async (req) =>
    decideBooking(ctx(req), req.params.id, { confirm: false, reason: req.body.reason }),
  );
  app.get(`${A}/figures`, { schema: { tags, summary: 'Cases by service per point for a month: accepted, completed, on time', querystring: FiguresQuery } }, async (req) => agencyFiguresByService(ctx(req), req.query));

  app.get(me, { schema: { tags, summary: 'My agency cases and bookings, and the points of my compounds' } }, async (req) => myAgency(ctx(req)));
  app.get(`${me}/cases/:id`, { schema: { tags, summary: 'A case of mine: its steps and the labels of its documents', params: IdParams } }, async (req) => myCase(ctx(req), req.params.id));
  app.post(`${me}/bookings`, { schema: { tags, summary: 'Book a visit to a point of my compound, or a home visit', body: BookBody } }, async (req, reply) => reply.code(201).send(await bookAgency(ctx(req), req.body)));
}
