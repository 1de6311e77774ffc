import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { COMMITTEE_ALTERNATES_MAX, COMMITTEE_SEATS_RANGE, COMMITTEE_TERM_MAX, FILING_DAYS_RANGE, FILING_OFFICES, TITLE_MAX } from './decisions.constants.ts';

const Id = z.uuid();
const Clause = z.string().trim().min(1).max(200);
const cited = <T extends z.ZodType>(value: T) => z.strictObject({ value, clause: Clause });

export const IdParams = z.object({ id: Id });

/** A version of the rules of procedure: every setting with the clause of the filed rules it comes from. */
export const RulesSettingsBody = z.strictObject({
  votingDays: cited(z.number().int().min(1).max(90)),
  extensionDays: cited(z.number().int().min(0).max(30)),
  noticeDays: cited(z.number().int().min(0).max(60)),
  channels: cited(z.strictObject({ online: z.boolean(), paper: z.boolean(), proxy: z.boolean() })).refine(
    (c) => c.value.online || c.value.paper,
    'at least one of online and paper',
  ),
  revote: cited(z.boolean()),
  prevails: cited(z.enum(['online', 'paper'])),
  followMajority: cited(z.boolean()),
  proxyCap: cited(z.number().int().min(1).max(20)),
  committee: cited(
    z.strictObject({
      seats: z
        .number()
        .int()
        .min(COMMITTEE_SEATS_RANGE[0])
        .max(COMMITTEE_SEATS_RANGE[1])
        .refine((n) => n % 2 === 1, 'an odd number of seats'),
      termYears: z.number().int().min(1).max(COMMITTEE_TERM_MAX),
      alternates: z.number().int().min(0).max(COMMITTEE_ALTERNATES_MAX),
      tieBreak: z.enum(['lots', 'runoff']),
    }),
  ),
  elevator: cited(z.strictObject({ matter: z.number().int().min(1).max(9), affected: z.enum(['consent', 'compensation']) })),
  filing: cited(
    z.strictObject({
      matters: z.array(z.number().int().min(1).max(9)).max(9),
      offices: z.array(z.enum(FILING_OFFICES)).min(1).max(FILING_OFFICES.length),
      days: z.number().int().min(FILING_DAYS_RANGE[0]).max(FILING_DAYS_RANGE[1]),
    }),
  ),
});
export const CreateRulesBody = z.strictObject({
  compoundId: Id,
  title: z.string().trim().min(1).max(TITLE_MAX),
  settings: RulesSettingsBody,
});
export type CreateRulesBody = z.infer<typeof CreateRulesBody>;
export const RulesQuery = z.object({ compoundId: Id });

export const ItemBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  matter: z.number().int().min(1).max(9),
  /** Defaults to the Civil Code's item (matterBasis). */
  legalBasis: z.string().trim().min(1).max(500).optional(),
  description: z.string().trim().max(4000).optional(),
});
export const CreateDecisionBody = z.strictObject({
  placeId: Id.describe('the compound, or a building or unit whose owners decide'),
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().max(4000).optional(),
  organiserKind: z.enum(['owners_committee', 'preparatory_group', 'residents_committee']),
  organiserAuthority: z.string().trim().min(1).max(500).describe('what gives the organiser the right: a resolution, the street’s letter'),
  items: z.array(ItemBody).min(1).max(50),
  scrutineerIds: z.array(Id).max(10).optional().describe('accounts of the scrutineers (监票人)'),
});
export type CreateDecisionBody = z.infer<typeof CreateDecisionBody>;

export const DecisionsSort = sortable(
  { createdAt: 'd.created_at', title: 'd.title', place: 'p.path', status: 'd.status', closesAt: 'd.closes_at' },
  { sort: 'createdAt', order: 'desc' },
  'd.id',
);
export const DecisionsQuery = PageQuery.extend({
  placeId: Id.optional().describe('decisions at this place or below'),
  status: z.enum(['draft', 'roll_published', 'open', 'closed', 'published']).optional(),
  kind: z.enum(['general', 'election', 'elevator']).optional().describe('general decisions, elections or elevator retrofits'),
  q: z.string().trim().max(50).optional().describe('words in the title'),
  ...DecisionsSort.query,
});
export type DecisionsQuery = z.infer<typeof DecisionsQuery>;

export const RollSort = sortable({ no: 'e.no', area: 'e.area_centi' }, { sort: 'no', order: 'asc' }, 'e.id');
export const RollQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('room number or masked name'),
  ...RollSort.query,
});
export type RollQuery = z.infer<typeof RollQuery>;

export const MergeBody = z.strictObject({ keepId: Id, mergeId: Id });
export const OpenBody = z.strictObject({ confirm: z.literal(true) });
export const ExtendBody = z.strictObject({ days: z.number().int().min(1).max(30), reason: z.string().trim().min(1).max(200) });

const ChoiceValue = z.enum(['for', 'against', 'abstain']);
export const BallotBody = z.strictObject({
  /** Item number (as a string key) → choice; every item of the decision exactly once. */
  choices: z.record(z.string().regex(/^[1-9][0-9]?$/), ChoiceValue),
  code: z.string().regex(/^[0-9]{6}$/),
  requestKey: z.string().min(8).max(80).regex(/^[A-Za-z0-9_-]+$/),
});
export type BallotBody = z.infer<typeof BallotBody>;
export const InspectionBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const ObjectionBody = z.strictObject({ text: z.string().trim().min(1).max(500) });
export const AnswerObjectionBody = z.strictObject({ answer: z.string().trim().min(1).max(500) });
export const ObjectionParams = z.object({ id: Id, objectionId: Id });

