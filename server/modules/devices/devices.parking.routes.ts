import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AddSpacesBody, AlertsQuery, HandleBody, LiveQuery, PlaceParams, RuleBody, SessionsQuery, SettleBody, SpacesQuery, TariffBody, UpdateRuleBody, UpdateSpaceBody } from './devices.parking.schemas.ts';
import { handleAlert } from './use-cases/alerts-handle.ts';
import { countOpenAlerts, exportAlertsXlsx, listAlerts } from './use-cases/alerts-list.ts';
import { listAlertRules } from './use-cases/alerts-rules-list.ts';
import { createAlertRule } from './use-cases/alerts-rules-save.ts';
import { updateAlertRule } from './use-cases/alerts-rules-update.ts';
import { liveCarPark, liveCarParks } from './use-cases/parking-live.ts';
import { exportSessionsXlsx, listSessions } from './use-cases/parking-sessions-list.ts';
import { settleSession } from './use-cases/parking-sessions-settle.ts';
import { addSpaces } from './use-cases/parking-spaces-add.ts';
import { exportSpacesXlsx, listSpaces } from './use-cases/parking-spaces-list.ts';
import { removeSpace } from './use-cases/parking-spaces-remove.ts';
import { updateSpace } from './use-cases/parking-spaces-update.ts';
import { parkingSensors } from './use-cases/parking-sensors.ts';
import { setTariff } from './use-cases/parking-tariff-set.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IdParams = z.object({ id: z.uuid() });

/** The parking part's staff routes (thin: validate → use case → JSON): live occupancy, spaces, the tariff, temporary parking, alert rules and alerts. */
export async function parkingRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['devices parking'];
  const P = '/api/devices/parking';
  const xlsx = (file: { fileName: string; content: Buffer }, reply: { header: (k: string, v: string) => typeof reply; send: (b: Buffer) => unknown }) =>
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);

  app.get(`${P}/live`, { schema: { tags, summary: 'Every compound I read parking at, with its car park now (capacity, in use, free, rate)', querystring: LiveQuery } }, async (req) => liveCarParks(ctx(req), req.query));
  app.get(`${P}/live/:placeId`, { schema: { tags, summary: 'A compound’s car park now, with its sensed spaces', params: PlaceParams } }, async (req) => liveCarPark(ctx(req), req.params.placeId));
  app.get(`${P}/sensors/:placeId`, { schema: { tags, summary: 'The parking sensors of a compound, with the space each reports', params: PlaceParams } }, async (req) => parkingSensors(ctx(req), req.params.placeId));
  app.put(`${P}/car-parks/:placeId/tariff`, { schema: { tags, summary: 'Set the tariff of temporary parking at a compound', params: PlaceParams, body: TariffBody } }, async (req) => setTariff(ctx(req), req.params.placeId, req.body));

  app.get(`${P}/spaces`, { schema: { tags, summary: 'Parking spaces: search, filter, sort, page', querystring: SpacesQuery } }, async (req) => listSpaces(ctx(req), req.query));
  app.get(`${P}/spaces/export.xlsx`, { schema: { tags, summary: 'The spaces as xlsx', querystring: SpacesQuery } }, async (req, reply) => xlsx(await exportSpacesXlsx(ctx(req), req.query), reply));
  app.post(`${P}/spaces`, { schema: { tags, summary: 'Add a space, or a batch (B1-001 to B1-050)', body: AddSpacesBody } }, async (req, reply) => reply.code(201).send(await addSpaces(ctx(req), req.body)));
  app.patch(`${P}/spaces/:id`, { schema: { tags, summary: 'Edit a space’s kind, room or sensor', params: IdParams, body: UpdateSpaceBody } }, async (req) => updateSpace(ctx(req), req.params.id, req.body));
  app.delete(`${P}/spaces/:id`, { schema: { tags, summary: 'Remove a space that is not taken', params: IdParams } }, async (req) => removeSpace(ctx(req), req.params.id));

  app.get(`${P}/sessions`, { schema: { tags, summary: 'Temporary parking sessions: search (plate), filter, sort, page', querystring: SessionsQuery } }, async (req) => listSessions(ctx(req), req.query));
  app.get(`${P}/sessions/export.xlsx`, { schema: { tags, summary: 'The sessions as xlsx', querystring: SessionsQuery } }, async (req, reply) => xlsx(await exportSessionsXlsx(ctx(req), req.query), reply));
  app.post(`${P}/sessions/:id/settle`, { schema: { tags, summary: 'Mark a due fee paid or waived, with a note', params: IdParams, body: SettleBody } }, async (req) => settleSession(ctx(req), req.params.id, req.body));

  app.get(`${P}/alert-rules`, { schema: { tags, summary: 'The alert rules that apply to my places' } }, async (req) => listAlertRules(ctx(req)));
  app.post(`${P}/alert-rules`, { schema: { tags, summary: 'Set an alert rule at a street, community or compound', body: RuleBody } }, async (req, reply) => reply.code(201).send(await createAlertRule(ctx(req), req.body)));
  app.patch(`${P}/alert-rules/:id`, { schema: { tags, summary: 'Change an alert rule', params: IdParams, body: UpdateRuleBody } }, async (req) => updateAlertRule(ctx(req), req.params.id, req.body));

  app.get(`${P}/alerts`, { schema: { tags, summary: 'Alerts at my compounds: filter (status, kind, compound), search, sort, page', querystring: AlertsQuery } }, async (req) => listAlerts(ctx(req), req.query));
  app.get(`${P}/alerts/export.xlsx`, { schema: { tags, summary: 'The alerts as xlsx', querystring: AlertsQuery } }, async (req, reply) => xlsx(await exportAlertsXlsx(ctx(req), req.query), reply));
  app.get(`${P}/alerts/open-count`, { schema: { tags, summary: 'How many alerts are open at my compounds (the menu badge)' } }, async (req) => ({ count: await countOpenAlerts(ctx(req)) }));
  app.post(`${P}/alerts/:id/handle`, { schema: { tags, summary: 'Handle an open alert with a note', params: IdParams, body: HandleBody } }, async (req) => handleAlert(ctx(req), req.params.id, req.body));
}
