import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';

/** Request schemas of stages 4–6. Ids are UUIDs; money is integer fen; deadlines are dates (YYYY-MM-DD, China). */
const Id = z.uuid();
const Flag = z.enum(['true', 'false']);

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** A budget above 100 million yuan is a typing slip, not a residents' item. */
export const MAX_BUDGET_FEN = 10_000_000_000;

export const IdParams = z.object({ id: Id });

export const TaskBody = z.object({
  title: z.string().trim().min(1).max(100),
  /** The registry's organisation carrying the task; or, when it has none, its name as free text. */
  organisationId: Id.optional(),
  organisationName: z.string().trim().min(1).max(100).optional(),
  responsibleName: z.string().trim().min(1).max(50),
  responsiblePersonId: Id.optional(),
  deadline: z.iso.date(),
  budgetFen: z.number().int().min(0).max(MAX_BUDGET_FEN).default(0),
});
export type TaskBody = z.infer<typeof TaskBody>;

export const TaskPatch = z
  .object({
    title: z.string().trim().min(1).max(100),
    organisationId: Id.nullable(),
    organisationName: z.string().trim().min(1).max(100),
    responsibleName: z.string().trim().min(1).max(50),
    responsiblePersonId: Id.nullable(),
    deadline: z.iso.date(),
    budgetFen: z.number().int().min(0).max(MAX_BUDGET_FEN),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TaskPatch = z.infer<typeof TaskPatch>;

/** A progress report: JSON, or multipart form fields (strings) next to the photos. */
export const ProgressBody = z.object({
  percent: z.coerce.number().int().min(0).max(100),
  note: z.string().trim().max(2000).default(''),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const ReopenTaskBody = z.object({
  percent: z.number().int().min(0).max(99),
  note: z.string().trim().min(1).max(2000),
});
export type ReopenTaskBody = z.infer<typeof ReopenTaskBody>;

export const NoteBody = z.object({
  text: z.string().trim().min(1).max(2000),
  isPublic: z.boolean().default(true),
});
export type NoteBody = z.infer<typeof NoteBody>;

export const RatingBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
});
export type RatingBody = z.infer<typeof RatingBody>;

export const TasksSort = sortable(
  { deadline: ['t.deadline', 't.no'], progress: 't.progress_percent', title: 't.title', item: ['i.code', 't.no'] },
  { sort: 'deadline', order: 'asc' },
  't.id',
);
export const TasksQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  overdue: Flag.optional(),
  done: Flag.optional(),
  itemId: Id.optional(),
  placeId: Id.optional(),
  ...TasksSort.query,
});
export type TasksQuery = z.infer<typeof TasksQuery>;
export const TasksExportQuery = TasksQuery.omit({ page: true, pageSize: true });
export type TasksExportQuery = z.infer<typeof TasksExportQuery>;

export const EscalationsSort = sortable({ updatedAt: 'i.updated_at', code: 'i.code' }, { sort: 'updatedAt', order: 'desc' }, 'i.id');
export const EscalationsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  ...EscalationsSort.query,
});
export type EscalationsQuery = z.infer<typeof EscalationsQuery>;
