import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { DevicesQuery, DisableDeviceBody, IdParams, MovementsQuery, RegisterDeviceBody, RetentionBody, RetentionQuery } from './devices.gates.schemas.ts';
import { disableDevice } from './use-cases/gates-device-disable.ts';
import { enableDevice } from './use-cases/gates-device-enable.ts';
import { rekeyDevice } from './use-cases/gates-device-rekey.ts';
import { registerDevice } from './use-cases/gates-device-register.ts';
import { deviceCompounds, exportDevicesXlsx, listDevices } from './use-cases/gates-devices-list.ts';
import { exportMovementsXlsx, listMovements, movementPlaces } from './use-cases/gates-movements-list.ts';
import { getRetention, setRetention } from './use-cases/gates-retention-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The gates part's staff routes (thin: validate → use case → JSON): the device registry, movement records, retention. */
export async function gatesRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['devices gates'];
  const D = '/api/devices';

  app.get(`${D}/compounds`, { schema: { tags, summary: 'The compounds whose devices I see, and whether I may register devices there' } }, async (req) => deviceCompounds(ctx(req)));
  app.get(`${D}/devices`, { schema: { tags, summary: 'The device registry: search, filter (compound, kind, status, online), sort, page', querystring: DevicesQuery } }, async (req) => listDevices(ctx(req), req.query));
  app.get(`${D}/devices/export.xlsx`, { schema: { tags, summary: 'The device registry as xlsx', querystring: DevicesQuery } }, async (req, reply) => {
    const file = await exportDevicesXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.post(`${D}/devices`, { schema: { tags, summary: 'Register a device at a compound: answers its key id and secret, once', body: RegisterDeviceBody } }, async (req, reply) =>
    reply.code(201).send(await registerDevice(ctx(req), req.body)),
  );
  app.post(`${D}/devices/:id/rekey`, { schema: { tags, summary: 'Give a device a new key (the old one stops at once): answers the secret, once', params: IdParams } }, async (req) => rekeyDevice(ctx(req), req.params.id));
  app.post(`${D}/devices/:id/disable`, { schema: { tags, summary: 'Disable a device with a reason: its next request is refused', params: IdParams, body: DisableDeviceBody } }, async (req) =>
    disableDevice(ctx(req), req.params.id, req.body),
  );
  app.post(`${D}/devices/:id/enable`, { schema: { tags, summary: 'Enable a disabled device again', params: IdParams } }, async (req) => enableDevice(ctx(req), req.params.id));

  app.get(`${D}/movements/places`, { schema: { tags, summary: 'The compounds whose movement records I read' } }, async (req) => movementPlaces(ctx(req)));
  app.get(`${D}/movements`, { schema: { tags, summary: 'Movement records (every read audited): filter, search plate or card, sort, page', querystring: MovementsQuery } }, async (req) => listMovements(ctx(req), req.query));
  app.get(`${D}/movements/export.xlsx`, { schema: { tags, summary: 'Movement records as xlsx (audited)', querystring: MovementsQuery } }, async (req, reply) => {
    const file = await exportMovementsXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.get(`${D}/retention`, { schema: { tags, summary: 'How long the street keeps movement records', querystring: RetentionQuery } }, async (req) => getRetention(ctx(req), req.query));
  app.put(`${D}/retention`, { schema: { tags, summary: 'Set how long the street keeps movement records (its officials)', body: RetentionBody } }, async (req) => setRetention(ctx(req), req.body));
}
