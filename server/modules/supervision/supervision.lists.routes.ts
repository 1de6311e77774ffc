import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { LIST_MAX_FILE_BYTES, LIST_MAX_FILES } from './supervision.lists.constants.ts';
import { ListsErrors } from './supervision.lists.errors.ts';
import {
  AppealFields,
  AppealsQuery,
  DecideBody,
  EntriesQuery,
  FileParams,
  IdParams,
  MeasureBody,
  PlanFields,
  PublishBody,
  RulesBody,
  StreetPeriodQuery,
  StreetQuery,
} from './supervision.lists.schemas.ts';
import { appealEntry } from './use-cases/appeal-entry.ts';
import { decideAppeal } from './use-cases/decide-appeal.ts';
import { getListEntry, listEntryFile } from './use-cases/get-list-entry.ts';
import { getListPublication } from './use-cases/get-list-publication.ts';
import { listAppeals } from './use-cases/list-appeals.ts';
import { exportEntriesXlsx, listEntries } from './use-cases/list-entries.ts';
import type { ListUpload } from './use-cases/list-files.ts';
import { previewList, publishList } from './use-cases/publish-list.ts';
import { recordMeasure } from './use-cases/record-measure.ts';
import { listListStreets } from './use-cases/list-streets.ts';
import { submitPlan } from './use-cases/submit-plan.ts';
import { getListRules, updateListRules } from './use-cases/update-list-rules.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MULTIPART_NOTE = `JSON, or multipart/form-data with the same fields as text and up to ${LIST_MAX_FILES} files (field "files": JPEG/PNG/WebP or PDF, ≤ 10 MB each).`;

/** A body with files: multipart fields plus files, or plain JSON without files. */
async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: ListUpload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: LIST_MAX_FILES, maxFileBytes: LIST_MAX_FILE_BYTES },
    {
      fileTooLarge: (name) => ListsErrors.FILE_TOO_LARGE({ name, mb: LIST_MAX_FILE_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => ListsErrors.TOO_MANY_FILES({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** The lists part's routes (红黑榜: rules, publication, appeals, measures): thin — validate, one use case, reply. */
export function listsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision lists'];
  const base = '/api/supervision/lists';

  app.get(`${base}/streets`, { schema: { tags, summary: 'The streets whose list I read, with what I may do there' } }, async (req) => listListStreets(ctx(req)));
  app.get(`${base}/rules`, { schema: { tags, summary: "A street's list rules: the red and black grades with their clauses, the appeal window, the measures", querystring: StreetQuery } }, async (req) =>
    getListRules(ctx(req), req.query.streetId),
  );
  app.put(`${base}/rules`, { schema: { tags, summary: "Set a street's list rules (the measures' catalogue: at least one kind, each with its clause)", body: RulesBody } }, async (req) =>
    updateListRules(ctx(req), req.body),
  );
  app.get(`${base}/publication`, { schema: { tags, summary: "A street's publication of a quarter (null before it is published)", querystring: StreetPeriodQuery } }, async (req) =>
    getListPublication(ctx(req), req.query),
  );
  app.get(`${base}/preview`, { schema: { tags, summary: 'What publishing a quarter would list now: every company’s grade, red or black by the rules', querystring: StreetPeriodQuery } }, async (req) =>
    previewList(ctx(req), req.query),
  );
  app.post(`${base}/publications`, { schema: { tags, summary: "Publish a street's red and black list of a quarter (once)", body: PublishBody } }, async (req, reply) =>
    reply.code(201).send(await publishList(ctx(req), req.body)),
  );
  app.get(`${base}/entries`, { schema: { tags, summary: 'Red and black list entries I may see (a company: its own), with appeal state and measures', querystring: EntriesQuery } }, async (req) =>
    listEntries(ctx(req), req.query),
  );
  app.get(`${base}/entries/export.xlsx`, { schema: { tags, summary: 'The same entries as xlsx', querystring: EntriesQuery } }, async (req, reply) => {
    const file = await exportEntriesXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.get(`${base}/entries/:id`, { schema: { tags, summary: 'An entry with its appeal, decision and measures, and my next actions', params: IdParams } }, async (req) => getListEntry(ctx(req), req.params.id));
  app.get(`${base}/entries/:id/files/:fileId`, { schema: { tags, summary: "A file of an entry's appeal or rectification plan", params: FileParams } }, async (req, reply) => {
    const f = await listEntryFile(ctx(req), req.params.id, req.params.fileId);
    const headers = storedFileHeaders(f.fileName, f.mime);
    if (f.mime.startsWith('image/')) headers['content-disposition'] = 'inline';
    return reply.headers({ ...headers, 'cache-control': 'private, max-age=86400' }).send(f.content);
  });
  app.post(
    `${base}/entries/:id/appeal`,
    { schema: { tags, summary: 'The company appeals its black entry within the window (once)', description: `${MULTIPART_NOTE} Fields: reasons.`, params: IdParams } },
    async (req, reply) => {
      const { body, files } = await readForm(req, AppealFields);
      await appealEntry(ctx(req), req.params.id, body, files);
      return reply.code(201).send(await getListEntry(ctx(req), req.params.id));
    },
  );
  app.post(`${base}/entries/:id/measures`, { schema: { tags, summary: 'Record a measure of a kind the street’s rules list, citing its clause', params: IdParams, body: MeasureBody } }, async (req, reply) => {
    await recordMeasure(ctx(req), req.params.id, req.body);
    return reply.code(201).send(await getListEntry(ctx(req), req.params.id));
  });
  app.get(`${base}/appeals`, { schema: { tags, summary: 'Appeals I may see (the street: its companies’; a company: its own)', querystring: AppealsQuery } }, async (req) => listAppeals(ctx(req), req.query));
  app.post(`${base}/appeals/:id/decide`, { schema: { tags, summary: 'Decide an appeal: upheld (off the list) or rejected, with reasons', params: IdParams, body: DecideBody } }, async (req) => {
    const out = await decideAppeal(ctx(req), req.params.id, req.body);
    return getListEntry(ctx(req), out.entryId);
  });
  app.post(
    `${base}/measures/:id/plan`,
    { schema: { tags, summary: 'The company uploads its rectification plan (a note and at least one file)', description: `${MULTIPART_NOTE} Fields: note.`, params: IdParams } },
    async (req) => {
      const { body, files } = await readForm(req, PlanFields);
      const out = await submitPlan(ctx(req), req.params.id, body, files);
      return getListEntry(ctx(req), out.entryId);
    },
  );
}
