import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { FUND_BASIS_KINDS, FUND_ENTRY_KINDS } from './fees.fund.constants.ts';
import { FundEntriesSort } from './use-cases/list-fund-entries.ts';
import { FundPublicationsSort } from './use-cases/list-fund-publications.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
export const FundIdParams = z.object({ id: Id });
export const FundPlaceQuery = z.object({ placeId: Id });
export const FundEntriesQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(60).optional(),
  kind: z.enum(FUND_ENTRY_KINDS).optional(),
  basis: z.enum(['none', ...FUND_BASIS_KINDS]).optional(),
  ...FundEntriesSort.query,
});
export const FundPublicationsQuery = PageQuery.extend({ placeId: Id.optional(), ...FundPublicationsSort.query });
export const PublishFundBody = z.object({ placeId: Id, quarter: z.string().regex(/^\d{4}-Q[1-4]$/) });
export type PublishFundBody = z.infer<typeof PublishFundBody>;
/** The basis form's text fields (multipart, beside the emergency record's document). */
export const FundBasisFields = z.object({
  kind: z.enum(FUND_BASIS_KINDS),
  decisionId: Id.optional(),
  what: z.string().trim().min(2).max(500).optional(),
  day: Day.optional(),
  certifiedBy: z.string().trim().min(2).max(100).optional(),
  reason: z.string().trim().min(2).max(200).optional(),
});
export type FundBasisFields = z.infer<typeof FundBasisFields>;
