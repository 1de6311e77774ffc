import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './grid.routes.ts';
import {
  DispatchBody,
  EndLiaisonBody,
  EventsQuery,
  LiaisonBody,
  LiaisonsQuery,
  NoteBody,
  PatrolBody,
  PatrolsQuery,
  RateBody,
  ReasonBody,
  ReportBody,
  ResolveBody,
} from './grid.events.schemas.ts';
import { acceptEvent } from './use-cases/events-accept.ts';
import { closeEvent } from './use-cases/events-close.ts';
import { dismissEvent } from './use-cases/events-dismiss.ts';
import { dispatchEvent } from './use-cases/events-dispatch.ts';
import { escalateEvent } from './use-cases/events-escalate.ts';
import { getEvent } from './use-cases/events-get.ts';
import { addLiaison } from './use-cases/events-liaison-add.ts';
import { endLiaison } from './use-cases/events-liaison-end.ts';
import { liaisonOptions } from './use-cases/events-liaison-options.ts';
import { exportLiaisonsXlsx, listLiaisons } from './use-cases/events-liaisons-list.ts';
import { exportEventsXlsx, listEvents } from './use-cases/events-list.ts';
import { myEvent, myEvents } from './use-cases/events-mine.ts';
import { recordPatrol } from './use-cases/events-patrol-record.ts';
import { listPatrols } from './use-cases/events-patrols-list.ts';
import { listEventPlaces } from './use-cases/events-places.ts';
import { rateEvent } from './use-cases/events-rate.ts';
import { reassignEvent } from './use-cases/events-reassign.ts';
import { rejectEvent } from './use-cases/events-reject.ts';
import { reopenEvent } from './use-cases/events-reopen.ts';
import { reportEvent } from './use-cases/events-report.ts';
import { resolveEvent } from './use-cases/events-resolve.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The events part's routes (网格事件, 执法进小区): the workbench's events, liaisons and patrols; the resident's 随手拍. Thin. */
export function eventsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid events'];
  const base = '/api/grid/events';
  const mine = '/api/me/grid/events';
  const xlsx = (name: string) => `attachment; filename="${name}.xlsx"`;

  app.get(base, { schema: { tags, summary: 'Grid events I may read — search, filter (status, category, body, overdue, place, my to-dos), sort, page', querystring: EventsQuery } }, async (req) => listEvents(ctx(req), req.query));
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The events list as xlsx', querystring: EventsQuery } }, async (req, reply) => {
    const file = await exportEventsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `${xlsx('grid-events')}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get(`${base}/places`, { schema: { tags, summary: 'The compounds (with buildings) where I may report an event' } }, async (req) => listEventPlaces(ctx(req), 'report'));
  app.post(base, { schema: { tags, summary: 'Report an event at a compound or building (待派遣)', description: `${MULTIPART_NOTE} Fields: placeId, location, category, description, urgency, patrolId.` } }, async (req, reply) => {
    const { body, files } = await readForm(req, ReportBody);
    return reply.code(201).send(await reportEvent(ctx(req), body, files, { as: 'staff' }));
  });
  app.get(`${base}/:id`, { schema: { tags, summary: 'An event with its photos, timeline and the actions I may take', params: IdParams } }, async (req) => getEvent(ctx(req), req.params.id));
  app.post(`${base}/:id/dispatch`, { schema: { tags, summary: '派遣: send a reported event to a body (property, committee, or a department line with a liaison)', params: IdParams, body: DispatchBody } }, async (req) =>
    dispatchEvent(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/reassign`, { schema: { tags, summary: '改派: send a dispatched or handled event to another body', params: IdParams, body: DispatchBody } }, async (req) => reassignEvent(ctx(req), req.params.id, req.body));
  app.post(`${base}/:id/accept`, { schema: { tags, summary: '受理: the body takes the event on', params: IdParams } }, async (req) => acceptEvent(ctx(req), req.params.id));
  app.post(`${base}/:id/reject`, { schema: { tags, summary: '退回: the body refuses the dispatch with a reason (back to 待派遣)', params: IdParams, body: ReasonBody } }, async (req) =>
    rejectEvent(ctx(req), req.params.id, req.body.reason),
  );
  app.post(
    `${base}/:id/resolve`,
    { schema: { tags, summary: '办结: the body records what it did (note, optional photos)', description: `${MULTIPART_NOTE} Fields: note.`, params: IdParams } },
    async (req) => {
      const { body, files } = await readForm(req, ResolveBody);
      return resolveEvent(ctx(req), req.params.id, body.note, files);
    },
  );
  app.post(`${base}/:id/close`, { schema: { tags, summary: '结案: the dispatcher checks a resolved event and closes it', params: IdParams, body: NoteBody } }, async (req) =>
    closeEvent(ctx(req), req.params.id, req.body.note ?? null),
  );
  app.post(`${base}/:id/dismiss`, { schema: { tags, summary: '不予受理: dismiss an invalid report with a reason (final)', params: IdParams, body: ReasonBody } }, async (req) =>
    dismissEvent(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${base}/:id/reopen`, { schema: { tags, summary: '重新办理: reopen a resolved or closed event with a reason (same body)', params: IdParams, body: ReasonBody } }, async (req) =>
    reopenEvent(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${base}/:id/escalate`, { schema: { tags, summary: '上报街道: escalate an open event to the street with a reason', params: IdParams, body: ReasonBody } }, async (req) =>
    escalateEvent(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${base}/:id/rate`, { schema: { tags, summary: 'Rate the handling of a closed event I reported (once)', params: IdParams, body: RateBody } }, async (req) => rateEvent(ctx(req), req.params.id, req.body));

  const liaisons = '/api/grid/liaisons';
  app.get(liaisons, { schema: { tags, summary: '执法进小区: the departments\' liaisons of my compounds', querystring: LiaisonsQuery } }, async (req) => listLiaisons(ctx(req), req.query));
  app.get(`${liaisons}/export.xlsx`, { schema: { tags, summary: 'The liaisons as xlsx', querystring: LiaisonsQuery } }, async (req, reply) => {
    const file = await exportLiaisonsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `${xlsx('grid-liaisons')}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get(`${liaisons}/options`, { schema: { tags, summary: 'The compounds, departments and reviewer accounts a liaison may be named from' } }, async (req) => liaisonOptions(ctx(req)));
  app.post(liaisons, { schema: { tags, summary: "Name a department's liaison for a compound and line", body: LiaisonBody } }, async (req, reply) => reply.code(201).send(await addLiaison(ctx(req), req.body)));
  app.post(`${liaisons}/:id/end`, { schema: { tags, summary: 'End a liaison (serves until the day given)', params: IdParams, body: EndLiaisonBody } }, async (req) => endLiaison(ctx(req), req.params.id, req.body.untilOn));

  const patrols = '/api/grid/patrols';
  app.get(patrols, { schema: { tags, summary: '联合巡查: the joint patrols at my compounds', querystring: PatrolsQuery } }, async (req) => listPatrols(ctx(req), req.query));
  app.get(`${patrols}/places`, { schema: { tags, summary: 'The compounds where I may record a joint patrol' } }, async (req) => listEventPlaces(ctx(req), 'patrol'));
  app.post(patrols, { schema: { tags, summary: 'Record a joint patrol (liaisons present, findings, optional photos)', description: `${MULTIPART_NOTE} Fields: compoundId, patrolOn, liaisonIds (comma-separated), findings.` } }, async (req, reply) => {
    const { body, files } = await readForm(req, PatrolBody);
    return reply.code(201).send(await recordPatrol(ctx(req), body, files));
  });

  app.get(mine, { schema: { tags, summary: '随手拍: the events I reported, and the compounds where I may report one' } }, async (req) => myEvents(ctx(req)));
  app.post(mine, { schema: { tags, summary: '随手拍: report an event at my compound', description: `${MULTIPART_NOTE} Fields: placeId, location, category, description, urgency.` } }, async (req, reply) => {
    const { body, files } = await readForm(req, ReportBody);
    return reply.code(201).send(await reportEvent(ctx(req), body, files, { as: 'resident' }));
  });
  app.get(`${mine}/:id`, { schema: { tags, summary: 'An event I reported, with its timeline', params: IdParams } }, async (req) => myEvent(ctx(req), req.params.id));
  app.post(`${mine}/:id/rate`, { schema: { tags, summary: 'Rate the handling of a closed event I reported (once)', params: IdParams, body: RateBody } }, async (req) => rateEvent(ctx(req), req.params.id, req.body));
}
