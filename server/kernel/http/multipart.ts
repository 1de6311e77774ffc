import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, CommonErrors } from '../errors.ts';

/** A file of a multipart upload, read into memory (uploads are size-limited). */
export interface UploadedFile {
  fieldname: string;
  filename: string;
  mimetype: string;
  content: Buffer;
}

export interface MultipartLimits {
  /** Files the route takes; one more is refused with `tooManyFiles`, never dropped silently. */
  maxFiles: number;
  maxFileBytes: number;
  maxFields?: number;
  maxFieldBytes?: number;
}

/** The route's own errors for the cases its users should read about in its words. */
export interface MultipartErrors {
  notMultipart?: () => AppError;
  fileTooLarge?: (filename: string) => AppError;
  tooManyFiles?: (max: number) => AppError;
}

/**
 * The one reader of multipart uploads: text fields and files, or a 4xx that names what was wrong —
 * not multipart, a file too large, more files than the route takes, too many fields, text that cannot
 * be stored (NUL), or a body the parser cannot read (truncated, no boundary). Nothing reaches a use
 * case until the whole body has been read and checked.
 */
export async function readMultipart(
  req: FastifyRequest,
  limits: MultipartLimits,
  errors: MultipartErrors = {},
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) throw errors.notMultipart?.() ?? CommonErrors.MALFORMED_MULTIPART();
  const tooMany = () => errors.tooManyFiles?.(limits.maxFiles) ?? CommonErrors.TOO_MANY_FILES({ max: limits.maxFiles });
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let current = '';
  try {
    const parts = req.parts({
      limits: {
        fileSize: limits.maxFileBytes,
        // One more than allowed, so that "too many" is ours to tell rather than the parser's to hide.
        files: limits.maxFiles + 1,
        fields: limits.maxFields ?? 30,
        fieldSize: limits.maxFieldBytes ?? 4096,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        current = part.filename ?? '';
        if (current.includes('\u0000')) throw CommonErrors.TEXT_NOT_STORABLE({}, { path: `file.${part.fieldname}` });
        const content = await part.toBuffer();
        // An empty file input in a browser form still sends a nameless, empty part.
        if (content.length === 0 && !part.filename) continue;
        if (files.length === limits.maxFiles) throw tooMany();
        files.push({ fieldname: part.fieldname, filename: part.filename, mimetype: part.mimetype, content });
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
        if (value.includes('\u0000') || part.fieldname.includes('\u0000')) throw CommonErrors.TEXT_NOT_STORABLE({}, { path: `body.${part.fieldname.replace(/\u0000/g, '')}` });
        // The parser cuts a long value short and says so; a cut value is not what the user sent.
        if (part.valueTruncated) throw CommonErrors.PAYLOAD_TOO_LARGE();
        fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw errors.fileTooLarge?.(current.slice(0, 80)) ?? CommonErrors.PAYLOAD_TOO_LARGE();
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw CommonErrors.PAYLOAD_TOO_LARGE();
    // Anything else is the parser (busboy) choking on the body: truncated, no boundary, bad headers.
    throw CommonErrors.MALFORMED_MULTIPART();
  }
  return { fields, files };
}

/**
 * Validates a body the route parsed itself (multipart fields): the same 400 VALIDATION_FAILED with
 * issue paths as Fastify's own validation gives.
 */
export function parseFields<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw CommonErrors.VALIDATION_FAILED({}, { issues: r.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })) });
}
