import type { FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { AttachmentErrors } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { EVIDENCE_MAX_BYTES } from './decisions.constants.ts';
import { IdParams } from './decisions.schemas.ts';
import { AffectedBody, AffectedParams, AgreementFields, CostSharesQuery, CreateElevatorBody, ObjectionTextBody, PatchElevatorBody, PreviewElevatorQuery } from './elevator.schemas.ts';
import { createElevator, stairwellRooms } from './use-cases/create-elevator.ts';
import type { EvidenceForm } from './use-cases/evidence-file.ts';
import { costSharesXlsx, getAgreementFile, getElevator, listCostShares } from './use-cases/get-elevator.ts';
import { markAffected, removeAffected } from './use-cases/mark-affected.ts';
import { fileAffectedObjection, recordAffectedObjection } from './use-cases/record-affected-objection.ts';
import { recordCompensationAgreement } from './use-cases/record-compensation-agreement.ts';
import { updateElevator } from './use-cases/update-elevator.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A compensation agreement's form: its fields, and its optional signed scan (field "file"), read after the permission check. */
const agreementForm =
  (req: FastifyRequest) =>
  async (): Promise<EvidenceForm<AgreementFields>> => {
    const form = await readMultipart(
      req,
      { maxFiles: 1, maxFileBytes: EVIDENCE_MAX_BYTES },
      { notMultipart: () => AttachmentErrors.FILE_REQUIRED(), fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }) },
    );
    const fields = parseFields(AgreementFields, Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')));
    const file = form.files.find((f) => f.fieldname === 'file');
    return { fields, upload: file ? { filename: file.filename, mimetype: file.mimetype, content: file.content } : null };
  };

/** Elevator retrofit (加装电梯): thin routes — validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function elevatorRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['decisions'];
  app.post('/api/decisions/elevators', { schema: { tags, summary: "Draft an elevator retrofit in one unit's stairwell, its cost shared by a floor-coefficient table", body: CreateElevatorBody } }, async (req, reply) =>
    reply.code(201).send(await createElevator(ctx(req), req.body)),
  );
  app.get('/api/decisions/elevators/rooms', { schema: { tags, summary: "A unit's rooms with floor and area, to preview the shares before drafting", querystring: PreviewElevatorQuery } }, async (req) =>
    stairwellRooms(ctx(req), req.query.unitId),
  );
  app.get('/api/decisions/:id/elevator', { schema: { tags, summary: 'An elevator retrofit: cost, table, every room’s share, the affected owners, the judgement', params: IdParams } }, async (req) =>
    getElevator(ctx(req), req.params.id),
  );
  app.patch('/api/decisions/:id/elevator', { schema: { tags, summary: "Change a draft retrofit's cost, table or area switch (the shares are computed again)", params: IdParams, body: PatchElevatorBody } }, async (req) =>
    updateElevator(ctx(req), req.params.id, req.body),
  );
  app.get('/api/decisions/:id/elevator/shares', { schema: { tags, summary: 'The cost shares by room (paginated, searchable, sortable)', params: IdParams, querystring: CostSharesQuery } }, async (req) =>
    listCostShares(ctx(req), req.params.id, req.query),
  );
  app.get('/api/decisions/:id/elevator/shares.xlsx', { schema: { tags, summary: '加装电梯费用分摊表 as xlsx', params: IdParams } }, async (req, reply) => {
    const file = await costSharesXlsx(ctx(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="shares.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.post('/api/decisions/:id/affected', { schema: { tags, summary: 'Mark an owner whose own part the works affect (before voting opens)', params: IdParams, body: AffectedBody } }, async (req, reply) =>
    reply.code(201).send(await markAffected(ctx(req), req.params.id, req.body)),
  );
  app.delete('/api/decisions/:id/affected/:affectedId', { schema: { tags, summary: 'Unmark an affected owner (before voting opens)', params: AffectedParams } }, async (req) =>
    removeAffected(ctx(req), req.params.id, req.params.affectedId),
  );
  app.post('/api/decisions/:id/affected/:affectedId/objection', { schema: { tags, summary: "Record an affected owner's objection on their behalf (compensation rule)", params: AffectedParams, body: ObjectionTextBody } }, async (req) =>
    recordAffectedObjection(ctx(req), req.params.id, req.params.affectedId, req.body),
  );
  app.post(
    '/api/decisions/:id/affected/:affectedId/agreement',
    {
      schema: {
        tags,
        summary: `Settle an objection with a compensation agreement (amountFen, signedOn, note; optional signed scan in file field "file", JPG, PNG, WebP or PDF, at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB)`,
        params: AffectedParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => reply.code(201).send(await recordCompensationAgreement(ctx(req), req.params.id, req.params.affectedId, agreementForm(req))),
  );
  app.get('/api/decisions/:id/affected/:affectedId/agreement/file', { schema: { tags, summary: "A compensation agreement's signed scan", params: AffectedParams } }, async (req, reply) => {
    const f = await getAgreementFile(ctx(req), req.params.id, req.params.affectedId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post(
    '/api/me/decisions/:id/affected-objection',
    { schema: { tags: ['resident'], summary: 'I object to the retrofit as an affected owner (settled by a compensation agreement)', params: IdParams, body: ObjectionTextBody } },
    async (req, reply) => reply.code(201).send(await fileAffectedObjection(ctx(req), req.params.id, req.body)),
  );
}
