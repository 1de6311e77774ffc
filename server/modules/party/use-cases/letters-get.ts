import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../party.db.ts';
import { allows } from '../party.policy.ts';
import { visibleLetter } from './letters-access.ts';
import { annualLines, communityPartyOrgName, type LetterLine, type LetterTotals } from './letters-lines.ts';

/** What a sent letter froze in `body` (an annual letter's lines and totals; a 函告's facts). */
export interface LetterBody {
  lines?: LetterLine[];
  totals?: LetterTotals;
  facts?: string;
  communityPartyOrg?: string;
}

export interface LetterDetail {
  id: string;
  kind: 'annual' | 'admonition';
  status: 'draft' | 'pending_approval' | 'sent' | 'rejected';
  streetId: string;
  communityId: string;
  communityName: string;
  communityPartyOrg: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  memberId: string | null;
  memberName: string | null;
  subject: string;
  facts: string | null;
  lines: LetterLine[];
  totals: LetterTotals | null;
  createdAt: Date;
  sentAt: Date | null;
  timeline: { at: Date; event: 'created' | 'approval_requested' | 'approved' | 'rejected' | 'sent'; by: string | null; note: string | null }[];
  can: { send: boolean; requestApproval: boolean };
}

/** Reads a letter for its page and its downloads: a draft's lines as they stand, a sent letter's as frozen. */
export async function letterDetail(db: Executor, ctx: Ctx, id: string): Promise<LetterDetail> {
  const l = await visibleLetter(db, ctx, id);
  const body = (typeof l.body === 'string' ? JSON.parse(l.body) : (l.body ?? {})) as LetterBody;
  const approval = l.approval_id
    ? await db
        .selectFrom('approvals as a')
        .leftJoin('accounts as r', 'r.id', 'a.requested_by')
        .leftJoin('accounts as d', 'd.id', 'a.decided_by')
        .select(['a.status', 'a.requested_at as requestedAt', 'a.decided_at as decidedAt', 'a.decision_note as note', 'r.display_name as requestedBy', 'd.display_name as decidedBy'])
        .where('a.street_id', '=', l.street_id)
        .where('a.id', '=', l.approval_id)
        .executeTakeFirst()
    : undefined;
  const creator = l.created_by ? await db.selectFrom('accounts').select('display_name').where('id', '=', l.created_by).executeTakeFirst() : undefined;
  const member = l.member_id ? await db.selectFrom('pty_members').select('person_name').where('street_id', '=', l.street_id).where('id', '=', l.member_id).executeTakeFirst() : undefined;
  const status = l.status === 'pending_approval' && approval?.status === 'rejected' ? 'rejected' : l.status;
  const live = l.kind === 'annual' && l.status !== 'sent' ? await annualLines(db, l.street_id, l.community_id, l.organisation_id, l.year!) : undefined;
  const timeline: LetterDetail['timeline'] = [{ at: l.created_at, event: 'created', by: creator?.display_name ?? null, note: null }];
  if (approval) {
    timeline.push({ at: approval.requestedAt, event: 'approval_requested', by: approval.requestedBy ?? null, note: null });
    if (approval.decidedAt) timeline.push({ at: approval.decidedAt, event: approval.status === 'approved' ? 'approved' : 'rejected', by: approval.decidedBy ?? null, note: approval.note ?? null });
  }
  if (l.sent_at) timeline.push({ at: l.sent_at, event: 'sent', by: null, note: null });
  const writes = allows(ctx.actor, 'lettersWrite', l.communityPath);
  return {
    id: l.id,
    kind: l.kind,
    status,
    streetId: l.street_id,
    communityId: l.community_id,
    communityName: l.communityName,
    communityPartyOrg: body.communityPartyOrg ?? (await communityPartyOrgName(db, l.street_id, { id: l.community_id, name: l.communityName, path: l.communityPath })),
    organisationId: l.organisation_id,
    organisationName: l.organisation_name,
    year: l.year,
    memberId: l.member_id,
    memberName: member?.person_name ?? null,
    subject: l.subject,
    facts: body.facts ?? null,
    lines: live?.lines ?? body.lines ?? [],
    totals: live?.totals ?? body.totals ?? null,
    createdAt: l.created_at,
    sentAt: l.sent_at,
    timeline,
    can: {
      send: writes && l.kind === 'annual' && status === 'draft',
      requestApproval: writes && l.kind === 'admonition' && (status === 'draft' || status === 'rejected'),
    },
  };
}

/** 函件详情 (GET /api/party/letters/:id). */
export async function getLetter(ctx: Ctx, id: string): Promise<LetterDetail> {
  return letterDetail(read(ctx), ctx, id);
}
