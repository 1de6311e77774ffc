import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CreateRecordBody, RecordsQuery } from './deliberation.schemas.ts';
import { createRecord } from './use-cases/create-record.ts';
import { listRecords } from './use-cases/list-records.ts';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function deliberationRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['deliberation'];
  app.get('/api/deliberation/records', { schema: { tags, summary: 'Records in my places', querystring: RecordsQuery } }, async (req) => listRecords(ctx(req), req.query));
  app.post('/api/deliberation/records', { schema: { tags, summary: 'Add a record at a place', body: CreateRecordBody } }, async (req, reply) =>
    reply.code(201).send(await createRecord(ctx(req), req.body)),
  );
}
