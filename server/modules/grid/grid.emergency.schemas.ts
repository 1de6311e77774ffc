import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ANSWERS, EMERGENCY_LEVELS, EMERGENCY_POSTS, HOUSEHOLD_STATUSES, MARK_STATUSES, MAX_QUESTIONS, NEED_MAX, QUESTION_MAX, EMERGENCY_TEXT_MAX } from './grid.emergency.constants.ts';
import { DeclarationsSort } from './use-cases/emergency-list.ts';
import { HouseholdsSort } from './use-cases/emergency-households-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');
const Text = (max: number) => z.string().trim().max(max);
const Questions = z.array(Text(QUESTION_MAX).min(1)).min(1).max(MAX_QUESTIONS);

/** Switch a place into emergency mode; the screening starts at once unless `screening` is false. */
export const DeclareBody = z
  .object({ placeId: Id, level: z.enum(EMERGENCY_LEVELS), reason: Text(EMERGENCY_TEXT_MAX).min(1), screening: z.boolean().default(true), questions: Questions.optional() })
  .strict();
export type DeclareBody = z.infer<typeof DeclareBody>;
export const EndBody = z.object({ summary: Text(EMERGENCY_TEXT_MAX).min(1) }).strict();
export type EndBody = z.infer<typeof EndBody>;
export const ScreeningBody = z.object({ questions: Questions.optional() }).strict();
export type ScreeningBody = z.infer<typeof ScreeningBody>;

export const DeclarationsQuery = PageQuery.extend({ q: Text(50).min(1).optional(), status: z.enum(['active', 'ended']).optional(), ...DeclarationsSort.query });
export type DeclarationsQuery = z.infer<typeof DeclarationsQuery>;

export const HouseholdsQuery = PageQuery.extend({
  q: Text(30).min(1).optional(),
  status: z.enum(HOUSEHOLD_STATUSES).optional(),
  buildingId: Id.optional(),
  ...HouseholdsSort.query,
});
export type HouseholdsQuery = z.infer<typeof HouseholdsQuery>;

/** A building to a visitor: a staff account, or an approved volunteer (by their person). */
export const AssignBody = z
  .object({ buildingId: Id, accountId: Id.optional(), personId: Id.optional() })
  .strict()
  .refine((b) => !!b.accountId !== !!b.personId, { message: 'either accountId or personId', path: ['accountId'] });
export type AssignBody = z.infer<typeof AssignBody>;

const Answers = z.record(z.string().regex(/^\d{1,2}$/), z.enum(ANSWERS)).refine((a) => Object.keys(a).length <= MAX_QUESTIONS);
/** A visitor's mark: the status, the need (required when help is needed) and the checklist's answers (by index). */
export const MarkBody = z
  .object({ status: z.enum(MARK_STATUSES), need: Text(NEED_MAX).default(''), answers: Answers.default({}) })
  .strict()
  .refine((b) => b.status !== 'needs_help' || b.need.length > 0, { message: 'needs_help needs the need', path: ['need'] });
export type MarkBody = z.infer<typeof MarkBody>;
export const CorrectBody = z
  .object({ status: z.enum(HOUSEHOLD_STATUSES), need: Text(NEED_MAX).default(''), answers: Answers.default({}), note: Text(EMERGENCY_TEXT_MAX).min(1) })
  .strict()
  .refine((b) => b.status !== 'needs_help' || b.need.length > 0, { message: 'needs_help needs the need', path: ['need'] });
export type CorrectBody = z.infer<typeof CorrectBody>;

export const RosterBody = z
  .object({ day: Day, post: z.enum(EMERGENCY_POSTS), accountId: Id.optional(), personId: Id.optional(), shiftStart: Time, shiftEnd: Time, note: Text(200).default('') })
  .strict()
  .refine((b) => !(b.accountId && b.personId), { message: 'either accountId or personId', path: ['accountId'] });
export type RosterBody = z.infer<typeof RosterBody>;

export const CallUpBody = z
  .object({ task: Text(200).min(1), slots: z.coerce.number().int().min(1).max(500), meetingPoint: Text(100).default(''), meetAt: z.iso.datetime({ offset: true }) })
  .strict();
export type CallUpBody = z.infer<typeof CallUpBody>;
export const AnswerBody = z.object({ answer: z.enum(['accepted', 'declined']) }).strict();
export type AnswerBody = z.infer<typeof AnswerBody>;
