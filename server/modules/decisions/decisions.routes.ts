import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { z } from 'zod';
import { AttachmentErrors, type Upload } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import type { FastifyRequest } from 'fastify';
import { EVIDENCE_MAX_BYTES, ITEM_ATTACHMENT_MAX_BYTES } from './decisions.constants.ts';
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
  BallotParams,
  CheckBallotBody,
  CheckProxyBody,
  CorrectBallotBody,
  DeliveryQuery,
  IssueSheetsBody,
  PaperBallotFields,
  PaperBallotsQuery,
  PostingFields,
  ProofParams,
  ProxiesQuery,
  ProxyFields,
  ProxyParams,
  ReceiptFields,
  ReplaceSheetBody,
  SheetCodeParams,
  SheetParams,
  SheetsPdfQuery,
  SheetsQuery,
} from './decisions.schemas.ts';
import { lookUpReceipt } from './use-cases/board.ts';
import { exportBundle, publicBundle } from './use-cases/export-bundle.ts';
import { reportReceipt } from './use-cases/report-receipt.ts';
import { checkPaperBallot } from './use-cases/check-paper-ballot.ts';
import { checkProxy } from './use-cases/check-proxy.ts';
import { correctPaperBallot } from './use-cases/correct-paper-ballot.ts';
import { deliveryReport, deliveryReportXlsx } from './use-cases/delivery-report.ts';
import { enterPaperBallot } from './use-cases/enter-paper-ballot.ts';
import type { EvidenceForm } from './use-cases/evidence-file.ts';
import { getEvidence } from './use-cases/get-evidence.ts';
import { issueSheets } from './use-cases/issue-sheets.ts';
import { listPaperBallots } from './use-cases/list-paper-ballots.ts';
import { listProxies } from './use-cases/list-proxies.ts';
import { listSheets, sheetByCode } from './use-cases/list-sheets.ts';
import { recordPosting } from './use-cases/record-posting.ts';
import { recordReceipt } from './use-cases/record-receipt.ts';
import { registerProxy } from './use-cases/register-proxy.ts';
import { replaceSheet } from './use-cases/replace-sheet.ts';
import { revealOwnerPhone } from './use-cases/reveal-owner-phone.ts';
import { revokeProxy } from './use-cases/revoke-proxy.ts';
import { renderSheetsPdf } from './use-cases/sheets-pdf.ts';
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
import { electionsRoutes } from './elections.routes.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="decision.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
const CastBody = BallotBody.extend({ entryId: z.uuid() });
const ItemParams = z.object({ id: z.uuid(), no: z.coerce.number().int().min(1).max(50) });
const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const ReceiptParams = z.object({ id: z.uuid(), receipt: z.string().trim().min(16).max(80) });
const ReceiptReportBody = z.strictObject({ receipt: z.string().trim().min(8).max(80), note: z.string().trim().max(500).optional() });

