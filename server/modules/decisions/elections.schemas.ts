import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { CANDIDATE_STATEMENT_MAX, NOMINATIONS, TITLE_MAX, VERDICT_NOTE_MAX, VERDICTS, VETTING_DEPARTMENT_KINDS } from './decisions.constants.ts';

/** Requests of owners' committee elections (Decisions 4/4): candidates, joint vetting, ballot, tie-breaks, report. */
const Id = z.uuid();
const Name = z.string().trim().min(1).max(50);
const RoomLabel = z.string().trim().min(1).max(100).describe('the owner’s room in the compound, e.g. 1栋1单元1201');
const Statement = z.string().trim().max(CANDIDATE_STATEMENT_MAX);
const Note = z.string().trim().max(VERDICT_NOTE_MAX);

export const CreateElectionBody = z.strictObject({
  compoundId: Id,
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().max(4000).optional(),
  organiserKind: z.enum(['owners_committee', 'preparatory_group', 'residents_committee']),
  organiserAuthority: z.string().trim().min(1).max(500),
  nominationUntil: z.iso.date().optional().describe('the last day of nominations (China time)'),
  scrutineerIds: z.array(Id).max(10).optional(),
});
export type CreateElectionBody = z.infer<typeof CreateElectionBody>;

export const CandidateParams = z.object({ id: Id, candidateId: Id });
export const NominateBody = z.strictObject({
  name: Name,
  personId: Id.optional().describe('the registry person, when known'),
  roomLabel: RoomLabel,
  partyMember: z.boolean(),
  nomination: z.enum(NOMINATIONS),
  nominators: z.array(z.strictObject({ name: Name, room: RoomLabel })).max(200).optional().describe('for a joint nomination by owners: at least five'),
  statement: Statement.optional(),
});
export type NominateBody = z.infer<typeof NominateBody>;
export const ConsentBody = z.strictObject({ note: Note.optional() });
export const VerdictBody = z.strictObject({
  departmentId: Id,
  verdict: z.enum(VERDICTS),
  reasonCode: z.string().trim().min(1).max(40).optional(),
  note: Note.optional(),
});
export type VerdictBody = z.infer<typeof VerdictBody>;
export const CorrectCandidacyBody = z.strictObject({
  statement: Statement.optional(),
  roomLabel: RoomLabel.optional(),
  partyMember: z.boolean().optional(),
  note: z.string().trim().min(1).max(VERDICT_NOTE_MAX).describe('what was corrected'),
});
export type CorrectCandidacyBody = z.infer<typeof CorrectCandidacyBody>;
export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const LotsBody = z.strictObject({
  order: z.array(z.number().int().min(1).max(200)).min(2).max(50).describe('the tied candidates’ numbers in the order drawn'),
  witnesses: z.string().trim().min(1).max(200),
  note: Note.optional(),
});
export type LotsBody = z.infer<typeof LotsBody>;

export const StreetQuery = z.object({ streetId: Id });
export const DepartmentBody = z.strictObject({
  streetId: Id,
  name: Name,
  kind: z.enum(VETTING_DEPARTMENT_KINDS),
  reviewerAccountIds: z.array(Id).max(20),
});
export type DepartmentBody = z.infer<typeof DepartmentBody>;
export const DepartmentParams = z.object({ departmentId: Id });
export const DepartmentPatch = z.strictObject({
  name: Name.optional(),
  reviewerAccountIds: z.array(Id).max(20).optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;
export const ReviewerCandidatesQuery = z.object({ streetId: Id, q: z.string().trim().max(50).optional() });

export const QueueSort = sortable({ consentAt: 'c.consent_at', name: 'c.name', decision: 'd.title' }, { sort: 'consentAt', order: 'asc' }, 'c.id');
export const QueueQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('candidate name, room or election title'),
  ...QueueSort.query,
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const SelfNominateBody = z.strictObject({
  roomLabel: RoomLabel.optional().describe('defaults to the owner’s room on record'),
  statement: Statement,
  partyMember: z.boolean(),
  consent: z.literal(true).describe('the written consent to the background vetting'),
});
export type SelfNominateBody = z.infer<typeof SelfNominateBody>;
export const MyCandidacyParams = z.object({ candidateId: Id });
export const MyCorrectBody = z.strictObject({ statement: Statement, note: z.string().trim().min(1).max(VERDICT_NOTE_MAX) });

export const ReportQuery = z.object({ placeId: Id.optional().describe('compounds at this place or below (default: all in my scope)') });
