import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { SCORE_MAX_CENTI } from './supervision.assessment.constants.ts';
import { NOTE_MAX } from './supervision.constants.ts';
import { ALLOCATION_LINES_MAX, APPLICATION_STATUSES, PURPOSE_MAX, RECIPIENT_KINDS } from './supervision.stars.constants.ts';
import { ApplicationsSort } from './use-cases/list-star-applications.ts';
import { CompoundStarsSort } from './use-cases/list-compound-stars.ts';

const Id = z.uuid();
const Centi = z.number().int().min(1).max(SCORE_MAX_CENTI);
/** Money in fen: whole, positive, below a billion yuan. */
const Fen = z.number().int().min(0).max(100_000_000_000);

export const StreetQuery = z.object({ streetId: Id });
export const IdParams = z.object({ id: Id });
export const CompoundParams = z.object({ compoundId: Id });

export const StarSettingsBody = z
  .object({
    streetId: Id,
    minimums: z.object({ '2': Centi, '3': Centi, '4': Centi, '5': Centi }).strict(),
    rewardsFen: z.object({ '1': Fen, '2': Fen, '3': Fen, '4': Fen, '5': Fen }).strict(),
    // Above 30 is refused by the use case with its own message (the rule, not the schema's).
    companyMaxPercent: z.number().int().min(0).max(100),
  })
  .strict();
export type StarSettingsBody = z.infer<typeof StarSettingsBody>;

export const ApplyBody = z.object({ compoundId: Id, level: z.number().int().min(1).max(5), note: z.string().trim().max(NOTE_MAX).optional() }).strict();
export type ApplyBody = z.infer<typeof ApplyBody>;

export const AssignBody = z.object({ assessorId: Id }).strict();
export type AssignBody = z.infer<typeof AssignBody>;

export const AllocationLine = z
  .object({
    recipientKind: z.enum(RECIPIENT_KINDS),
    /** The registry organisation (required unless the kind is 'other'). */
    organisationId: Id.nullable().optional(),
    /** For 'other': who receives it (e.g. 小区志愿服务队). */
    recipientName: z.string().trim().min(1).max(100).optional(),
    amountFen: z.number().int().min(1).max(100_000_000_000),
    purpose: z.string().trim().min(1).max(PURPOSE_MAX),
  })
  .strict();
export const AllocationBody = z.object({ lines: z.array(AllocationLine).min(1).max(ALLOCATION_LINES_MAX) }).strict();
export type AllocationBody = z.infer<typeof AllocationBody>;

export const ApplicationsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  ...ApplicationsSort.query,
});
export type ApplicationsQuery = z.infer<typeof ApplicationsQuery>;

export const CompoundStarsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  ...CompoundStarsSort.query,
});
export type CompoundStarsQuery = z.infer<typeof CompoundStarsQuery>;
