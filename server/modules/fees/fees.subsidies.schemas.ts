import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { SUBSIDY_DEFAULT_TAGS, SUBSIDY_MODES } from './fees.constants.ts';
import { SubsidyLinesSort } from './use-cases/subsidy-reads.ts';

const Id = z.uuid();
/** The registry's person tags (registry.constants.ts PERSON_TAGS), as the policy may name them. */
const Tag = z.enum(['party_member', 'low_income', 'extreme_hardship', 'elderly', 'disabled', 'volunteer']);

export const SubsidyPolicyQuery = z.object({ placeId: Id });
export const SubsidyPolicyBody = z
  .object({
    streetId: Id,
    effectiveFrom: z.iso.date(),
    mode: z.enum(SUBSIDY_MODES),
    /** `share`: basis points of the paid amount (5000 = 50 %). */
    shareBp: z.number().int().min(1).max(10_000).optional(),
    /** `per_area`: fen per m² per month. */
    perAreaFen: z.number().int().min(1).max(100_000).optional(),
    capFen: z.number().int().min(1).max(100_000_000),
    tags: z.array(Tag).min(1).max(6).default([...SUBSIDY_DEFAULT_TAGS]),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.mode === 'share' ? b.shareBp !== undefined : b.perAreaFen !== undefined), { message: 'share needs shareBp, per_area needs perAreaFen', path: ['mode'] });
export type SubsidyPolicyBody = z.infer<typeof SubsidyPolicyBody>;

export const SubsidyLinesQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  status: z.enum(['granted', 'reversed']).optional(),
  period: z.string().trim().min(1).max(10).optional(),
  ...SubsidyLinesSort.query,
});
export type SubsidyLinesQuery = z.infer<typeof SubsidyLinesQuery>;
