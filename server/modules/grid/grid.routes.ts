import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { MAX_FILE_BYTES, MAX_FILES } from './grid.constants.ts';
import { GridErrors } from './grid.errors.ts';
import { viewFile } from './use-cases/file-view.ts';
import type { Upload } from './use-cases/files.ts';

export const IdParams = z.object({ id: z.uuid() });
export const MULTIPART_NOTE = `JSON, or multipart/form-data with the same fields as text and up to ${MAX_FILES} files (JPEG/PNG/WebP, or PDF where documents are asked for; ≤ 5 MB each).`;

/**
 * A body with files, for every part's route that takes them: multipart form fields plus files, or plain JSON
 * without files. The kernel's reader refuses one file too many or a file too large; the use case then checks each
 * file's content before anything is stored. Form fields are strings: the schema coerces its numbers and dates.
 */
export async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: MAX_FILES, maxFileBytes: MAX_FILE_BYTES },
    {
      fileTooLarge: (name) => GridErrors.FILE_TOO_LARGE({ name, limit: MAX_FILE_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => GridErrors.TOO_MANY_FILES({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** The routes every part shares: a file of an event, a collected record or an agency case. */
export function gridRoutes(app: App, kernel: Kernel) {
  app.get('/api/grid/files/:id', { schema: { tags: ['grid'], summary: 'A photo or document of an event, record or case I may see', params: IdParams } }, async (req, reply) => {
    const file = await viewFile(ctxOf(kernel, req), req.params.id);
    return reply.headers(storedFileHeaders(file.label, file.mime)).header('cache-control', 'private, max-age=3600').send(file.content);
  });
}
