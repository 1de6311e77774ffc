import type { Kernel } from '../../kernel/context.ts';
import { AttachmentErrors } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { EVIDENCE_MAX_BYTES } from './supervision.sheets.constants.ts';
import {
  CreateSheetBody,
  EvidenceFileFields,
  FileParams,
  IdParams,
  InspectionsQuery,
  ItemParams,
  SaveItemBody,
  SaveSheetBody,
  SheetsQuery,
  StartInspectionBody,
  SubmitInspectionBody,
} from './supervision.sheets.schemas.ts';
import { activateSheet } from './use-cases/activate-sheet.ts';
import { copySheet } from './use-cases/copy-sheet.ts';
import { createSheet } from './use-cases/create-sheet.ts';
import { deleteInspection } from './use-cases/delete-inspection.ts';
import { deleteSheet } from './use-cases/delete-sheet.ts';
import { getInspection } from './use-cases/get-inspection.ts';
import { getSheet } from './use-cases/get-sheet.ts';
import { addInspectionFile, getInspectionFile, removeInspectionFile } from './use-cases/inspection-files.ts';
import { exportInspectionsXlsx, listInspections } from './use-cases/list-inspections.ts';
import { listInspectableCompounds } from './use-cases/list-inspectable-compounds.ts';
import { listSheets } from './use-cases/list-sheets.ts';
import { saveInspectionItem } from './use-cases/save-inspection-item.ts';
import { saveSheet } from './use-cases/save-sheet.ts';
import { startInspection } from './use-cases/start-inspection.ts';
import { submitInspection } from './use-cases/submit-inspection.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets part's routes (indicator sheets and inspections on them): thin. */
export function sheetsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision'];

  // Indicator sheets (考评标准)
  app.get('/api/supervision/sheets', { schema: { tags, summary: 'Indicator sheets of the streets I read (versions, status, in force now)', querystring: SheetsQuery } }, async (req) =>
    listSheets(ctx(req), req.query),
  );
  app.post('/api/supervision/sheets', { schema: { tags, summary: 'Start an empty draft of a kind of sheet at a street (the next version)', body: CreateSheetBody } }, async (req, reply) =>
    reply.code(201).send(await createSheet(ctx(req), req.body)),
  );
  app.get('/api/supervision/sheets/:id', { schema: { tags, summary: 'A sheet with its sections and indicators', params: IdParams } }, async (req) => getSheet(ctx(req), req.params.id));
  app.put('/api/supervision/sheets/:id', { schema: { tags, summary: "Replace a draft's name, sections and indicators (a frozen sheet: 409 SHEET_FROZEN)", params: IdParams, body: SaveSheetBody } }, async (req) =>
    saveSheet(ctx(req), req.params.id, req.body),
  );
  app.delete('/api/supervision/sheets/:id', { schema: { tags, summary: 'Delete a draft sheet', params: IdParams } }, async (req) => deleteSheet(ctx(req), req.params.id));
  app.post('/api/supervision/sheets/:id/activate', { schema: { tags, summary: 'Activate a draft: frozen; applies from the next quarter (a first version: this one)', params: IdParams } }, async (req) =>
    activateSheet(ctx(req), req.params.id),
  );
  app.post('/api/supervision/sheets/:id/copy', { schema: { tags, summary: 'New version: copy a frozen sheet into a draft', params: IdParams } }, async (req, reply) =>
    reply.code(201).send(await copySheet(ctx(req), req.params.id)),
  );

  // Inspections (检查记录)
  app.get('/api/supervision/inspections', { schema: { tags, summary: 'Inspections I see (drafts only to inspectors): search, sort, page', querystring: InspectionsQuery } }, async (req) =>
    listInspections(ctx(req), req.query),
  );
  app.get('/api/supervision/inspections/export.xlsx', { schema: { tags, summary: 'Inspections as xlsx', querystring: InspectionsQuery } }, async (req, reply) => {
    const file = await exportInspectionsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get('/api/supervision/inspectable-compounds', { schema: { tags, summary: 'The compounds I may inspect (the picker of a new inspection)' } }, async (req) => listInspectableCompounds(ctx(req)));
  app.post('/api/supervision/inspections', { schema: { tags, summary: 'Start an inspection of a compound on the sheet in force for the period', body: StartInspectionBody } }, async (req, reply) =>
    reply.code(201).send(await startInspection(ctx(req), req.body)),
  );
  app.get('/api/supervision/inspections/:id', { schema: { tags, summary: 'An inspection: entries, evidence, score and breakdown', params: IdParams } }, async (req) =>
    getInspection(ctx(req), req.params.id),
  );
  app.delete('/api/supervision/inspections/:id', { schema: { tags, summary: 'Delete a draft inspection', params: IdParams } }, async (req) => deleteInspection(ctx(req), req.params.id));
  app.put('/api/supervision/inspections/:id/items/:indicatorId', { schema: { tags, summary: "Record an indicator's entry (points, findings or met) and note on a draft", params: ItemParams, body: SaveItemBody } }, async (req) =>
    saveInspectionItem(ctx(req), req.params.id, req.params.indicatorId, req.body),
  );
  app.post(
    '/api/supervision/inspections/:id/items/:indicatorId/files',
    {
      schema: {
        tags,
        summary: `Add evidence to an indicator: multipart field "file" (a photo: JPG/PNG/WebP; a document: PDF or image; ≤ ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB) and optional field "kind" (photo | document)`,
        params: ItemParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const readUpload = async () => {
        const { fields, files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: EVIDENCE_MAX_BYTES },
          {
            notMultipart: () => AttachmentErrors.FILE_REQUIRED(),
            fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }),
          },
        );
        const file = files[0];
        if (!file) throw AttachmentErrors.FILE_REQUIRED();
        const { kind } = parseFields(EvidenceFileFields, { ...(fields.kind?.trim() ? { kind: fields.kind.trim() } : {}) });
        return { upload: { filename: file.filename, mimetype: file.mimetype, content: file.content }, kind };
      };
      return reply.code(201).send(await addInspectionFile(ctx(req), req.params.id, req.params.indicatorId, readUpload));
    },
  );
  app.delete('/api/supervision/inspections/:id/files/:fileId', { schema: { tags, summary: 'Remove an evidence file from a draft', params: FileParams } }, async (req) =>
    removeInspectionFile(ctx(req), req.params.id, req.params.fileId),
  );
  app.get('/api/supervision/inspections/:id/files/:fileId', { schema: { tags, summary: 'An evidence file of an inspection I may see', params: FileParams } }, async (req, reply) => {
    const f = await getInspectionFile(ctx(req), req.params.id, req.params.fileId);
    // Photos show inline in <img>; storedFileHeaders keeps any document a sandboxed download.
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post('/api/supervision/inspections/:id/submit', { schema: { tags, summary: 'Submit: credited points and score computed; frozen from then on', params: IdParams, body: SubmitInspectionBody } }, async (req) =>
    submitInspection(ctx(req), req.params.id, req.body),
  );
}
