import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { DESCRIPTION_MAX, ITEM_STAGES, REASON_MAX, SOURCE_KINDS, TITLE_MAX } from './deliberation.constants.ts';

/** Request shapes of the items' routes (stages 1–3, settings, the resident's side). */

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ItemParams = z.object({ id: Id });
export const OpinionParams = z.object({ opinionId: Id });
export const PlaceParams = z.object({ placeId: Id });

/** An official's own entry, a grid worker's report or a meeting's item: on the stage-2 list at once. */
export const CreateItemBody = z.object({
  placeId: Id,
  title: Text(TITLE_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).default(''),
  sourceKind: z.enum(['official', 'grid_report', 'meeting']).optional().describe('default: grid_report for a grid worker, else official'),
  sourceRefId: Id.optional().describe("the meeting's id, for an item from a meeting"),
  sourceLabel: z.string().trim().max(200).optional(),
  isPublic: z.boolean().default(true),
});
export type CreateItemBody = z.infer<typeof CreateItemBody>;

/** Take up a promoted opinion: its words unless others are given. */
export const TakeUpBody = z.object({
  opinionId: Id,
  title: Text(TITLE_MAX).optional(),
  description: z.string().trim().max(DESCRIPTION_MAX).optional(),
});
export type TakeUpBody = z.infer<typeof TakeUpBody>;

/** A residents' joint proposal (联名提议), at one of the places above my home (default: my compound). */
export const ProposalBody = z.object({
  placeId: Id.optional(),
  title: Text(TITLE_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).default(''),
});
export type ProposalBody = z.infer<typeof ProposalBody>;

export const MergeBody = z.object({ itemIds: z.array(Id).min(1).max(50) });
export const RejectBody = z.object({ reason: Text(REASON_MAX) });

export const SettingsBody = z.object({
  supportThreshold: z.number().int().min(1).max(10000),
  ratingDays: z.number().int().min(1).max(90),
  minRatings: z.number().int().min(1).max(10000),
  reopenBelowCenti: z.number().int().min(100).max(500),
  poorSharePercent: z.number().int().min(1).max(100),
  poorScoreMax: z.number().int().min(1).max(4),
  maxReopens: z.number().int().min(0).max(10),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

/** Stages of a list filter: one, or several separated by commas. */
const Stages = z
  .string()
  .max(200)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(ITEM_STAGES)).max(ITEM_STAGES.length));

/** Newest first by default. */
export const ItemsSort = sortable(
  { createdAt: 'i.created_at', updatedAt: 'i.updated_at', supporters: 'i.supporter_count', stage: 'i.stage', code: 'i.code' },
  { sort: 'createdAt', order: 'desc' },
  'i.id',
);
export const ItemsQuery = PageQuery.extend({
  stage: Stages.optional().describe('one stage or several, comma-separated'),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  placeId: Id.optional().describe('only items at this place or below'),
  q: z.string().trim().max(50).optional().describe('words in the code or title'),
  ...ItemsSort.query,
});
export type ItemsQuery = z.infer<typeof ItemsQuery>;

export const MyItemsQuery = PageQuery.extend({ stage: Stages.optional() });
export type MyItemsQuery = z.infer<typeof MyItemsQuery>;
