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
