import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ARREARS_CASE_STATUSES, INVOICE_STATUSES, RECEIPT_STATUSES, REMINDER_CHANNELS } from './fees.arrears.constants.ts';
import { AGEING_BANDS } from './fees.constants.ts';
import { ArrearsRoomsSort } from './use-cases/list-arrears-rooms.ts';
import { ReceiptsSort } from './use-cases/list-receipts.ts';
import { InvoicesSort } from './use-cases/invoice-requests.ts';
import { BatchesSort } from './use-cases/reminder-batches.ts';
import { CasesSort } from './use-cases/arrears-cases.ts';

const Id = z.uuid();
export const IdParams = z.object({ id: Id });
const Search = z.string().trim().min(1).max(50).optional();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Note = z.string().trim().max(500);

export const ReceiptsQuery = PageQuery.extend({ placeId: Id.optional(), q: Search, status: z.enum(RECEIPT_STATUSES).optional(), ...ReceiptsSort.query });
export type ReceiptsQuery = z.infer<typeof ReceiptsQuery>;
export const VoidBody = z.object({ reason: z.string().trim().min(2).max(200) });

export const InvoiceBody = z.object({
  title: z.string().trim().min(1).max(100),
  // 统一社会信用代码 (18) or an older taxpayer number (15–20); absent for a person.
  taxNo: z.string().trim().regex(/^[0-9A-Z]{15,20}$/).optional(),
  email: z.email().max(100),
});
export type InvoiceBody = z.infer<typeof InvoiceBody>;
export const InvoiceIssueBody = z.object({ invoiceNo: z.string().trim().min(1).max(40), invoiceDate: Day });
export type InvoiceIssueBody = z.infer<typeof InvoiceIssueBody>;
export const InvoiceRejectBody = z.object({ reason: z.string().trim().min(1).max(200) });
export type InvoiceRejectBody = z.infer<typeof InvoiceRejectBody>;
export const InvoicesQuery = PageQuery.extend({ placeId: Id.optional(), q: Search, status: z.enum(INVOICE_STATUSES).optional(), ...InvoicesSort.query });
export type InvoicesQuery = z.infer<typeof InvoicesQuery>;

export const BandsQuery = z.object({ placeId: Id.optional() });
export const ArrearsRoomsQuery = PageQuery.extend({ placeId: Id.optional(), q: Search, band: z.enum(AGEING_BANDS).optional(), minBand: z.enum(AGEING_BANDS).optional(), ...ArrearsRoomsSort.query });
export type ArrearsRoomsQuery = z.infer<typeof ArrearsRoomsQuery>;
export const ReminderBody = z.object({ placeId: Id, minBand: z.enum(AGEING_BANDS), channels: z.array(z.enum(REMINDER_CHANNELS)).min(1).max(3) });
export type ReminderBody = z.infer<typeof ReminderBody>;
export const BatchesQuery = PageQuery.extend({ placeId: Id.optional(), ...BatchesSort.query });
export type BatchesQuery = z.infer<typeof BatchesQuery>;

export const OpenCaseBody = z.object({ roomId: Id, note: Note.optional() });
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;
export const MoveCaseBody = z.object({ note: Note.optional() });
export const NoteCaseBody = z.object({ note: Note.min(1) });
export const CasesQuery = PageQuery.extend({ placeId: Id.optional(), q: Search, status: z.enum(ARREARS_CASE_STATUSES).optional(), ...CasesSort.query });
export type CasesQuery = z.infer<typeof CasesQuery>;

export const CollectionQuery = z
  .object({ placeId: Id.optional(), from: Month, to: Month })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type CollectionQuery = z.infer<typeof CollectionQuery>;
