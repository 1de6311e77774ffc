import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { z } from 'zod';
import { AttachmentErrors, type Upload } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ITEM_ATTACHMENT_MAX_BYTES } from './decisions.constants.ts';
import { addItemAttachment } from './use-cases/add-item-attachment.ts';
import { getItemAttachment } from './use-cases/get-item-attachment.ts';
import { removeItemAttachment } from './use-cases/remove-item-attachment.ts';
import { renderRollPdf } from './use-cases/roll-pdf.ts';
import {
  AnswerObjectionBody,
  BallotBody,
  CreateDecisionBody,
  CreateRulesBody,
  CanvassQuery,
  DecisionsQuery,
  EntryParams,
  VisitBody,
  ExtendBody,
  IdParams,
  InspectionBody,
  MergeBody,
  ObjectionBody,
  ObjectionParams,
  OpenBody,
  RollQuery,
  RulesQuery,
} from './decisions.schemas.ts';
import { answerObjection } from './use-cases/answer-objection.ts';
import { ballotsTable, ballotsTableXlsx } from './use-cases/ballots-table.ts';
import { castBallot } from './use-cases/cast-ballot.ts';
import { requestClose } from './use-cases/close-decision.ts';
import { confirmRules } from './use-cases/confirm-rules.ts';
import { createDecision } from './use-cases/create-decision.ts';
import { createRules } from './use-cases/create-rules.ts';
import { extendVoting } from './use-cases/extend-voting.ts';
import { fileObjection } from './use-cases/file-objection.ts';
import { getDecision } from './use-cases/get-decision.ts';
import { getMyDecision } from './use-cases/get-my-decision.ts';
import { listDecisions } from './use-cases/list-decisions.ts';
import { listCanvass } from './use-cases/list-canvass.ts';
import { listRoll } from './use-cases/list-roll.ts';
import { recordVisit } from './use-cases/record-visit.ts';
import { listRules } from './use-cases/list-rules.ts';
import { mergeRollEntries } from './use-cases/merge-roll-entries.ts';
import { myDecisions } from './use-cases/my-decisions.ts';
import { requestOpen } from './use-cases/open-decision.ts';
import { publishResult } from './use-cases/publish-result.ts';
import { publishRoll } from './use-cases/publish-roll.ts';
import { putRulesInForce } from './use-cases/put-rules-in-force.ts';
import { recordDelivery } from './use-cases/record-delivery.ts';
import { requestInspection } from './use-cases/request-inspection.ts';
import { resultSummaryXlsx } from './use-cases/result-summary.ts';
import { scrutineerCandidates } from './use-cases/scrutineer-candidates.ts';
import { sendBallotCode } from './use-cases/send-ballot-code.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="decision.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
const CastBody = BallotBody.extend({ entryId: z.uuid() });
const ItemParams = z.object({ id: z.uuid(), no: z.coerce.number().int().min(1).max(50) });
const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function decisionsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['decisions'];
  const resident = ['resident'];

  // ——— rules of procedure ———
  app.get('/api/decisions/rules', { schema: { tags, summary: "A compound's rules of procedure, every version", querystring: RulesQuery } }, async (req) =>
    listRules(ctx(req), req.query.compoundId),
  );
  app.post('/api/decisions/rules', { schema: { tags, summary: 'Draft a new version of the rules of procedure', body: CreateRulesBody } }, async (req, reply) =>
    reply.code(201).send(await createRules(ctx(req), req.body)),
  );
  app.post('/api/decisions/rules/:id/confirm', { schema: { tags, summary: "Confirm a draft (the owners' committee chair)", params: IdParams } }, async (req) =>
    confirmRules(ctx(req), req.params.id),
  );
  app.post('/api/decisions/rules/:id/in-force', { schema: { tags, summary: 'Put confirmed rules in force (the previous version is superseded)', params: IdParams } }, async (req) =>
    putRulesInForce(ctx(req), req.params.id),
  );

  // ——— decisions (organisers) ———
  app.get('/api/decisions', { schema: { tags, summary: 'Decisions in my places', querystring: DecisionsQuery } }, async (req) => listDecisions(ctx(req), req.query));
  app.get(
    '/api/decisions/scrutineer-candidates',
    { schema: { tags, summary: 'Who may be named a scrutineer (监票人) of a decision at a place', querystring: z.object({ placeId: z.uuid() }) } },
    async (req) => scrutineerCandidates(ctx(req), req.query.placeId),
  );
  app.post('/api/decisions', { schema: { tags, summary: 'Draft a decision with its items', body: CreateDecisionBody } }, async (req, reply) =>
    reply.code(201).send(await createDecision(ctx(req), req.body)),
  );
  app.get('/api/decisions/:id', { schema: { tags, summary: 'A decision: items, rules, roll totals, live participation', params: IdParams } }, async (req) =>
    getDecision(ctx(req), req.params.id),
  );
  app.get('/api/decisions/:id/roll', { schema: { tags, summary: 'The published roll (masked)', params: IdParams, querystring: RollQuery } }, async (req) =>
    listRoll(ctx(req), req.params.id, req.query, 'staff'),
  );
  app.post('/api/decisions/:id/roll', { schema: { tags, summary: 'Freeze the roll from the registry and publish it for objections', params: IdParams } }, async (req) =>
    publishRoll(ctx(req), req.params.id),
  );
  app.get('/api/decisions/:id/roll.pdf', { schema: { tags, summary: 'The masked roll to post for objections (PDF, QR code to the H5 page)', params: IdParams } }, async (req, reply) => {
    const liveUrl = `${req.protocol}://${req.host}/h5/decisions/${req.params.id}`;
    const { title, pdf } = await renderRollPdf(ctx(req), req.params.id, liveUrl);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="roll.pdf"; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`)
      .send(pdf);
  });
  app.post('/api/decisions/:id/roll/merge', { schema: { tags, summary: 'Merge two roll entries that are one owner', params: IdParams, body: MergeBody } }, async (req) =>
    mergeRollEntries(ctx(req), req.params.id, req.body),
  );
  app.post('/api/decisions/:id/open', { schema: { tags, summary: 'Ask a second approver to open voting', params: IdParams, body: OpenBody } }, async (req, reply) =>
    reply.code(202).send(await requestOpen(ctx(req), req.params.id)),
  );
  app.post('/api/decisions/:id/close', { schema: { tags, summary: 'Ask a second approver to close voting and count', params: IdParams, body: OpenBody } }, async (req, reply) =>
    reply.code(202).send(await requestClose(ctx(req), req.params.id)),
  );
  app.get('/api/decisions/:id/canvass', { schema: { tags, summary: '扫楼: owners who have not voted, by building, with the last visit; progress per building', params: IdParams, querystring: CanvassQuery } }, async (req) =>
    listCanvass(ctx(req), req.params.id, req.query),
  );
  app.post('/api/decisions/:id/canvass/:entryId/visits', { schema: { tags, summary: 'Record a visit to an owner who has not voted', params: EntryParams, body: VisitBody } }, async (req, reply) =>
    reply.code(201).send(await recordVisit(ctx(req), req.params.id, req.params.entryId, req.body)),
  );
  app.post('/api/decisions/:id/extend', { schema: { tags, summary: 'Extend voting once, within the rules', params: IdParams, body: ExtendBody } }, async (req) =>
    extendVoting(ctx(req), req.params.id, req.body),
  );
  app.post('/api/decisions/:id/publish', { schema: { tags, summary: 'Publish the counted result (公示)', params: IdParams, body: OpenBody } }, async (req) =>
    publishResult(ctx(req), req.params.id),
  );
  app.post(
    '/api/decisions/:id/items/:no/attachments',
    {
      schema: {
        tags,
        summary: `Attach a document to an item (JPG, PNG, WebP or PDF, at most ${ITEM_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB; multipart field "file")`,
        params: ItemParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const readUpload = async (): Promise<Upload> => {
        const { files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: ITEM_ATTACHMENT_MAX_BYTES },
          { notMultipart: () => AttachmentErrors.FILE_REQUIRED(), fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: ITEM_ATTACHMENT_MAX_BYTES / 1024 / 1024 }) },
        );
        const file = files[0];
        if (!file) throw AttachmentErrors.FILE_REQUIRED();
        return { filename: file.filename, mimetype: file.mimetype, content: file.content };
      };
      return reply.code(201).send(await addItemAttachment(ctx(req), req.params.id, req.params.no, readUpload));
    },
  );
  app.delete('/api/decisions/:id/attachments/:attachmentId', { schema: { tags, summary: "Remove an item's document before voting opens", params: AttachmentParams } }, async (req) =>
    removeItemAttachment(ctx(req), req.params.id, req.params.attachmentId),
  );
  app.get('/api/decisions/:id/attachments/:attachmentId', { schema: { tags, summary: "An item's document", params: AttachmentParams } }, async (req, reply) => {
    const a = await getItemAttachment(ctx(req), req.params.id, req.params.attachmentId, 'staff');
    return reply.headers(storedFileHeaders(a.name, a.mime)).header('cache-control', 'private, max-age=3600').send(a.content);
  });
  app.get('/api/me/decisions/:id/attachments/:attachmentId', { schema: { tags: resident, summary: "An item's document, for an owner on the roll", params: AttachmentParams } }, async (req, reply) => {
    const a = await getItemAttachment(ctx(req), req.params.id, req.params.attachmentId, 'owner');
    return reply.headers(storedFileHeaders(a.name, a.mime)).header('cache-control', 'private, max-age=3600').send(a.content);
  });
  app.post(
    '/api/decisions/:id/objections/:objectionId/answer',
    { schema: { tags, summary: 'Answer an objection to the roll', params: ObjectionParams, body: AnswerObjectionBody } },
    async (req) => answerObjection(ctx(req), req.params.id, req.params.objectionId, req.body),
  );
  app.get('/api/decisions/:id/ballots', { schema: { tags, summary: "Per-owner choices (owners' committee, street, scrutineers)", params: IdParams } }, async (req) => {
    const { items, rows } = await ballotsTable(ctx(req), req.params.id);
    return { items, rows };
  });
  app.get('/api/decisions/:id/ballots.xlsx', { schema: { tags, summary: '表决结果明细表 as xlsx (audited)', params: IdParams } }, async (req, reply) => {
    const file = await ballotsTableXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.get('/api/decisions/:id/summary.xlsx', { schema: { tags, summary: '表决结果汇总表 as xlsx', params: IdParams } }, async (req, reply) => {
    const file = await resultSummaryXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });

  // ——— owners (H5) ———
  app.get('/api/me/decisions', { schema: { tags: resident, summary: 'Decisions whose roll names me' } }, async (req) => myDecisions(ctx(req)));
  app.get('/api/me/decisions/:id', { schema: { tags: resident, summary: 'A decision as its owner sees it', params: IdParams } }, async (req) => getMyDecision(ctx(req), req.params.id));
  app.get('/api/me/decisions/:id/roll', { schema: { tags: resident, summary: 'The masked roll, to check for objections', params: IdParams, querystring: RollQuery } }, async (req) =>
    listRoll(ctx(req), req.params.id, req.query, 'owner'),
  );
  app.post('/api/me/decisions/:id/opened', { schema: { tags: resident, summary: 'I opened the materials (delivery)', params: IdParams } }, async (req) =>
    recordDelivery(ctx(req), req.params.id),
  );
  app.post('/api/me/decisions/:id/ballot-code', { schema: { tags: resident, summary: 'Text me the code that confirms my ballot (throttled per phone)', params: IdParams } }, async (req) =>
    sendBallotCode(ctx(req), req.params.id),
  );
  app.post('/api/me/decisions/:id/ballot', { schema: { tags: resident, summary: 'Cast my ballot on every item, confirmed with the SMS code', params: IdParams, body: CastBody } }, async (req, reply) =>
    reply.code(201).send(await castBallot(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/me/decisions/:id/objections', { schema: { tags: resident, summary: 'Object to the roll', params: IdParams, body: ObjectionBody } }, async (req, reply) =>
    reply.code(201).send(await fileObjection(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/me/decisions/:id/inspections', { schema: { tags: resident, summary: 'Ask to inspect the ballots (recorded)', params: IdParams, body: InspectionBody } }, async (req, reply) =>
    reply.code(201).send(await requestInspection(ctx(req), req.params.id, req.body)),
  );
}
