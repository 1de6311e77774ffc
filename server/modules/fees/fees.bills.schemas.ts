import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { BASIS_KINDS, BILL_STATUSES, FEE_CYCLES, FEE_KINDS, PAYER_KINDS } from './fees.constants.ts';

const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });
const Day = z.iso.date();

/** Yuan as typed ("2.35", "-10", "150.5"): at most two decimals, turned into integer fen without floating point. */
const yuanToFen = (s: string) => {
  const negative = s.startsWith('-');
  const [whole, frac = ''] = (negative ? s.slice(1) : s).split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -fen : fen;
};
export const Yuan = z
  .string()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, 'yuan with at most two decimals')
  .transform(yuanToFen)
  .refine((f) => f > 0, 'more than zero');
const SignedYuan = z
  .string()
  .regex(/^-?\d{1,7}(\.\d{1,2})?$/, 'yuan with at most two decimals')
  .transform(yuanToFen)
  .refine((f) => f !== 0, 'not zero');

export const FeeItemsQuery = z.strictObject({ compoundId: Id, includeInactive: z.enum(['true', 'false']).default('false') });
export const CreateFeeItemBody = z.strictObject({
  compoundId: Id,
  name: z.string().trim().min(1).max(50),
  kind: z.enum(FEE_KINDS),
  cycle: z.enum(FEE_CYCLES),
  vacancyDiscountBp: z.number().int().min(0).max(10_000).default(0).describe('discount on a registered vacant room, basis points (3000 = 30 % off)'),
});
export type CreateFeeItemBody = z.input<typeof CreateFeeItemBody>;
export const UpdateFeeItemBody = z
  .strictObject({
    name: z.string().trim().min(1).max(50).optional(),
    vacancyDiscountBp: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateFeeItemBody = z.input<typeof UpdateFeeItemBody>;

export const PriceChangeBody = z.strictObject({
  unitYuan: Yuan.describe('area: yuan per m² per month; fixed/parking: per month; one-off: per bill'),
  effectiveFrom: Day.describe('today or later (Asia/Shanghai)'),
  basisKind: z.enum(BASIS_KINDS),
  basisRef: z.string().trim().min(1).max(100).describe("owners_decision: the decision's id; contract: its number"),
  note: z.string().trim().max(500).default(''),
});
export type PriceChangeBody = z.input<typeof PriceChangeBody>;

export const VacanciesQuery = PageQuery.extend({ compoundId: Id, current: z.enum(['true', 'false']).optional() });
export const VacancyBody = z.strictObject({
  roomId: Id,
  startsOn: Day,
  endsOn: Day.optional(),
  note: z.string().trim().max(200).default(''),
});
export type VacancyBody = z.input<typeof VacancyBody>;
export const EndVacancyBody = z.strictObject({ endsOn: Day });

export const PERIODIC_CYCLES = ['month', 'quarter', 'year'] as const;
export const GenerateBody = z.strictObject({
  compoundId: Id,
  cycle: z.enum(PERIODIC_CYCLES),
  periodLabel: z.string().trim().min(4).max(7).describe('2026-11 (month), 2026-Q4 (quarter), 2026 (year)'),
});
export type GenerateBody = z.input<typeof GenerateBody>;

export const OneOffBody = z
  .strictObject({
    itemId: Id,
    label: z.string().trim().min(1).max(60).describe('what the payer reads, e.g. 2026 年外墙清洗'),
    roomIds: z.array(Id).min(1).max(5000).optional(),
    placeIds: z.array(Id).min(1).max(100).optional().describe('every room under these buildings or units'),
    dueOn: Day.optional(),
  })
  .refine((b) => !!b.roomIds !== !!b.placeIds, 'roomIds or placeIds, one of them');
export type OneOffBody = z.input<typeof OneOffBody>;

export const BillsSort = sortable(
  { room: 'p.path', period: 'b.period_start', amount: 'b.amount_fen', due: 'b.due_on', status: 'b.status', issuedAt: 'b.issued_at' },
  { sort: 'period', order: 'desc' },
  'b.id',
);
export const BillsQuery = PageQuery.extend({
  placeId: Id.optional().describe('a compound, building or unit'),
  period: z.string().trim().min(1).max(100).optional(),
  status: z.enum(BILL_STATUSES).optional(),
  payerKind: z.enum(PAYER_KINDS).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('room label contains'),
  ...BillsSort.query,
});
export type BillsQuery = z.infer<typeof BillsQuery>;
export const BillsExportQuery = BillsQuery.omit({ page: true, pageSize: true });

export const SummaryQuery = z.strictObject({ compoundId: Id, period: z.string().trim().min(1).max(100).optional() });

export const AdjustmentBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('adjust'), deltaYuan: SignedYuan.describe('+ raises what is due, − lowers it'), reason: z.string().trim().min(1).max(500) }),
  z.strictObject({ kind: z.literal('write_off'), reason: z.string().trim().min(1).max(500) }),
]);
export type AdjustmentBody = z.input<typeof AdjustmentBody>;

export const TenantPayerBody = z.strictObject({ roomId: Id, personId: Id });
export type TenantPayerBody = z.input<typeof TenantPayerBody>;
export const RoomParams = z.strictObject({ roomId: Id });
