import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { GREEN_ADOPTION_STATUSES, GREEN_CARE_KINDS, GREEN_PLOT_STATUSES, GREEN_REASON_MAX } from './volunteers.green.constants.ts';
import { AdoptionsSort } from './use-cases/green-adoptions-list.ts';
import { PlotsSort } from './use-cases/green-plots-list.ts';

const Id = z.uuid();
const Day = z.iso.date();

/** A plot's area: m² with at most two decimals (e.g. 120.5 or "120.50"), kept as an integer of hundredths. */
export const Area = z.union([z.number(), z.string().trim().regex(/^\d{1,7}(\.\d{1,2})?$/, 'm², at most two decimals')]).transform((v, c) => {
  const text = typeof v === 'number' ? String(v) : v;
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  const centi = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!Number.isSafeInteger(centi) || centi <= 0 || centi > 100_000_000) {
    c.addIssue({ code: 'custom', message: 'an area above 0 and at most 1,000,000 m², at most two decimals' });
    return z.NEVER;
  }
  return centi;
});

export const PlotBody = z
  .object({
    compoundId: Id,
    name: z.string().trim().min(1).max(60),
    area: Area,
    location: z.string().trim().max(100).default(''),
    description: z.string().trim().max(500).default(''),
  })
  .strict();
export type PlotBody = z.infer<typeof PlotBody>;
export const PlotUpdateBody = PlotBody.omit({ compoundId: true });
export type PlotUpdateBody = z.infer<typeof PlotUpdateBody>;

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(GREEN_REASON_MAX) }).strict();

export const PlotsQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(GREEN_PLOT_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...PlotsSort.query,
});
export type PlotsQuery = z.infer<typeof PlotsQuery>;

export const AdoptionsQuery = PageQuery.extend({
  placeId: Id.optional(),
  plotId: Id.optional(),
  status: z.enum(GREEN_ADOPTION_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...AdoptionsSort.query,
});
export type AdoptionsQuery = z.infer<typeof AdoptionsQuery>;

export const RatesQuery = z.object({ placeId: Id.optional() });

export const ApplyBody = z
  .object({
    fromDay: Day,
    toDay: Day,
    roomId: Id.optional(),
    note: z.string().trim().max(200).default(''),
  })
  .strict();
export type ApplyBody = z.infer<typeof ApplyBody>;

export const CareBody = z
  .object({
    kind: z.enum(GREEN_CARE_KINDS),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type CareBody = z.infer<typeof CareBody>;