export const CanvassQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('room number or masked name'),
  building: z.string().trim().max(50).optional().describe('the building’s name, e.g. 3栋'),
});
export type CanvassQuery = z.infer<typeof CanvassQuery>;
export const VisitBody = z.strictObject({
  outcome: z.enum(['voted_paper', 'will_vote_online', 'refused', 'away', 'wrong_contact']),
  note: z.string().trim().max(200).optional(),
});
export const EntryParams = z.object({ id: Id, entryId: Id });

// ——— paper ballot sheets, paper and proxy ballots, proxies, proofs of notice (issue "Decisions 2/4") ———
const Building = z.string().trim().min(1).max(50).describe('the building’s name, e.g. 3栋');
const Choices = z.record(z.string().regex(/^[1-9][0-9]?$/), ChoiceValue);
const IsoDate = z.iso.date();
export const IssueSheetsBody = z.strictObject({ building: Building.optional() });
export const SheetsSort = sortable({ entryNo: 'e.no', issuedAt: 's.issued_at', code: 's.code' }, { sort: 'entryNo', order: 'asc' }, 's.id');
export const SheetsQuery = PageQuery.extend({
  building: Building.optional(),
  q: z.string().trim().max(50).optional().describe('room number, masked name or sheet code'),
  status: z.enum(['issued', 'void']).optional(),
  ...SheetsSort.query,
});
export type SheetsQuery = z.infer<typeof SheetsQuery>;
export const SheetsPdfQuery = z.object({ building: Building.optional() });
export const SheetParams = z.object({ id: Id, sheetId: Id });
export const SheetCodeParams = z.object({ id: Id, code: z.string().trim().min(1).max(300) });
export const ReplaceSheetBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });

/** A paper ballot's fields, sent as multipart form fields beside the scan (so every value arrives as text). */
export const PaperBallotFields = z
  .strictObject({
    sheet: z.string().trim().min(1).max(300).describe('the sheet code, or the URL its QR code carries'),
    choices: z
      .string()
      .max(2000)
      .optional()
      .transform((text, c) => {
        if (text === undefined || text === '') return undefined;
        try {
          const parsed = Choices.safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
        } catch {}
        c.addIssue({ code: 'custom', message: 'choices: a JSON object of item number → for | against | abstain' });
        return z.NEVER;
      }),
    invalidReason: z.enum(['unsigned', 'double_mark', 'illegible', 'other']).optional(),
    invalidNote: z.string().trim().max(200).optional(),
    byProxy: z.enum(['true', 'false']).optional(),
  })
  .transform((f) => ({ ...f, byProxy: f.byProxy === 'true' }));
export type PaperBallotFields = z.infer<typeof PaperBallotFields>;
export const PaperBallotsSort = sortable({ enteredAt: 'b.cast_at', entryNo: 'e.no' }, { sort: 'enteredAt', order: 'desc' }, 'b.id');
export const PaperBallotsQuery = PageQuery.extend({
  status: z.enum(['counted', 'entered', 'mismatched', 'held', 'invalid', 'duplicate']).optional(),
  q: z.string().trim().max(50).optional().describe('room number, masked name or sheet code'),
  ...PaperBallotsSort.query,
});
export type PaperBallotsQuery = z.infer<typeof PaperBallotsQuery>;
export const BallotParams = z.object({ id: Id, ballotId: Id });
export const CheckBallotBody = z.strictObject({ verdict: z.enum(['match', 'mismatch']), note: z.string().trim().max(200).optional() });
export const CorrectBallotBody = z.strictObject({
  choices: Choices.optional(),
  invalidReason: z.enum(['unsigned', 'double_mark', 'illegible', 'other']).optional(),
  invalidNote: z.string().trim().max(200).optional(),
});
export type CorrectBallotBody = z.infer<typeof CorrectBallotBody>;

export const ProxyFields = z.strictObject({
  entryId: Id,
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().min(1).max(20),
});
export const ProxiesSort = sortable({ registeredAt: 'p.registered_at', entryNo: 'e.no', status: 'p.status' }, { sort: 'registeredAt', order: 'desc' }, 'p.id');
export const ProxiesQuery = PageQuery.extend({
  status: z.enum(['pending', 'checked', 'rejected', 'revoked']).optional(),
  q: z.string().trim().max(50).optional().describe('room number, masked owner name or proxy name'),
  ...ProxiesSort.query,
});
export type ProxiesQuery = z.infer<typeof ProxiesQuery>;
export const ProxyParams = z.object({ id: Id, proxyId: Id });
export const CheckProxyBody = z.strictObject({ verdict: z.enum(['accept', 'reject']), reason: z.string().trim().max(200).optional() });

export const DeliverySort = sortable({ entryNo: 'r.entryNo' }, { sort: 'entryNo', order: 'asc' }, 'r.entryId');
export const DeliveryQuery = PageQuery.extend({
  building: Building.optional(),
  unreached: z.enum(['true', 'false']).optional().describe('only the owners no way has reached yet'),
  q: z.string().trim().max(50).optional().describe('room number or masked name'),
  ...DeliverySort.query,
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;
export const ReceiptFields = z.strictObject({ entryId: Id, signedOn: IsoDate });
export const PostingFields = z.strictObject({ postedOn: IsoDate, location: z.string().trim().min(1).max(100) });
export const ProofParams = z.object({ id: Id, proofId: Id });
