import { z } from 'zod';
import type { Kernel } from '../context.ts';
import { ctxOf } from '../http/server.ts';
import type { App } from '../module.ts';
import { PERIOD, getFigure, getFigureReport, listFigures, takeSnapshotOnDemand } from './figures.ts';

const tags = ['figures'];
const Period = z.string().regex(PERIOD, 'a month, YYYY-MM');
const PlaceQuery = z.object({ placeId: z.uuid(), period: Period.optional().describe('YYYY-MM (Asia/Shanghai); defaults to this month') });
const KeyParams = z.object({ key: z.string().max(100) });
const SnapshotBody = z.object({
  placeId: z.uuid().describe('a street'),
  period: Period.optional().describe('defaults to this month; a closed month needs a reason'),
  reason: z.string().trim().max(500).optional(),
});

/** Figures with history: the catalogue, a figure for a place and month with its ranking, the monthly report, on-demand snapshots. */
export function figureRoutes(app: App, kernel: Kernel) {
  app.get('/api/figures', { schema: { tags, summary: 'Every figure the modules declare: names, definitions, parts and units' } }, async (req) => {
    ctxOf(kernel, req);
    return listFigures();
  });
  app.get(
    '/api/figures/report',
    { schema: { tags, summary: 'The monthly report of a place: every figure, this month beside last month', querystring: PlaceQuery } },
    async (req) => getFigureReport(ctxOf(kernel, req), req.query),
  );
  app.get(
    '/api/figures/:key',
    { schema: { tags, summary: "A figure for a place and month: its parts, last month's, a year of history and the places one level down", params: KeyParams, querystring: PlaceQuery } },
    async (req) => getFigure(ctxOf(kernel, req), req.params.key, req.query),
  );
  app.post(
    '/api/figures/snapshots',
    { schema: { tags, summary: "Take a street's snapshot now (this month), or re-take a closed month with a reason", body: SnapshotBody } },
    async (req) => takeSnapshotOnDemand(ctxOf(kernel, req), req.body),
  );
}
