import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { NAME_MAX, NOTE_MAX } from './grid.constants.ts';
import { MAX_BUDGET_LINES, MAX_MILESTONES, ORG_FIELDS, ORG_REGISTRATIONS, PROJECT_GRADES, ROUND_STATUSES, SCORE_MAX } from './grid.social.contract.ts';
import { OrgsSort } from './use-cases/social-orgs-list.ts';
import { RoundsSort } from './use-cases/social-rounds-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);
const Fen = z.coerce.number().int().min(1).max(2_000_000_000);
const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A community social organisation: where it belongs (a community or the street), its registration and field. */
export const OrgBody = z
  .object({
    placeId: Id,
    name: Text(NAME_MAX).min(1),
    registration: z.enum(ORG_REGISTRATIONS),
    field: z.enum(ORG_FIELDS),
    foundedOn: Day.nullable().optional(),
    contactName: Text(NAME_MAX).default(''),
    contactPhone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, 'a mobile or landline number').default(''),
    peopleCount: z.coerce.number().int().min(0).max(100_000).default(0),
    description: Text(NOTE_MAX).default(''),
  })
  .strict();
export type OrgBody = z.infer<typeof OrgBody>;
export const DissolveBody = z.object({ reason: Text(200).min(1) }).strict();

export const OrgsQuery = PageQuery.extend({
  q: Text(50).min(1).optional(),
  registration: z.enum(ORG_REGISTRATIONS).optional(),
  field: z.enum(ORG_FIELDS).optional(),
  placeId: Id.optional(),
  active: Bool.optional(),
  ...OrgsSort.query,
});
export type OrgsQuery = z.infer<typeof OrgsQuery>;

export const RoundBody = z
  .object({
    placeId: Id,
    title: Text(NAME_MAX).min(1),
    year: z.coerce.number().int().min(2000).max(2100),
    poolFen: Fen,
    capFen: Fen,
    opensOn: Day,
    closesOn: Day,
  })
  .strict();
export type RoundBody = z.infer<typeof RoundBody>;
/** A to-do's list: rounds with applications waiting for my scores, a funded list for my approval, reports to review. */
export const ROUND_TODOS = ['score', 'approve', 'reports'] as const;
export const RoundsQuery = PageQuery.extend({ q: Text(50).min(1).optional(), todo: z.enum(ROUND_TODOS).optional(), status: z.enum(ROUND_STATUSES).optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), ...RoundsSort.query });
export type RoundsQuery = z.infer<typeof RoundsQuery>;
export const AdvanceBody = z.object({ to: z.enum(ROUND_STATUSES) }).strict();

export const ApplicationBody = z
  .object({
    orgId: Id,
    title: Text(NAME_MAX).min(1),
    field: z.enum(ORG_FIELDS),
    summary: Text(NOTE_MAX).default(''),
    beneficiaries: Text(200).default(''),
    budget: z
      .array(z.object({ item: Text(NAME_MAX).min(1), amountFen: Fen }).strict())
      .min(1)
      .max(MAX_BUDGET_LINES),
  })
  .strict();
export type ApplicationBody = z.infer<typeof ApplicationBody>;

export const ReviewerBody = z.object({ accountId: Id, affiliationOrgId: Id.nullable().optional() }).strict();
export type ReviewerBody = z.infer<typeof ReviewerBody>;
export const ReviewerParams = z.object({ id: Id, accountId: Id });

const point = (max: number) => z.coerce.number().int().min(0).max(max);
/** A reviewer's scores of one application: every criterion, each from 0 to its maximum (需求契合 30, 方案可行 30, 预算合理 20, 组织能力 20). */
export const ScoreBody = z
  .object({ scores: z.object({ need: point(SCORE_MAX.need), feasibility: point(SCORE_MAX.feasibility), budget: point(SCORE_MAX.budget), capacity: point(SCORE_MAX.capacity) }).strict() })
  .strict();
export type ScoreBody = z.infer<typeof ScoreBody>;

export const FundingBody = z
  .object({ lines: z.array(z.object({ applicationId: Id, grantFen: Fen }).strict()).min(1).max(200) })
  .strict();
export type FundingBody = z.infer<typeof FundingBody>;

export const MilestonesBody = z
  .object({ milestones: z.array(z.object({ title: Text(NAME_MAX).min(1), dueOn: Day, trancheFen: Fen }).strict()).min(1).max(MAX_MILESTONES) })
  .strict();
export type MilestonesBody = z.infer<typeof MilestonesBody>;
export const ReportBody = z.object({ note: Text(NOTE_MAX).min(1), labels: Text(600).optional() }).strict();
export type ReportBody = z.infer<typeof ReportBody>;
export const ReturnBody = z.object({ reason: Text(200).min(1) }).strict();
export const AcceptBody = z.object({ note: Text(200).optional() }).strict();
export const EvaluationBody = z.object({ grade: z.enum(PROJECT_GRADES), note: Text(NOTE_MAX).default('') }).strict();
export type EvaluationBody = z.infer<typeof EvaluationBody>;
