import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { parseFields, readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { ExecutionErrors } from './execution.errors.ts';
import { EscalationsQuery, IdParams, MAX_PHOTO_BYTES, MAX_PHOTOS, NoteBody, ProgressBody, RatingBody, ReopenTaskBody, TaskBody, TaskPatch, TasksExportQuery, TasksQuery } from './execution.schemas.ts';
import { addSupervisionNote } from './use-cases/add-supervision-note.ts';
import { getPhoto } from './use-cases/get-photo.ts';
import { itemExecution } from './use-cases/item-execution.ts';
import { listEscalations } from './use-cases/list-escalations.ts';
import { listTasks, listTasksXlsx } from './use-cases/list-tasks.ts';
import { myItemExecution } from './use-cases/my-item-execution.ts';
import { planTask } from './use-cases/plan-tasks.ts';
import { rateItem } from './use-cases/rate-item.ts';
import { removeTask } from './use-cases/remove-task.ts';
import { reopenTask } from './use-cases/reopen-task.ts';
import { reportProgress } from './use-cases/report-progress.ts';
import type { Upload } from './use-cases/task-photos.ts';
import { updateTask } from './use-cases/update-task.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A progress report: JSON, or multipart form fields with up to six photos (checked by content in the use case). */
async function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): Promise<{ body: z.infer<S>; files: Upload[] }> {
  if (!req.isMultipart()) return { body: parseFields(schema, req.body ?? {}), files: [] };
  const form = await readMultipart(
    req,
    { maxFiles: MAX_PHOTOS, maxFileBytes: MAX_PHOTO_BYTES },
    {
      fileTooLarge: (name) => ExecutionErrors.PHOTO_TOO_LARGE({ name, limit: MAX_PHOTO_BYTES / 1024 / 1024 }),
      tooManyFiles: (max) => ExecutionErrors.TOO_MANY_PHOTOS({ max }),
    },
  );
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== ''));
  return { body: parseFields(schema, fields), files: form.files.map((f) => ({ filename: f.filename, content: f.content })) };
}

/** Stages 4–6 (tasks, progress, supervision, the residents' rating): thin routes — validate → use case → JSON. */
export function executionRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['deliberation'];

  app.get('/api/deliberation/tasks', { schema: { tags, summary: "Tasks of the items I may read, with overdue flags (stages 4–5)", querystring: TasksQuery } }, async (req) => listTasks(ctx(req), req.query));
  app.get('/api/deliberation/tasks.xlsx', { schema: { tags, summary: 'The task list as xlsx', querystring: TasksExportQuery } }, async (req, reply) => {
    const file = await listTasksXlsx(ctx(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="tasks.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });
  app.post('/api/deliberation/items/:id/tasks', { schema: { tags, summary: 'Plan a task of an executing item (执行决策)', params: IdParams, body: TaskBody } }, async (req, reply) =>
    reply.code(201).send(await planTask(ctx(req), req.params.id, req.body)),
  );
  app.patch('/api/deliberation/tasks/:id', { schema: { tags, summary: 'Change a task that is not done', params: IdParams, body: TaskPatch } }, async (req) => updateTask(ctx(req), req.params.id, req.body));
  app.delete('/api/deliberation/tasks/:id', { schema: { tags, summary: 'Remove a task that is not done', params: IdParams } }, async (req) => removeTask(ctx(req), req.params.id));
  app.post(
    '/api/deliberation/tasks/:id/progress',
    {
      schema: {
        tags,
        summary: "Report a task's progress with photos (100 % marks it done)",
        description: 'JSON, or multipart/form-data with the fields percent, note as text and up to 6 image files (JPEG/PNG/WebP, ≤ 5 MB each) under photos.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const { body, files } = await readForm(req, ProgressBody);
      return reply.code(201).send(await reportProgress(ctx(req), req.params.id, body, files));
    },
  );
  app.post('/api/deliberation/tasks/:id/reopen', { schema: { tags, summary: 'Reopen a done task of a reopened item', params: IdParams, body: ReopenTaskBody } }, async (req) =>
    reopenTask(ctx(req), req.params.id, req.body),
  );
  app.post('/api/deliberation/items/:id/notes', { schema: { tags, summary: 'Add a supervision note, public or internal (监督反馈)', params: IdParams, body: NoteBody } }, async (req, reply) =>
    reply.code(201).send(await addSupervisionNote(ctx(req), req.params.id, req.body)),
  );
  app.get('/api/deliberation/items/:id/execution', { schema: { tags, summary: "An item's tasks, progress, notes and rating rounds", params: IdParams } }, async (req) => itemExecution(ctx(req), req.params.id));
  app.get('/api/deliberation/escalations', { schema: { tags, summary: 'Items sent to the street: escalated after poor verdicts, or with overdue tasks', querystring: EscalationsQuery } }, async (req) =>
    listEscalations(ctx(req), req.query),
  );
  app.get('/api/deliberation/photos/:id', { schema: { tags, summary: 'A progress photo of an item I may see', params: IdParams } }, async (req, reply) => {
    const photo = await getPhoto(ctx(req), req.params.id);
    return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').header('content-disposition', 'inline').send(photo.content);
  });

  // The resident's side
  app.get('/api/me/deliberation/items/:id/execution', { schema: { tags: ['resident'], summary: "An item's public progress, my household's rating and the results", params: IdParams } }, async (req) =>
    myItemExecution(ctx(req), req.params.id),
  );
  app.post('/api/me/deliberation/items/:id/rating', { schema: { tags: ['resident'], summary: "Rate an item's outcome for my household (1–5, once per round)", params: IdParams, body: RatingBody } }, async (req, reply) =>
    reply.code(201).send(await rateItem(ctx(req), req.params.id, req.body)),
  );
}
