import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { ShiftBody, ShiftParams, StationBody, StationParams, StationsQuery, StationUpdateBody, WeekQuery } from './party.stations.schemas.ts';
import { listStationCompounds } from './use-cases/stations-compounds.ts';
import { exportStationsXlsx, listStations } from './use-cases/stations-list.ts';
import { myStation, myStations } from './use-cases/stations-mine.ts';
import { createStation, updateStation } from './use-cases/stations-save.ts';
import { addShift, getStation, removeShift } from './use-cases/stations-shifts.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The stations part's routes (红色驿站): stations, their duty rosters, and the resident's station. Thin. */
export function stationsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['party stations'];
  const base = '/api/party/stations';

  app.get(base, { schema: { tags, summary: '红色驿站 in my places: search, filter by status, sort, page', querystring: StationsQuery } }, async (req) => listStations(ctx(req), req.query));
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The stations as xlsx', querystring: StationsQuery } }, async (req, reply) => {
    const file = await exportStationsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/compounds`, { schema: { tags, summary: 'The compounds where I may set up a station' } }, async (req) => listStationCompounds(ctx(req)));
  app.post(base, { schema: { tags, summary: 'Set up a station in a compound', body: StationBody } }, async (req, reply) => reply.code(201).send(await createStation(ctx(req), req.body)));
  app.get(`${base}/:id`, { schema: { tags, summary: "A station with a week's duty roster (default: this week)", params: StationParams, querystring: WeekQuery } }, async (req) =>
    getStation(ctx(req), req.params.id, req.query.week),
  );
  app.put(`${base}/:id`, { schema: { tags, summary: "Edit a station's name, address, hours, services, phone or status", params: StationParams, body: StationUpdateBody } }, async (req) =>
    updateStation(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/shifts`, { schema: { tags, summary: 'Add a duty shift (a registry person, or a name and a role)', params: StationParams, body: ShiftBody } }, async (req, reply) =>
    reply.code(201).send(await addShift(ctx(req), req.params.id, req.body)),
  );
  app.delete(`${base}/:id/shifts/:shiftId`, { schema: { tags, summary: 'Remove a duty shift', params: ShiftParams } }, async (req) => removeShift(ctx(req), req.params.id, req.params.shiftId));

  app.get('/api/me/party/stations', { schema: { tags, summary: "The 红色驿站 of my compounds (today's hours, services, phone)" } }, async (req) => myStations(ctx(req)));
  app.get('/api/me/party/stations/:id', { schema: { tags, summary: "A station of my compound with this week's duty roster", params: StationParams } }, async (req) => myStation(ctx(req), req.params.id));
}