const PDF = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="decision.pdf"; filename*=UTF-8''${encodeURIComponent(name)}` });
const EVIDENCE_NOTE = `multipart/form-data: the fields as text, and one file (JPG, PNG, WebP or PDF, at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB)`;

/**
 * A form carrying evidence, read only when the use case asks (after its permission check): blank inputs are absent,
 * the fields are validated like a JSON body, the one file is the named field's.
 */
const evidenceForm =
  <S extends z.ZodType>(req: FastifyRequest, schema: S, fileField: string) =>
  async (): Promise<EvidenceForm<z.infer<S>>> => {
    const form = await readMultipart(
      req,
      { maxFiles: 1, maxFileBytes: EVIDENCE_MAX_BYTES },
      { notMultipart: () => AttachmentErrors.FILE_REQUIRED(), fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }) },
    );
    const fields = parseFields(schema, Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')));
    const file = form.files.find((f) => f.fieldname === fileField);
    return { fields, upload: file ? { filename: file.filename, mimetype: file.mimetype, content: file.content } : null };
  };

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
  electionsRoutes(app, kernel);
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

  // ——— paper ballot sheets, paper and proxy ballots (Decisions 2/4) ———
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  app.post('/api/decisions/:id/sheets', { schema: { tags, summary: 'Issue a personal paper ballot sheet to every head (of a building) without one', params: IdParams, body: IssueSheetsBody } }, async (req) =>
    issueSheets(ctx(req), req.params.id, req.body),
  );
  app.get('/api/decisions/:id/sheets', { schema: { tags, summary: 'The paper ballot sheets issued, with the status of the ballot entered from each', params: IdParams, querystring: SheetsQuery } }, async (req) =>
    listSheets(ctx(req), req.params.id, req.query),
  );
  app.get('/api/decisions/:id/sheets.pdf', { schema: { tags, summary: "The live sheets (of a building) to print: one A4 page per head with the sheet's QR code", params: IdParams, querystring: SheetsPdfQuery } }, async (req, reply) => {
    const { title, pdf } = await renderSheetsPdf(ctx(req), req.params.id, origin(req), { building: req.query.building });
    return reply.headers(PDF(`${title}.pdf`)).send(pdf);
  });
  app.get('/api/decisions/:id/sheets/by-code/:code', { schema: { tags, summary: 'A sheet by its code or the URL of its QR code: owner, items, proxy, ballot entered', params: SheetCodeParams } }, async (req) =>
    sheetByCode(ctx(req), req.params.id, req.params.code),
  );
  app.get('/api/decisions/:id/sheets/:sheetId/pdf', { schema: { tags, summary: 'One sheet to print', params: SheetParams } }, async (req, reply) => {
    const { title, pdf } = await renderSheetsPdf(ctx(req), req.params.id, origin(req), { sheetId: req.params.sheetId });
    return reply.headers(PDF(`${title}.pdf`)).send(pdf);
  });
  app.post('/api/decisions/:id/sheets/:sheetId/replace', { schema: { tags, summary: 'Replace a lost or spoilt sheet: the first is void', params: SheetParams, body: ReplaceSheetBody } }, async (req, reply) =>
    reply.code(201).send(await replaceSheet(ctx(req), req.params.id, req.params.sheetId, req.body)),
  );
  app.post(
    '/api/decisions/:id/paper-ballots',
    { schema: { tags, summary: `Enter a returned paper sheet with its scan (file field "scan"); it counts once a second user checks it. ${EVIDENCE_NOTE}`, params: IdParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => reply.code(201).send(await enterPaperBallot(ctx(req), req.params.id, evidenceForm(req, PaperBallotFields, 'scan'))),
  );
  app.get('/api/decisions/:id/paper-ballots', { schema: { tags, summary: 'Paper and proxy ballots: entered, checked, invalid, duplicate', params: IdParams, querystring: PaperBallotsQuery } }, async (req) =>
    listPaperBallots(ctx(req), req.params.id, req.query),
  );
  app.get('/api/decisions/:id/paper-ballots/:ballotId/scan', { schema: { tags, summary: "A paper ballot's scan", params: BallotParams } }, async (req, reply) => {
    const f = await getEvidence(ctx(req), req.params.id, 'scan', req.params.ballotId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post('/api/decisions/:id/paper-ballots/:ballotId/check', { schema: { tags, summary: 'Check an entered paper ballot against its scan (another user than the one who entered it)', params: BallotParams, body: CheckBallotBody } }, async (req) =>
    checkPaperBallot(ctx(req), req.params.id, req.params.ballotId, req.body),
  );
  app.post('/api/decisions/:id/paper-ballots/:ballotId/correct', { schema: { tags, summary: 'Correct a paper ballot that did not match its scan', params: BallotParams, body: CorrectBallotBody } }, async (req) =>
    correctPaperBallot(ctx(req), req.params.id, req.params.ballotId, req.body),
  );
  app.post(
    '/api/decisions/:id/proxies',
    { schema: { tags, summary: `Register an owner's proxy with the signed power of attorney (file field "poa"). ${EVIDENCE_NOTE}`, params: IdParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => reply.code(201).send(await registerProxy(ctx(req), req.params.id, evidenceForm(req, ProxyFields, 'poa'))),
  );
  app.get('/api/decisions/:id/proxies', { schema: { tags, summary: "Owners' proxies, with the cap the rules set", params: IdParams, querystring: ProxiesQuery } }, async (req) =>
    listProxies(ctx(req), req.params.id, req.query),
  );
  app.get('/api/decisions/:id/proxies/:proxyId/poa', { schema: { tags, summary: 'A proxy’s power of attorney', params: ProxyParams } }, async (req, reply) => {
    const f = await getEvidence(ctx(req), req.params.id, 'poa', req.params.proxyId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post('/api/decisions/:id/proxies/:proxyId/check', { schema: { tags, summary: 'Accept or reject a power of attorney (another user than the one who registered it)', params: ProxyParams, body: CheckProxyBody } }, async (req) =>
    checkProxy(ctx(req), req.params.id, req.params.proxyId, req.body),
  );

  // ——— proof of notice (送达) and canvassing calls ———
  app.get('/api/decisions/:id/delivery', { schema: { tags, summary: 'How the decision reached each owner: SMS, in-app, materials, receipt; owners not reached, by building', params: IdParams, querystring: DeliveryQuery } }, async (req) =>
    deliveryReport(ctx(req), req.params.id, req.query),
  );
  app.get('/api/decisions/:id/delivery.xlsx', { schema: { tags, summary: 'The delivery report as xlsx', params: IdParams, querystring: SheetsPdfQuery } }, async (req, reply) => {
    const file = await deliveryReportXlsx(ctx(req), req.params.id, req.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(file.fileName)).send(file.content);
  });
  app.post(
    '/api/decisions/:id/receipts',
    { schema: { tags, summary: `Record an owner's signed paper receipt (file field "scan"). ${EVIDENCE_NOTE}`, params: IdParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => reply.code(201).send(await recordReceipt(ctx(req), req.params.id, evidenceForm(req, ReceiptFields, 'scan'))),
  );
  app.post(
    '/api/decisions/:id/postings',
    { schema: { tags, summary: `Record the public posting of the notice (file field "photo"). ${EVIDENCE_NOTE}`, params: IdParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => reply.code(201).send(await recordPosting(ctx(req), req.params.id, evidenceForm(req, PostingFields, 'photo'))),
  );
  app.get('/api/decisions/:id/proofs/:proofId/file', { schema: { tags, summary: 'A signed receipt’s scan or a posting’s photo', params: ProofParams } }, async (req, reply) => {
    const f = await getEvidence(ctx(req), req.params.id, 'proof', req.params.proofId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post('/api/decisions/:id/canvass/:entryId/phone', { schema: { tags, summary: "The owner's full phone number for a call (callOwners; audited)", params: EntryParams } }, async (req) =>
    revealOwnerPhone(ctx(req), req.params.id, req.params.entryId),
  );

  // ——— the ledger anyone can check (Decisions 3/4) ———
  const board = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };
  const JSON_FILE = (name: string) => ({ 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="bundle.json"; filename*=UTF-8''${encodeURIComponent(name)}` });
  app.get('/api/decisions/:id/bundle.json', { schema: { tags, summary: 'The evidence bundle with every ballot’s choices by pseudonym (scrutineers, owners’ committee, street; audited)', params: IdParams } }, async (req, reply) => {
    const bundle = await exportBundle(ctx(req), req.params.id);
    return reply.headers(JSON_FILE(`${bundle.decision.title}-证据包.json`)).send(JSON.stringify(bundle, null, 1));
  });
  app.get('/api/board/decisions/:id/bundle.json', { config: board, schema: { tags: ['public'], summary: 'The public evidence bundle: roll by keys, receipts, chain and heads; no choices, no names', params: IdParams } }, async (req, reply) => {
    const bundle = await publicBundle(kernel, req.params.id);
    return reply.headers(JSON_FILE(`${bundle.decision.title}-公开证据包.json`)).send(JSON.stringify(bundle, null, 1));
  });
  app.get('/api/board/decisions/:id/receipts/:receipt', { config: board, schema: { tags: ['public'], summary: 'Did my home vote? A receipt (or its first 16 hex digits) on the board', params: ReceiptParams } }, async (req) =>
    lookUpReceipt(kernel, req.params.id, req.params.receipt),
  );

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
  app.post('/api/me/decisions/:id/receipt-reports', { schema: { tags: resident, summary: 'My receipt differs from the board (the street is told)', params: IdParams, body: ReceiptReportBody } }, async (req, reply) =>
    reply.code(201).send(await reportReceipt(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/me/decisions/:id/proxies/:proxyId/revoke', { schema: { tags: resident, summary: 'Revoke a proxy registered for my home, before it votes', params: ProxyParams } }, async (req) =>
    revokeProxy(ctx(req), req.params.id, req.params.proxyId),
  );
}
