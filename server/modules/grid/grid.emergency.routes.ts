import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AnswerBody, AssignBody, CallUpBody, CorrectBody, DeclarationsQuery, DeclareBody, EndBody, HouseholdsQuery, MarkBody, RosterBody, ScreeningBody } from './grid.emergency.schemas.ts';
import { IdParams } from './grid.routes.ts';
import { assignBuilding } from './use-cases/emergency-assign.ts';
import { answerCallUp } from './use-cases/emergency-callup-answer.ts';
import { createCallUp } from './use-cases/emergency-callup-create.ts';
import { myCallUps } from './use-cases/emergency-callups-mine.ts';
import { claimHousehold } from './use-cases/emergency-claim.ts';
import { correctHousehold } from './use-cases/emergency-correct.ts';
import { screeningCoverage } from './use-cases/emergency-coverage.ts';
import { declareEmergency } from './use-cases/emergency-declare.ts';
import { endEmergency } from './use-cases/emergency-end.ts';
import { getDeclaration } from './use-cases/emergency-get.ts';
import { exportHouseholdsXlsx, listHouseholds } from './use-cases/emergency-households-list.ts';
import { exportDeclarationsXlsx, listDeclarations } from './use-cases/emergency-list.ts';
import { markHousehold } from './use-cases/emergency-mark.ts';
import { declarablePlaces } from './use-cases/emergency-places.ts';
import { volunteerReserve } from './use-cases/emergency-reserve.ts';
import { addRoster } from './use-cases/emergency-rosters-save.ts';
import { removeRoster } from './use-cases/emergency-rosters-remove.ts';
import { startScreening } from './use-cases/emergency-screening-start.ts';
import { unassignBuilding } from './use-cases/emergency-unassign.ts';
import { visitorOptions } from './use-cases/emergency-visitors.ts';
import { myVisits } from './use-cases/emergency-visits-mine.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The emergency part's routes: declarations, screening, rosters and call-ups on the workbench; my visits and call-ups for visitors and volunteers. Thin. */
export function emergencyRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid emergency'];
  const E = '/api/grid/emergency';
  const me = '/api/me/grid/emergency';

  app.get(`${E}/places`, { schema: { tags, summary: 'Compounds, communities and streets I may switch into emergency mode' } }, async (req) => declarablePlaces(ctx(req)));
  app.get(`${E}/declarations`, { schema: { tags, summary: 'Emergency declarations I read: active first, search, filter, sort, page', querystring: DeclarationsQuery } }, async (req) => listDeclarations(ctx(req), req.query));
  app.get(`${E}/declarations/export.xlsx`, { schema: { tags, summary: 'The declarations as xlsx', querystring: DeclarationsQuery } }, async (req, reply) => {
    const file = await exportDeclarationsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(`${E}/declarations`, { schema: { tags, summary: 'Switch a place into emergency mode (starts the screening, tells every resident urgently)', body: DeclareBody } }, async (req, reply) =>
    reply.code(201).send(await declareEmergency(ctx(req), req.body)),
  );
  app.get(`${E}/declarations/:id`, { schema: { tags, summary: 'A declaration: screening, buildings, assignments, rosters, call-ups', params: IdParams } }, async (req) => getDeclaration(ctx(req), req.params.id));
  app.post(`${E}/declarations/:id/end`, { schema: { tags, summary: 'End emergency mode with a summary: its records become read-only', params: IdParams, body: EndBody } }, async (req) => endEmergency(ctx(req), req.params.id, req.body));
  app.post(`${E}/declarations/:id/screening`, { schema: { tags, summary: 'Start the door-to-door screening with its checklist', params: IdParams, body: ScreeningBody } }, async (req, reply) =>
    reply.code(201).send(await startScreening(ctx(req), req.params.id, req.body ?? {})),
  );
  app.get(`${E}/declarations/:id/coverage`, { schema: { tags, summary: 'Screening coverage per building in real time', params: IdParams } }, async (req) => screeningCoverage(ctx(req), req.params.id));
  app.get(`${E}/declarations/:id/households`, { schema: { tags, summary: 'The screening’s households: filter, search, sort, page', params: IdParams, querystring: HouseholdsQuery } }, async (req) =>
    listHouseholds(ctx(req), req.params.id, req.query),
  );
  app.get(`${E}/declarations/:id/households/export.xlsx`, { schema: { tags, summary: 'The households as xlsx', params: IdParams, querystring: HouseholdsQuery } }, async (req, reply) => {
    const file = await exportHouseholdsXlsx(ctx(req), req.params.id, req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${E}/declarations/:id/visitors`, { schema: { tags, summary: 'Whom buildings and duty may be assigned to: staff who may screen here, approved volunteers', params: IdParams } }, async (req) =>
    visitorOptions(ctx(req), req.params.id),
  );
  app.post(`${E}/declarations/:id/assignments`, { schema: { tags, summary: 'Assign a building to a visitor', params: IdParams, body: AssignBody } }, async (req, reply) => reply.code(201).send(await assignBuilding(ctx(req), req.params.id, req.body)));
  app.delete(`${E}/assignments/:id`, { schema: { tags, summary: 'Take a building back from a visitor', params: IdParams } }, async (req) => unassignBuilding(ctx(req), req.params.id));
  app.post(`${E}/declarations/:id/rosters`, { schema: { tags, summary: 'Put someone on duty on a day at a post', params: IdParams, body: RosterBody } }, async (req, reply) => reply.code(201).send(await addRoster(ctx(req), req.params.id, req.body)));
  app.delete(`${E}/rosters/:id`, { schema: { tags, summary: 'Take a duty entry off the roster', params: IdParams } }, async (req) => removeRoster(ctx(req), req.params.id));
  app.post(`${E}/declarations/:id/call-ups`, { schema: { tags, summary: 'Call up the place’s approved volunteers (urgent)', params: IdParams, body: CallUpBody } }, async (req, reply) => reply.code(201).send(await createCallUp(ctx(req), req.params.id, req.body)));
  app.get(`${E}/declarations/:id/reserve`, { schema: { tags, summary: 'The place’s volunteer reserve against the 15% target', params: IdParams } }, async (req) => volunteerReserve(ctx(req), req.params.id));
  app.post(`${E}/households/:id/claim`, { schema: { tags, summary: 'Claim a household for 15 minutes (one visitor at a time)', params: IdParams } }, async (req) => claimHousehold(ctx(req), req.params.id));
  app.post(`${E}/households/:id/mark`, { schema: { tags, summary: 'Mark a household’s status with the checklist’s answers', params: IdParams, body: MarkBody } }, async (req) => markHousehold(ctx(req), req.params.id, req.body));
  app.post(`${E}/households/:id/correct`, { schema: { tags, summary: 'Correct a household’s status (a manager), with the reason', params: IdParams, body: CorrectBody } }, async (req) =>
    correctHousehold(ctx(req), req.params.id, req.body),
  );

  app.get(`${me}/visits`, { schema: { tags, summary: 'The buildings assigned to me and their households' } }, async (req) => myVisits(ctx(req)));
  app.get(`${me}/call-ups`, { schema: { tags, summary: 'Call-ups I am called to as a volunteer, with my answer' } }, async (req) => myCallUps(ctx(req)));
  app.post(`${me}/call-ups/:id/answer`, { schema: { tags, summary: 'Accept (take a slot) or decline a call-up', params: IdParams, body: AnswerBody } }, async (req) => answerCallUp(ctx(req), req.params.id, req.body));
}
