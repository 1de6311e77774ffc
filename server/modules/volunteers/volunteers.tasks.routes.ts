import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './volunteers.routes.ts';
import { DoneBody, ReasonBody, TaskBody, TasksQuery } from './volunteers.tasks.schemas.ts';
import { cancelTask } from './use-cases/tasks-cancel.ts';
import { confirmTask } from './use-cases/tasks-confirm.ts';
import { createTask } from './use-cases/tasks-create.ts';
import { finishTask } from './use-cases/tasks-done.ts';
import { getTask } from './use-cases/tasks-get.ts';
import { giveBackTask } from './use-cases/tasks-give-back.ts';
import { grabTask } from './use-cases/tasks-grab.ts';
import { exportTasksXlsx, listTasks } from './use-cases/tasks-list.ts';
import { myTasks } from './use-cases/tasks-mine.ts';
import { listTaskPlaces } from './use-cases/tasks-places.ts';
import { returnTask } from './use-cases/tasks-return.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The tasks part's routes (任务抢单): the staff board, and the volunteer's grab, give-back and done on the H5. Thin. */
export function tasksRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['volunteer tasks'];
  const base = '/api/volunteers/tasks';
  const mine = '/api/me/volunteers/tasks';

  app.get(base, { schema: { tags, summary: 'The task board: tasks in my places — search, filter by status and place, sort, page', querystring: TasksQuery } }, async (req) => listTasks(ctx(req), req.query));
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The task board as xlsx', querystring: TasksQuery } }, async (req, reply) => {
    const file = await exportTasksXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="tasks.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/places`, { schema: { tags, summary: 'The communities and compounds I may post tasks to' } }, async (req) => listTaskPlaces(ctx(req)));
  app.post(base, { schema: { tags, summary: "Post a task (its place's approved volunteers are told)", body: TaskBody } }, async (req, reply) => reply.code(201).send(await createTask(ctx(req), req.body)));
  app.get(`${base}/:id`, { schema: { tags, summary: 'A task with its photos and timeline', params: IdParams } }, async (req) => getTask(ctx(req), req.params.id));
  app.post(`${base}/:id/confirm`, { schema: { tags, summary: 'Confirm a done task: its points and minutes are credited to the volunteer once', params: IdParams } }, async (req) =>
    confirmTask(ctx(req), req.params.id),
  );
  app.post(`${base}/:id/return`, { schema: { tags, summary: 'Return a done task to its volunteer with a reason', params: IdParams, body: ReasonBody } }, async (req) =>
    returnTask(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${base}/:id/cancel`, { schema: { tags, summary: 'Cancel a task not yet done, with a reason', params: IdParams, body: ReasonBody } }, async (req) =>
    cancelTask(ctx(req), req.params.id, req.body.reason),
  );

  app.get(mine, { schema: { tags, summary: 'Open tasks of my compounds and communities, and the tasks I took' } }, async (req) => myTasks(ctx(req)));
  app.post(`${mine}/:id/grab`, { schema: { tags, summary: '抢单: take an open task (first come, exactly one winner)', params: IdParams } }, async (req) => grabTask(ctx(req), req.params.id));
  app.post(`${mine}/:id/give-back`, { schema: { tags, summary: 'Give a task I took back before finishing it', params: IdParams } }, async (req) => giveBackTask(ctx(req), req.params.id));
  app.post(
    `${mine}/:id/done`,
    { schema: { tags, summary: 'Mark a task I took done, with a note and at least one photo', description: `${MULTIPART_NOTE} Fields: note.`, params: IdParams } },
    async (req) => {
      const { body, files } = await readForm(req, DoneBody);
      return finishTask(ctx(req), req.params.id, body, files);
    },
  );
}
