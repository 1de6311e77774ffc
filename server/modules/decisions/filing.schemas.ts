import { z } from 'zod';
import { PageQuery, nullsLast, sortable } from '../../kernel/pagination.ts';
import { FILING_OFFICES } from './decisions.constants.ts';

/** The filing (备案) routes' input (filing.routes.ts). */
export const FilingParams = z.object({ filingId: z.uuid() });
export const DecisionFilingParams = z.object({ id: z.uuid(), filingId: z.uuid() });
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const FilingsSort = sortable(
  { dueOn: 'f.due_on', submittedAt: nullsLast('f.submitted_at'), title: 'd.title', status: 'f.status' },
  { sort: 'dueOn', order: 'asc' },
  'f.id',
);
export const FilingsQuery = PageQuery.extend({
  status: z.enum(['pending', 'submitted', 'acknowledged', 'returned']).optional(),
  office: z.enum(FILING_OFFICES).optional(),
  overdue: Flag.optional().describe('true: not submitted (pending or returned) and past its due date by the calendar in China'),
  placeId: z.uuid().optional().describe('filings of decisions at this place or below'),
  q: z.string().trim().max(50).optional().describe("the decision's title"),
  ...FilingsSort.query,
});
export type FilingsQuery = z.infer<typeof FilingsQuery>;

/** The submission's text fields (multipart, beside the minutes file in field "minutes"). */
export const SubmitFilingFields = z.strictObject({ note: z.string().trim().max(1000).optional() });
export type SubmitFilingFields = z.infer<typeof SubmitFilingFields>;
export const AcknowledgeFilingBody = z.strictObject({ note: z.string().trim().max(1000).optional() });
export const ReturnFilingBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
