import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { TASK_DESCRIPTION_MAX, TASK_MINUTES_MAX, TASK_NOTE_MAX, TASK_POINTS_MAX, TASK_REASON_MAX, TASK_STATUSES, TASK_TARGET_MAX, TASK_TITLE_MAX } from './volunteers.tasks.constants.ts';
import { TasksSort } from './use-cases/tasks-list.ts';

const Id = z.uuid();

export const TaskBody = z
  .object({
    placeId: Id,
    title: z.string().trim().min(1).max(TASK_TITLE_MAX),
    description: z.string().trim().max(TASK_DESCRIPTION_MAX).default(''),
    target: z.string().trim().max(TASK_TARGET_MAX).default(''),
    points: z.number().int().min(0).max(TASK_POINTS_MAX),
    minutes: z.number().int().min(0).max(TASK_MINUTES_MAX),
    deadline: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  })
  .strict();
export type TaskBody = z.infer<typeof TaskBody>;

export const TasksQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...TasksSort.query,
});
export type TasksQuery = z.infer<typeof TasksQuery>;

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(TASK_REASON_MAX) }).strict();
/** 完成任务: the note (with at least one photo, multipart). */
export const DoneBody = z.object({ note: z.string().trim().min(1).max(TASK_NOTE_MAX) }).strict();
export type DoneBody = z.infer<typeof DoneBody>;
