import type { FastifyReply } from 'fastify';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file a use case made (xlsx, PDF) under its Chinese name: the plain `filename` for old clients, the real
 * name in `filename*` (RFC 6266); `inline` opens a PDF in the browser instead of saving it.
 */
export const attachment = (reply: FastifyReply, type: string, file: { fileName: string; content: Buffer }, inline = false) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.content);
