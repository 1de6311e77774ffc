import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { AFFECTED_IMPACTS, COEFFICIENT_MAX, COST_FEN_MAX } from './cost-shares.ts';
import { TITLE_MAX } from './decisions.constants.ts';

/** Requests of the elevator retrofit (加装电梯): its own file, beside decisions.schemas.ts. */

const Id = z.uuid();
const CostFen = z.number().int().min(1).max(COST_FEN_MAX).describe('the whole cost in fen');
const Coefficients = z
  .record(z.string().regex(/^-?\d{1,3}$/, 'a floor number'), z.number().int().min(0).max(COEFFICIENT_MAX))
  .refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 200, 'one coefficient per floor')
  .describe('floor → coefficient in permille (0…10000), ground floor 0 … top floor highest');

export const CreateElevatorBody = z.strictObject({
  unitId: Id.describe('the unit (stairwell) whose owners decide'),
  title: z.string().trim().min(1).max(TITLE_MAX).optional(),
  description: z.string().trim().max(4000).optional(),
  organiserKind: z.enum(['owners_committee', 'preparatory_group', 'residents_committee']),
  organiserAuthority: z.string().trim().min(1).max(500),
  costFen: CostFen,
  byArea: z.boolean().describe('weight = coefficient × exclusive area when true; the coefficient alone when false'),
  coefficients: Coefficients,
  scrutineerIds: z.array(Id).max(10).optional(),
});
export type CreateElevatorBody = z.infer<typeof CreateElevatorBody>;

export const PatchElevatorBody = z
  .strictObject({ costFen: CostFen.optional(), byArea: z.boolean().optional(), coefficients: Coefficients.optional() })
  .refine((b) => b.costFen !== undefined || b.byArea !== undefined || b.coefficients !== undefined, 'change at least one of costFen, byArea, coefficients');
export type PatchElevatorBody = z.infer<typeof PatchElevatorBody>;

export const PreviewElevatorQuery = z.object({ unitId: Id });

export const CostSharesSort = sortable({ floor: 's.floor', room: 's.room_label', share: 's.share_fen' }, { sort: 'room', order: 'asc' }, 's.room_id');
export const CostSharesQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('room number or masked owner name'),
  ...CostSharesSort.query,
});
export type CostSharesQuery = z.infer<typeof CostSharesQuery>;

export const AffectedBody = z.strictObject({
  roomId: Id,
  impact: z
    .array(z.enum(AFFECTED_IMPACTS))
    .min(1)
    .max(4)
    .refine((a) => new Set(a).size === a.length, 'each impact once'),
  note: z.string().trim().max(1000).optional(),
});
export type AffectedBody = z.infer<typeof AffectedBody>;
export const AffectedParams = z.object({ id: Id, affectedId: Id });
export const ObjectionTextBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export type ObjectionTextBody = z.infer<typeof ObjectionTextBody>;
/** A compensation agreement's fields (multipart, with its optional scan "file"). */
export const AgreementFields = z.strictObject({
  amountFen: z.coerce.number().int().min(0).max(COST_FEN_MAX),
  signedOn: z.iso.date(),
  note: z.string().trim().max(1000).optional(),
});
export type AgreementFields = z.infer<typeof AgreementFields>;
