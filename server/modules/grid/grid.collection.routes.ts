import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  ActualsQuery,
  CheckBody,
  CommissionBody,
  CommissionEndBody,
  CoverageQuery,
  MonthQuery,
  PlacesQuery,
  RecordBody,
  RecordsQuery,
  SettingsBody,
  SpotCheckBody,
} from './grid.collection.schemas.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './grid.routes.ts';
import { exportActualsXlsx, listComponents, listLegalPersons } from './use-cases/collection-actuals.ts';
import { createCommission } from './use-cases/collection-commission-create.ts';
import { endCommission } from './use-cases/collection-commission-end.ts';
import { listCommissions } from './use-cases/collection-commissions-list.ts';
import { collectionCoverage } from './use-cases/collection-coverage.ts';
import { collectionPlaceComponents, collectionPlaces, collectionRoomMembers } from './use-cases/collection-places.ts';
import { checkRecord } from './use-cases/collection-record-check.ts';
import { getRecord } from './use-cases/collection-record-get.ts';
import { submitRecord } from './use-cases/collection-record-submit.ts';
import { exportRecordsXlsx, listRecords } from './use-cases/collection-records-list.ts';
import { getCollectionSettings } from './use-cases/collection-settings-get.ts';
import { setCollectionSettings } from './use-cases/collection-settings-set.ts';
import { spotCheckRecord } from './use-cases/collection-spot-check.ts';
import { collectionStatements, exportStatementsXlsx } from './use-cases/collection-statements.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The collection part's routes (四个实有): records, their check and spot check, commissions, settings, actuals, statements, coverage. Thin. */
export function collectionRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid collection'];
  const base = '/api/grid/collection';
  const xlsx = (reply: { header(k: string, v: string): typeof reply; send(b: Buffer): unknown }, file: { fileName: string; content: Buffer }, ascii: string) =>
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);

  app.get(`${base}/records`, { schema: { tags, summary: 'Collected records in my places: search, filter by kind, status, spot check, company and place, sort, page', querystring: RecordsQuery } }, async (req) =>
    listRecords(ctx(req), req.query),
  );
  app.get(`${base}/records/export.xlsx`, { schema: { tags, summary: 'The records as xlsx', querystring: RecordsQuery } }, async (req, reply) =>
    xlsx(reply, await exportRecordsXlsx(ctx(req), req.query), 'records.xlsx'),
  );
  app.post(
    `${base}/records`,
    { schema: { tags, summary: 'Submit a record (grid workers in their grid; property staff in a commissioned compound)', description: `${MULTIPART_NOTE} Fields: those of RecordBody.` } },
    async (req, reply) => {
      const { body, files } = await readForm(req, RecordBody);
      return reply.code(201).send(await submitRecord(ctx(req), body, files));
    },
  );
  app.get(`${base}/records/:id`, { schema: { tags, summary: "A record with what the registry knows, its photos and what I may do", params: IdParams } }, async (req) => getRecord(ctx(req), req.params.id));
  app.post(`${base}/records/:id/check`, { schema: { tags, summary: 'Check a record once: verify as new (applied to the registry or the actuals), already known, or wrong', params: IdParams, body: CheckBody } }, async (req) =>
    checkRecord(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/records/:id/spot-check`, { schema: { tags, summary: 'Record the spot check of a drawn record: passed or failed', params: IdParams, body: SpotCheckBody } }, async (req) =>
    spotCheckRecord(ctx(req), req.params.id, req.body),
  );

  app.get(`${base}/places`, { schema: { tags, summary: 'Rooms, or compounds and buildings, where I may collect (the form picker)', querystring: PlacesQuery } }, async (req) => collectionPlaces(ctx(req), req.query));
  app.get(`${base}/rooms/:id/members`, { schema: { tags, summary: "A room's current members (masked), for a landlord or a departure", params: IdParams } }, async (req) => collectionRoomMembers(ctx(req), req.params.id));
  app.get(`${base}/places/:id/components`, { schema: { tags, summary: 'The known components at a compound or building', params: IdParams } }, async (req) => collectionPlaceComponents(ctx(req), req.params.id));

  app.get(`${base}/settings`, { schema: { tags, summary: "The street's incentive per verified new record and spot-check share" } }, async (req) => getCollectionSettings(ctx(req)));
  app.put(`${base}/settings`, { schema: { tags, summary: 'Set the incentive (fen) and the spot-check share (basis points)', body: SettingsBody } }, async (req) => setCollectionSettings(ctx(req), req.body));
  app.get(`${base}/commissions`, { schema: { tags, summary: 'Commissions of property companies to collect in compounds' } }, async (req) => listCommissions(ctx(req)));
  app.post(`${base}/commissions`, { schema: { tags, summary: "Commission a compound's property company to collect there", body: CommissionBody } }, async (req, reply) =>
    reply.code(201).send(await createCommission(ctx(req), req.body)),
  );
  app.post(`${base}/commissions/:id/end`, { schema: { tags, summary: 'End a commission on a day', params: IdParams, body: CommissionEndBody } }, async (req) =>
    endCommission(ctx(req), req.params.id, req.body.validUntil),
  );

  app.get(`${base}/legal-persons`, { schema: { tags, summary: 'The actual legal persons and shops', querystring: ActualsQuery } }, async (req) => listLegalPersons(ctx(req), req.query));
  app.get(`${base}/components`, { schema: { tags, summary: 'The actual public components with their condition', querystring: ActualsQuery } }, async (req) => listComponents(ctx(req), req.query));
  app.get(`${base}/actuals/export.xlsx`, { schema: { tags, summary: 'Legal persons and components as xlsx', querystring: ActualsQuery } }, async (req, reply) =>
    xlsx(reply, await exportActualsXlsx(ctx(req), req.query), 'actuals.xlsx'),
  );
  app.get(`${base}/statements`, { schema: { tags, summary: "A month's collection per company: counts, spot checks, amount and the payout statement", querystring: MonthQuery } }, async (req) =>
    collectionStatements(ctx(req), req.query),
  );
  app.get(`${base}/statements/export.xlsx`, { schema: { tags, summary: "The month's table as xlsx", querystring: MonthQuery } }, async (req, reply) =>
    xlsx(reply, await exportStatementsXlsx(ctx(req), req.query), 'statements.xlsx'),
  );
  app.get(`${base}/coverage`, { schema: { tags, summary: 'Coverage per building: rooms, households, records this month by kind, components by condition', querystring: CoverageQuery } }, async (req) =>
    collectionCoverage(ctx(req), req.query),
  );
}
