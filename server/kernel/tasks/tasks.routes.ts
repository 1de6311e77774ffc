import { z } from 'zod';
import type { Kernel } from '../context.ts';
import { ctxOf } from '../http/server.ts';
import type { App } from '../module.ts';
import { getTask } from './tasks.ts';

export function taskRoutes(app: App, kernel: Kernel) {
  app.get(
    '/api/tasks/:id',
    { schema: { tags: ['tasks'], summary: 'Progress of a long-running task I started', params: z.object({ id: z.uuid() }) } },
    async (req) => getTask(kernel, ctxOf(kernel, req).actor, req.params.id),
  );
}
