import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CREDIT_FILE_MAX_BYTES, CREDIT_FILES_MAX } from './supervision.credit.constants.ts';
import { CreditErrors } from './supervision.credit.errors.ts';
import {
  AddCreditRecordFields,
  ApplyRepairFields,
  CompanyParams,
  CreditCompaniesQuery,
  CreditRepairsQuery,
  CreditSettingsBody,
  CreditStreetQuery,
  CreditSyncBody,
  DecideRepairBody,
  FileParams,
  RecordParams,
} from './supervision.credit.schemas.ts';
import { addCreditRecord } from './use-cases/add-credit-record.ts';
import { applyCreditRepair } from './use-cases/apply-credit-repair.ts';
import { type Upload } from './use-cases/credit-evidence.ts';
import { creditFile } from './use-cases/credit-file.ts';
import { decideCreditRepair } from './use-cases/decide-credit-repair.ts';
import { getCreditCompany } from './use-cases/get-credit-company.ts';
import { exportCreditCompaniesXlsx, listCreditCompanies } from './use-cases/list-credit-companies.ts';
import { listCreditRepairs } from './use-cases/list-credit-repairs.ts';
import { listCreditStreets } from './use-cases/list-credit-streets.ts';
import { syncCreditRecords } from './use-cases/sync-credit-records.ts';
import { getCreditSettings, updateCreditSettings } from './use-cases/update-credit-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MULTIPART_NOTE = `JSON, or multipart/form-data with the same fields as text and up to ${CREDIT_FILES_MAX} evidence files (field "files": JPEG/PNG/WebP or PDF, ≤ 10 MB each).`;

/** A body with evidence: multipart fields plus files, or plain JSON without files. */
async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: CREDIT_FILES_MAX, maxFileBytes: CREDIT_FILE_MAX_BYTES },
    {
      fileTooLarge: (name) => CreditErrors.FILE_TOO_LARGE({ name, mb: CREDIT_FILE_MAX_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => CreditErrors.TOO_MANY_FILES({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** The credit part's routes (企业信用: settings, records, grades, credit repair): thin — validate, one use case, reply. */
export function creditRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision credit'];
  const base = '/api/supervision/credit';

  app.get(`${base}/streets`, { schema: { tags, summary: 'The streets I read credit at, and whether I may manage or decide there' } }, async (req) => listCreditStreets(ctx(req)));
  app.get(`${base}/settings`, { schema: { tags, summary: "A street's credit formula: base, cap, validity, grade bands, each kind's points and basis", querystring: CreditStreetQuery } }, async (req) =>
    getCreditSettings(ctx(req), req.query.streetId),
  );
  app.put(`${base}/settings`, { schema: { tags, summary: 'Save a new version of the credit formula (bands tiling [0, base + cap])', body: CreditSettingsBody } }, async (req) =>
    updateCreditSettings(ctx(req), req.body),
  );
  app.post(`${base}/sync`, { schema: { tags, summary: "Make the street's automatic records now (published colours, overdue and reissued notices); running it again adds nothing", body: CreditSyncBody } }, async (req) =>
    syncCreditRecords(ctx(req), req.body),
  );
  app.get(`${base}/companies`, { schema: { tags, summary: 'Companies with their credit score and grade now (search, grade, sort, page)', querystring: CreditCompaniesQuery } }, async (req) =>
    listCreditCompanies(ctx(req), req.query),
  );
  app.get(`${base}/companies/export.xlsx`, { schema: { tags, summary: 'The same table as xlsx', querystring: CreditCompaniesQuery } }, async (req, reply) => {
    const file = await exportCreditCompaniesXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/companies/:companyId`, { schema: { tags, summary: "A company's credit: score, grade, the formula, its records and repair applications", params: CompanyParams } }, async (req) =>
    getCreditCompany(ctx(req), req.params.companyId),
  );
  app.post(
    `${base}/records`,
    { schema: { tags, summary: 'Enter a record by hand: a complaint upheld or an award', description: `${MULTIPART_NOTE} Fields: companyId, kind (complaint_upheld | award), pointsCenti (an award's), note.` } },
    async (req, reply) => {
      const { body, files } = await readForm(req, AddCreditRecordFields);
      return reply.code(201).send(await addCreditRecord(ctx(req), body, files));
    },
  );
  app.post(
    `${base}/records/:id/repairs`,
    { schema: { tags, summary: 'The company applies for a bad record’s credit repair with its rectification evidence', description: `${MULTIPART_NOTE} Fields: statement.`, params: RecordParams } },
    async (req, reply) => {
      const { body, files } = await readForm(req, ApplyRepairFields);
      return reply.code(201).send(await applyCreditRepair(ctx(req), req.params.id, body, files));
    },
  );
  app.get(`${base}/repairs`, { schema: { tags, summary: 'Credit repair applications (status, company, search, sort, page)', querystring: CreditRepairsQuery } }, async (req) =>
    listCreditRepairs(ctx(req), req.query),
  );
  app.post(`${base}/repairs/:id/decide`, { schema: { tags, summary: 'The street approves (the record stops counting from now) or rejects an application, with a reason', params: RecordParams, body: DecideRepairBody } }, async (req, reply) => {
    await decideCreditRepair(ctx(req), req.params.id, req.body);
    return reply.code(204).send();
  });
  app.get(`${base}/files/:fileId`, { schema: { tags, summary: 'An evidence file of a record or a repair application', params: FileParams } }, async (req, reply) => {
    const f = await creditFile(ctx(req), req.params.fileId);
    const headers = storedFileHeaders(f.fileName, f.mime);
    if (f.mime.startsWith('image/')) headers['content-disposition'] = 'inline';
    return reply.headers({ ...headers, 'cache-control': 'private, max-age=86400' }).send(f.content);
  });
}
