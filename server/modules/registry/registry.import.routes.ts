import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import { localeOf } from '../../kernel/http/errors.ts';
import type { App } from '../../kernel/module.ts';
import { FIELDS } from './import/columns.ts';
import { RegistryErrors } from './registry.errors.ts';
import { startImportCommit } from './use-cases/import-commit.ts';
import { startImportDryRun } from './use-cases/import-dry-run.ts';
import { getImport } from './use-cases/import-get.ts';
import { importReportXlsx } from './use-cases/import-report.ts';
import { importTemplateXlsx } from './use-cases/import-template.ts';
import { uploadImport } from './use-cases/import-upload.ts';

/** Column letter → field (or null to ignore the column). */
export const ImportMapping = z.record(z.string().regex(/^[A-Z]{1,3}$/), z.enum(FIELDS).nullable());
const IdParams = z.object({ id: z.uuid() });
const DryRunBody = z.object({ mapping: ImportMapping.optional() });
const CommitBody = z.object({ mapping: ImportMapping.optional(), skipInvalid: z.boolean().default(false) });
/** A street's household list is a few MB; a city's 164,000 households as xlsx about 20 MB. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (name: string) => `attachment; filename="import.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Household import: upload (multipart: `placeId`, then `file`) → dry run → commit. The dry run and
 * the commit run as tasks (202 + task id; progress at GET /api/tasks/:id), so a large file never
 * holds up the request, and the report is downloadable as xlsx.
 */
export function registryImportRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['registry import'];

  app.get('/api/registry/imports/template.xlsx', { schema: { tags, summary: 'The household import template (xlsx, Chinese headers)' } }, async (_req, reply) =>
    reply.header('content-type', XLSX).header('content-disposition', attachment('住户导入模板.xlsx')).send(await importTemplateXlsx()),
  );

  app.post(
    '/api/registry/imports',
    { schema: { tags, summary: 'Upload a file to import (multipart: placeId, file); starts the dry run (202 + task id)', consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const form = await readMultipart(req, { maxFiles: 1, maxFileBytes: IMPORT_MAX_BYTES }, {
        notMultipart: () => RegistryErrors.IMPORT_FILE_MISSING(),
        fileTooLarge: () => RegistryErrors.IMPORT_FILE_TOO_LARGE({ mb: IMPORT_MAX_BYTES / 1024 / 1024 }),
      });
      const placeId = form.fields.placeId ?? null;
      const file = form.files[0] ? { name: form.files[0].filename, content: form.files[0].content } : null;
      const parsed = z.uuid().safeParse(placeId);
      if (!parsed.success) throw RegistryErrors.PLACE_NOT_FOUND();
      if (!file) throw RegistryErrors.IMPORT_FILE_MISSING();
      const c = ctx(req);
      const { id } = await uploadImport(c, { placeId: parsed.data, fileName: file.name, content: file.content });
      return reply.code(202).send(await startImportDryRun(c, id));
    },
  );

  app.get('/api/registry/imports/:id', { schema: { tags, summary: 'An import with its latest report', params: IdParams } }, async (req) =>
    getImport(ctx(req), req.params.id, localeOf(req)),
  );

  app.post(
    '/api/registry/imports/:id/dry-run',
    { schema: { tags, summary: 'Check the file again with a column mapping (202 + task id)', params: IdParams, body: DryRunBody } },
    async (req, reply) => reply.code(202).send(await startImportDryRun(ctx(req), req.params.id, req.body.mapping)),
  );

  app.post(
    '/api/registry/imports/:id/commit',
    { schema: { tags, summary: 'Import: all rows or none, or only the valid rows with skipInvalid (202 + task id)', params: IdParams, body: CommitBody } },
    async (req, reply) => reply.code(202).send(await startImportCommit(ctx(req), req.params.id, req.body)),
  );

  app.get('/api/registry/imports/:id/report.xlsx', { schema: { tags, summary: 'The report as xlsx (rows with an error column)', params: IdParams } }, async (req, reply) => {
    const { fileName, content } = await importReportXlsx(ctx(req), req.params.id, localeOf(req));
    return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).send(content);
  });
}

