/**
 * What the web may know of the fees module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part
 * (bills, payments, arrears) adds its own lines below.
 */
export * from './fees.constants.ts';

// The bills part: request bodies and the answers the web reads (type-only).
export type { AdjustmentBody, CreateFeeItemBody, GenerateBody, OneOffBody, PriceChangeBody, TenantPayerBody, UpdateFeeItemBody, VacancyBody } from './fees.bills.schemas.ts';
export type { listFeeItems } from './use-cases/list-fee-items.ts';
export type { listBills } from './use-cases/list-bills.ts';
export type { getBill } from './use-cases/get-bill.ts';
export type { billingSummary } from './use-cases/billing-summary.ts';
export type { listVacancies } from './use-cases/list-vacancies.ts';
export type { generateBills } from './use-cases/generate-bills.ts';
export type { myBills, myBill, myDueTotal } from './use-cases/my-bills.ts';
export type { roomPayers } from './use-cases/authorise-tenant.ts';
// Payments part
export { SANDBOX_MODES, type SandboxMode } from './gateway/sandbox-modes.ts';
export type { CounterPaymentBody, RefundBody, ReconcileBody, SettlementBody, MatchBody } from './fees.payments.schemas.ts';
export type { createPayOrder, getMyPayOrder, previewMyBills } from './use-cases/create-pay-order.ts';
export type { listPayments, getPayment } from './use-cases/list-payments.ts';
export type { takeCounterPayment } from './use-cases/take-counter-payment.ts';
export type { refundPayment } from './use-cases/refund-payment.ts';
export type { listFlaggedOrders } from './use-cases/resolve-flagged-order.ts';
export type { listReconDiffs, listReconRuns } from './use-cases/list-reconciliation.ts';
export type { reconcileDay } from './use-cases/reconcile-day.ts';
export type { listSettlements, settlementCompanies } from './use-cases/list-settlements.ts';
export type { getSettlement, createSettlement, matchSettlement } from './use-cases/settle-company.ts';
export type { roomOpenBills } from './use-cases/room-open-bills.ts';
export type { sandboxOrder } from './use-cases/sandbox-cashier.ts';
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
export * from './fees.ratings.constants.ts';
// The ratings part: request bodies and the answers the web reads (type-only).
export type { RateBody } from './fees.ratings.schemas.ts';
export type { myRatings } from './use-cases/my-ratings.ts';
export type { listRatings } from './use-cases/list-ratings.ts';
export type { ratingSummary } from './use-cases/rating-summary.ts';
export * from './fees.fund.constants.ts';
// The fund part: request bodies and the answers the web reads (type-only).
export type { PublishFundBody, FundBasisFields } from './fees.fund.schemas.ts';
export type { getFundSummary, fundDecisionChoices } from './use-cases/get-fund-summary.ts';
export type { getFundImport, listFundImports, uploadFundStatement, commitFundStatement } from './use-cases/import-fund-statement.ts';
export type { listFundEntries } from './use-cases/list-fund-entries.ts';
export type { listFundPublications, getFundPublication, myFund, myFundPublication } from './use-cases/list-fund-publications.ts';
export type { publishFundQuarter } from './use-cases/publish-fund-quarter.ts';
export type { linkFundUse } from './use-cases/link-fund-use.ts';
// The books part (信托制 open books): request bodies and the answers the web reads (type-only).
export type { BookAccountBody, BookLineBody, ConfirmBody, CreateStatementBody, QuestionBody } from './fees.books.schemas.ts';
export type { getBookAccount } from './use-cases/set-book-account.ts';
export type { listBookStatements, listMyBookStatements } from './use-cases/list-book-statements.ts';
export type { getBookStatement, getMyBookStatement, getMyBookLine } from './use-cases/get-book-statement.ts';
export type { confirmBookStatement } from './use-cases/confirm-book-statement.ts';
export type { publishBookStatement } from './use-cases/publish-book-statement.ts';
export type { questionBookLine } from './use-cases/question-book-line.ts';
// The subsidies part (先缴后补): request bodies and the answers the web reads (type-only), and its constants.
export { SUBSIDY_MODES, SUBSIDY_READ_ROLES, SUBSIDY_DEFAULT_TAGS, SUBSIDY_STAGES, type SubsidyMode, type SubsidyStage } from './fees.constants.ts';
export type { SubsidyPolicyBody } from './fees.subsidies.schemas.ts';
export type { getSubsidyPolicy, listSubsidyLines, listMySubsidies } from './use-cases/subsidy-reads.ts';
