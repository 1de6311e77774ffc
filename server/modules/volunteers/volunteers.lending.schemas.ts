import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { LENDING_KINDS, LOAN_FILTERS } from './volunteers.lending.constants.ts';
import { LoansSort } from './use-cases/lending-loans-list.ts';

const Id = z.uuid();

/** The compound's catalogue of tools and books (a resident's H5). */
export const CatalogueQuery = PageQuery.extend({
  compoundId: Id.optional(),
  kind: z.enum(LENDING_KINDS).optional(),
  availability: z.enum(['available', 'lent']).optional(),
  q: z.string().trim().min(1).max(50).optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const RequestBody = z.object({ note: z.string().trim().max(200).default('') }).strict();
export type RequestBody = z.infer<typeof RequestBody>;
export const DeclineBody = z.object({ reason: z.string().trim().min(1).max(200).optional() }).strict();
export type DeclineBody = z.infer<typeof DeclineBody>;

/** The workbench's loans of the compounds in scope. */
export const LoansQuery = PageQuery.extend({
  placeId: Id.optional(),
  kind: z.enum(LENDING_KINDS).optional(),
  status: z.enum(LOAN_FILTERS).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...LoansSort.query,
});
export type LoansQuery = z.infer<typeof LoansQuery>;
