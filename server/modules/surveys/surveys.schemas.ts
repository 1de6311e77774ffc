import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { TITLE_MAX } from './surveys.constants.ts';

const Id = z.uuid();

export const CreateRecordBody = z.strictObject({
  placeId: Id,
  title: z.string().trim().min(1).max(TITLE_MAX),
});
export type CreateRecordBody = z.input<typeof CreateRecordBody>;

/** The list's sortable columns (the query's `sort`/`order`, and its ORDER BY): newest first by default. */
export const RecordsSort = sortable({ createdAt: 'r.created_at', title: 'r.title', place: 'p.path' }, { sort: 'createdAt', order: 'desc' }, 'r.id');
export const RecordsQuery = PageQuery.extend({
  placeId: Id.optional().describe('records at this place or below'),
  q: z.string().trim().max(50).optional().describe('words in the title'),
  ...RecordsSort.query,
});
export type RecordsQuery = z.infer<typeof RecordsQuery>;
