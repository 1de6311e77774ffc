/** The arrears part's vocabulary (receipts, invoices, arrears, reminders, cases), free of dependencies. */

export const RECEIPT_STATUSES = ['valid', 'voided'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const INVOICE_STATUSES = ['requested', 'issued', 'rejected'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** How a reminder batch reaches people: the kernel's channels (in-app notice = the inbox). */
export const REMINDER_CHANNELS = ['sms', 'wechat', 'inbox'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
/** An arrears case: opened by staff → a grid worker's visit → mediation → closed (from any step). */
export const ARREARS_CASE_STATUSES = ['open', 'visit', 'mediation', 'closed'] as const;
export type ArrearsCaseStatus = (typeof ARREARS_CASE_STATUSES)[number];
export const ARREARS_CASE_STEPS = ['opened', 'note', 'to_visit', 'visited', 'to_mediation', 'mediated', 'closed'] as const;
export type ArrearsCaseStep = (typeof ARREARS_CASE_STEPS)[number];
export const VISIT_OUTCOMES = ['promised', 'refused', 'unreachable', 'paid'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
