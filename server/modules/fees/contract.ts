/**
 * What the web may know of the fees module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part
 * (bills, payments, arrears) adds its own lines below.
 */
export * from './fees.constants.ts';
export * from './fees.arrears.constants.ts';
// The arrears part: request bodies and the answers the web reads (type-only).
export type { InvoiceBody, InvoiceIssueBody, InvoiceRejectBody, ReminderBody, OpenCaseBody } from './fees.arrears.schemas.ts';
export type { listReceipts, listMyReceipts } from './use-cases/list-receipts.ts';
export type { getReceipt, getMyReceipt } from './use-cases/get-receipt.ts';
export type { listInvoices } from './use-cases/invoice-requests.ts';
export type { getArrearsBands } from './use-cases/get-arrears-bands.ts';
export type { listArrearsRooms } from './use-cases/list-arrears-rooms.ts';
export type { listReminderBatches, getReminderBatch } from './use-cases/reminder-batches.ts';
export type { listArrearsCases, getArrearsCase } from './use-cases/arrears-cases.ts';
export type { getCollectionRates } from './use-cases/get-collection-rates.ts';
