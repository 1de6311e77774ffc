import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { type Executor, read } from '../grid.db.ts';
import type { MediationAction, MediationCaseStatus, PartyRole } from '../grid.mediation.constants.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { MediationStep } from '../grid.mediation.tables.ts';
import { type CaseAccess, type CaseRow, accessTo, caseById, isOverdue } from './mediation-access.ts';
import { lastConfirmationDay } from './mediation-confirm-apply.ts';
import { filesOf } from './files.ts';

export interface PartyView {
  seq: number;
  name: string;
  role: PartyRole;
  phone: string | null;
  room: string;
}

/**
 * A case's parties as this viewer may see them: in full (name, phone decrypted) for the case's assigned mediators;
 * for everyone else the name masked (张**) and the phone masked (138****0001). The one place parties are shown.
 */
export async function partiesFor(db: Executor, ctx: Ctx, streetId: string, caseIds: readonly string[], full: boolean): Promise<Map<string, PartyView[]>> {
  const out = new Map<string, PartyView[]>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('grid_mediation_parties')
    .select(['case_id', 'seq', 'name', 'role', 'phone_enc', 'phone_masked', 'room'])
    .where('street_id', '=', streetId)
    .where('case_id', 'in', [...caseIds])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const list = out.get(r.case_id) ?? [];
    list.push({
      seq: r.seq,
      name: full ? r.name : maskName(r.name),
      role: r.role,
      phone: full ? (r.phone_enc ? ctx.kernel.pii.decrypt(r.phone_enc) : null) : r.phone_masked,
      room: full ? r.room : '',
    });
    out.set(r.case_id, list);
  }
  return out;
}

export interface MediationCaseView {
  id: string;
  no: string;
  status: MediationCaseStatus;
  level: CaseRow['level'];
  committeeId: string;
  committeeName: string;
  placeId: string;
  placeName: string;
  source: CaseRow['source'];
  sourceRef: string | null;
  sourceTitle: string;
  category: CaseRow['category'];
  summary: string;
  openedAt: Date;
  acceptedAt: Date | null;
  dueAt: Date | null;
  overdue: boolean;
  markedOverdueAt: Date | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
  declineReason: string | null;
  referral: CaseRow['referral'];
  failureNote: string | null;
  /** The agreement's terms (the assigned mediators and managers; others see that there is one). */
  agreementTerms: string | null;
  agreedAt: Date | null;
  signedOn: string | null;
  confirmation: { court: string | null; appliedOn: string | null; lastDay: string | null; outcome: 'confirmed' | 'rejected' | null; on: string | null; note: string | null };
  /** Whether this viewer sees the parties in full (an assigned mediator). */
  partiesInFull: boolean;
  parties: PartyView[];
  mediators: { id: string; name: string; title: string; accountId: string }[];
  sessions: { id: string; heldOn: string; location: string; attendees: string; notes: string }[];
  followups: { id: string; visitedOn: string; visitor: string; performed: boolean; note: string }[];
  documents: { id: string; label: string; uploadedAt: string; url: string }[];
  steps: { step: MediationStep; note: string; at: Date; byName: string }[];
  actions: MediationAction[];
}

/** What this viewer may do to the case now (who before state, as the use cases check it). */
export function actionsOf(kase: Pick<CaseRow, 'status' | 'level' | 'signed_on' | 'confirmation_applied_on' | 'confirmation_outcome'>, access: CaseAccess): MediationAction[] {
  const either = access.mediator || access.manager;
  const a: MediationAction[] = [];
  const open = kase.status === 'applied' || kase.status === 'accepted' || kase.status === 'in_session';
  if (access.manager && open) a.push('assign');
  if (either && kase.status === 'applied') a.push('accept', 'decline');
  if (access.mediator && (kase.status === 'accepted' || kase.status === 'in_session')) a.push('session');
  if (access.mediator && kase.status === 'in_session') a.push('agree');
  if (either && (kase.status === 'accepted' || kase.status === 'in_session')) a.push('fail');
  if (either && open && kase.level === 'community') a.push('escalate');
  if (kase.status === 'agreed') {
    if (access.mediator) a.push('pdf');
    if (either) a.push('sign', 'followup');
    if (either && kase.signed_on && !kase.confirmation_applied_on) a.push('confirmApply');
    if (either && kase.confirmation_applied_on && !kase.confirmation_outcome) a.push('confirmOutcome');
  }
  return a;
}

