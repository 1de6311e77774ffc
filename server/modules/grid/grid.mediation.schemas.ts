import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { NAME_MAX, NOTE_MAX } from './grid.constants.ts';
import {
  CONFIRMATION_OUTCOMES,
  MAX_MEDIATORS,
  MAX_PARTIES,
  MEDIATION_CASE_STATUSES,
  MEDIATION_CATEGORIES,
  MEDIATION_REFERRALS,
  MEDIATION_SOURCES,
  MEDIATOR_TITLES,
  MIN_PARTIES,
  PARTY_ROLES,
} from './grid.mediation.constants.ts';
import { MediationCasesSort } from './use-cases/mediation-cases-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);
const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const CommitteeBody = z.object({ placeId: Id, name: Text(NAME_MAX).min(1) }).strict();
export type CommitteeBody = z.infer<typeof CommitteeBody>;
export const MediatorBody = z.object({ accountId: Id, name: Text(NAME_MAX).min(1), title: z.enum(MEDIATOR_TITLES), fromOn: Day.optional() }).strict();
export type MediatorBody = z.infer<typeof MediatorBody>;
export const MediatorEndBody = z.object({ untilOn: Day.optional() }).strict();
export type MediatorEndBody = z.infer<typeof MediatorEndBody>;

export const PartyBody = z
  .object({ name: Text(NAME_MAX).min(1), role: z.enum(PARTY_ROLES), phone: Text(20).optional(), room: Text(40).optional() })
  .strict();
/** A new case: its place (a compound or a community), source, category, summary, 2+ parties, 0–3 mediators. */
export const OpenCaseBody = z
  .object({
    placeId: Id,
    source: z.enum(MEDIATION_SOURCES),
    sourceRef: Text(60).optional(),
    sourceTitle: Text(100).optional(),
    category: z.enum(MEDIATION_CATEGORIES),
    summary: Text(1000).min(1),
    parties: z.array(PartyBody).min(MIN_PARTIES).max(MAX_PARTIES),
    mediatorIds: z.array(Id).max(MAX_MEDIATORS).optional(),
  })
  .strict();
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;

/** A resident's application: at a compound they live in; they are the first party; the other side named. */
export const ApplyBody = z
  .object({
    compoundId: Id,
    category: z.enum(MEDIATION_CATEGORIES),
    summary: Text(1000).min(1),
    respondentName: Text(NAME_MAX).min(1),
    respondentPhone: Text(20).optional(),
    respondentRoom: Text(40).optional(),
  })
  .strict();
export type ApplyBody = z.infer<typeof ApplyBody>;

export const CasesQuery = PageQuery.extend({
  q: Text(60).optional(),
  status: z.enum([...MEDIATION_CASE_STATUSES, 'open']).optional(),
  category: z.enum(MEDIATION_CATEGORIES).optional(),
  source: z.enum(MEDIATION_SOURCES).optional(),
  committeeId: Id.optional(),
  overdue: Bool.optional(),
  mine: Bool.optional(),
  ...MediationCasesSort.query,
});
export type CasesQuery = z.infer<typeof CasesQuery>;

export const AssignBody = z.object({ mediatorIds: z.array(Id).min(1).max(MAX_MEDIATORS) }).strict();
export type AssignBody = z.infer<typeof AssignBody>;
export const ReasonBody = z.object({ reason: Text(NOTE_MAX).min(1) }).strict();
export type ReasonBody = z.infer<typeof ReasonBody>;
export const NoteBody = z.object({ note: Text(NOTE_MAX).optional() }).strict();
export type NoteBody = z.infer<typeof NoteBody>;
export const SessionBody = z.object({ heldOn: Day.optional(), location: Text(100).optional(), attendees: Text(200).optional(), notes: Text(2000).min(1) }).strict();
export type SessionBody = z.infer<typeof SessionBody>;
export const AgreeBody = z.object({ terms: Text(4000).min(1) }).strict();
export type AgreeBody = z.infer<typeof AgreeBody>;
export const FailBody = z.object({ referral: z.enum(MEDIATION_REFERRALS), note: Text(NOTE_MAX).min(1) }).strict();
export type FailBody = z.infer<typeof FailBody>;
/** The signed scan (multipart, a PDF or photo), with the day it was signed. */
export const SignBody = z.object({ signedOn: Day }).strict();
export type SignBody = z.infer<typeof SignBody>;
export const ConfirmApplyBody = z.object({ court: Text(NAME_MAX).min(1), appliedOn: Day }).strict();
export type ConfirmApplyBody = z.infer<typeof ConfirmApplyBody>;
export const ConfirmOutcomeBody = z.object({ outcome: z.enum(CONFIRMATION_OUTCOMES), on: Day, note: Text(NOTE_MAX).optional() }).strict();
export type ConfirmOutcomeBody = z.infer<typeof ConfirmOutcomeBody>;
export const FollowupBody = z.object({ visitedOn: Day, visitor: Text(NAME_MAX).min(1), performed: z.boolean(), note: Text(NOTE_MAX).optional() }).strict();
export type FollowupBody = z.infer<typeof FollowupBody>;
