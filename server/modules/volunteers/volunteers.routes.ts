import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './volunteers.constants.ts';
import { VolunteersErrors } from './volunteers.errors.ts';
import { viewPhoto } from './use-cases/photo-view.ts';
import type { Upload } from './use-cases/photos.ts';

export const IdParams = z.object({ id: z.uuid() });
export const MULTIPART_NOTE = `JSON, or multipart/form-data with the same fields as text and up to ${MAX_PHOTOS} image files (JPEG/PNG/WebP, ≤ 5 MB each).`;

/**
 * A body with photos, for every part's route that takes them: multipart form fields plus image files, or plain JSON
 * without photos. The kernel's reader refuses one file too many or a file too large; the use case then checks each
 * file's content before anything is stored. Form fields are strings: the schema coerces its numbers and dates.
 */
export async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: MAX_PHOTOS, maxFileBytes: MAX_PHOTO_BYTES },
    {
      fileTooLarge: (name) => VolunteersErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => VolunteersErrors.TOO_MANY_PHOTOS({ max }),
    },
  );
  // A form's empty inputs arrive as blank text: absent, as in the JSON body.
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** The routes every part shares: a photo of a task, a listing or a care record. */
export function volunteersRoutes(app: App, kernel: Kernel) {
  app.get('/api/volunteers/photos/:id', { schema: { tags: ['volunteers'], summary: 'A photo of a task, listing or care record I may see', params: IdParams } }, async (req, reply) => {
    const photo = await viewPhoto(ctxOf(kernel, req), req.params.id);
    return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').header('content-disposition', 'inline').send(photo.content);
  });
}