/** A case the actor may read: parties masked unless an assigned mediator, sessions' notes for those who act on it, timeline, actions. */
export async function getMediationCase(ctx: Ctx, id: string): Promise<MediationCaseView> {
  const db = read(ctx);
  const kase = await caseById(db, id);
  if (!kase) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  const access = await accessTo(db, ctx, kase);
  if (!access.reads) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  const actsOn = access.mediator || access.manager;
  const [parties, mediators, sessions, followups, files, steps] = await Promise.all([
    partiesFor(db, ctx, kase.streetId, [id], access.mediator),
    db
      .selectFrom('grid_mediation_assignments as a')
      .innerJoin('grid_mediators as m', (j) => j.onRef('m.street_id', '=', 'a.street_id').onRef('m.id', '=', 'a.mediator_id'))
      .select(['m.id', 'm.name', 'm.title', 'm.account_id as accountId'])
      .where('a.street_id', '=', kase.streetId)
      .where('a.case_id', '=', id)
      .orderBy('m.title')
      .execute(),
    db.selectFrom('grid_mediation_sessions').select(['id', 'held_on as heldOn', 'location', 'attendees', 'notes']).where('street_id', '=', kase.streetId).where('case_id', '=', id).orderBy('held_on').orderBy('created_at').execute(),
    db.selectFrom('grid_mediation_followups').select(['id', 'visited_on as visitedOn', 'visitor', 'performed', 'note']).where('street_id', '=', kase.streetId).where('case_id', '=', id).orderBy('visited_on').execute(),
    filesOf(db, kase.streetId, 'mediation', [id]),
    db.selectFrom('grid_mediation_steps').select(['step', 'note', 'at', 'by_name as byName']).where('street_id', '=', kase.streetId).where('case_id', '=', id).orderBy('at').orderBy('id').execute(),
  ]);
  return {
    id: kase.id,
    no: kase.no,
    status: kase.status,
    level: kase.level,
    committeeId: kase.committeeId,
    committeeName: kase.committeeName,
    placeId: kase.placeId,
    placeName: kase.placeName,
    source: kase.source,
    sourceRef: kase.source_ref,
    sourceTitle: kase.source_title,
    category: kase.category,
    summary: kase.summary,
    openedAt: kase.opened_at,
    acceptedAt: kase.accepted_at,
    dueAt: kase.due_at,
    overdue: isOverdue(kase.status, kase.due_at, ctx.kernel.clock.now()),
    markedOverdueAt: kase.overdue_at,
    escalatedAt: kase.escalated_at,
    closedAt: kase.closed_at,
    declineReason: kase.decline_reason,
    referral: kase.referral,
    failureNote: kase.failure_note,
    agreementTerms: actsOn ? kase.agreement_terms : null,
    agreedAt: kase.agreed_at,
    signedOn: kase.signed_on,
    confirmation: {
      court: kase.confirmation_court,
      appliedOn: kase.confirmation_applied_on,
      lastDay: kase.signed_on ? lastConfirmationDay(kase.signed_on) : null,
      outcome: kase.confirmation_outcome,
      on: kase.confirmation_on,
      note: kase.confirmation_note,
    },
    partiesInFull: access.mediator,
    parties: parties.get(id) ?? [],
    mediators,
    sessions: sessions.map((s) => ({ ...s, notes: actsOn ? s.notes : '' })),
    followups,
    documents: (files.get(id) ?? []).filter((f) => !f.purgedAt).map((f) => ({ id: f.id, label: f.label, uploadedAt: f.uploadedAt, url: `/api/grid/files/${f.id}` })),
    steps,
    actions: actionsOf(kase, access),
  };
}
