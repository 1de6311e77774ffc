import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { AdmonitionBody, AnnualLetterBody, LetterParams, LettersQuery, MembersQuery } from './party.letters.schemas.ts';
import { draftAdmonition, requestAdmonitionApproval } from './use-cases/letters-admonition.ts';
import { createAnnualLetter } from './use-cases/letters-create-annual.ts';
import { exportLetterXlsx, renderLetterPdf } from './use-cases/letters-documents.ts';
import { getLetter } from './use-cases/letters-get.ts';
import { exportLettersXlsx, listLetters } from './use-cases/letters-list.ts';
import { letterMemberOptions, letterOptions } from './use-cases/letters-options.ts';
import { sendAnnualLetter } from './use-cases/letters-send-annual.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The letters part's routes (报到函件: the annual service letter and 函告). Thin. */
export function lettersRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['party letters'];
  const base = '/api/party/letters';

  app.get(base, { schema: { tags, summary: 'Letters of my communities (a liaison: those sent to its organisations); search, filter, sort, page', querystring: LettersQuery } }, async (req) =>
    listLetters(ctx(req), req.query),
  );
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The letters table as xlsx', querystring: LettersQuery } }, async (req, reply) => {
    const file = await exportLettersXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName, 'letters.xlsx')).send(file.content);
  });
  app.get(`${base}/options`, { schema: { tags, summary: 'The communities I write letters in and the workplace party organisations (报到单位) of their streets' } }, async (req) =>
    letterOptions(ctx(req)),
  );
  app.get(`${base}/members`, { schema: { tags, summary: "A workplace organisation's active employed members (the 函告 form)", querystring: MembersQuery } }, async (req) =>
    letterMemberOptions(ctx(req), req.query.organisationId),
  );
  app.post(`${base}/annual`, { schema: { tags, summary: '生成年度函: a draft annual letter (one per community, organisation and year; not a future year)', body: AnnualLetterBody } }, async (req, reply) =>
    reply.code(201).send(await createAnnualLetter(ctx(req), req.body)),
  );
  app.post(`${base}/admonitions`, { schema: { tags, summary: '发起函告: a draft letter about an employed member to their workplace organisation', body: AdmonitionBody } }, async (req, reply) =>
    reply.code(201).send(await draftAdmonition(ctx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A letter: its lines and totals (or facts), its timeline', params: LetterParams } }, async (req) => getLetter(ctx(req), req.params.id));
  app.post(`${base}/:id/send`, { schema: { tags, summary: 'Send an annual letter: freeze its lines and totals, tell the liaison', params: LetterParams } }, async (req) =>
    sendAnnualLetter(ctx(req), req.params.id),
  );
  app.post(`${base}/:id/approval`, { schema: { tags, summary: "Ask the community party organisation's approval of a 函告 (another account approves; then it is sent)", params: LetterParams } }, async (req, reply) =>
    reply.code(202).send(await requestAdmonitionApproval(ctx(req), req.params.id)),
  );
  app.get(`${base}/:id/letter.pdf`, { schema: { tags, summary: 'The letter as a printable PDF with a QR code to its page', params: LetterParams } }, async (req, reply) => {
    const root = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
    const { fileName, pdf } = await renderLetterPdf(ctx(req), req.params.id, (id) => `${root}/party/letters/${id}`);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(fileName, 'letter.pdf')).send(pdf);
  });
  app.get(`${base}/:id/letter.xlsx`, { schema: { tags, summary: "An annual letter's table as xlsx (a row per member and the totals)", params: LetterParams } }, async (req, reply) => {
    const file = await exportLetterXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName, 'letter.xlsx')).send(file.content);
  });
}
