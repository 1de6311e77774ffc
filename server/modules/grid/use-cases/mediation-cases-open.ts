import { ancestorOfKind, findPlace, type PlaceRow, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { isValidMobile, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { GridErrors } from '../grid.errors.ts';
import { type Tx, write } from '../grid.db.ts';
import type { MediationCategory, MediationSource, PartyRole } from '../grid.mediation.constants.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { OpenCaseBody } from '../grid.mediation.schemas.ts';
import { authorize } from '../grid.policy.ts';
import { arrearsSource } from './mediation-arrears.ts';
import { accountOf, addStep, type CommitteeRow, committeeAt, currentMediators, todayOf } from './mediation-access.ts';

export interface NewCase {
  place: PlaceRow;
  community: PlaceRow;
  committee: CommitteeRow;
  source: MediationSource;
  sourceRef?: string | null;
  sourceTitle?: string;
  category: MediationCategory;
  summary: string;
  parties: { name: string; role: PartyRole; phone?: string; room?: string }[];
  applicantPersonId?: string | null;
  /** Mediator ids (of the committee) to assign. */
  mediatorIds: string[];
}

/** A compound or community place, its community, and the community's committee (MEDIATION_NO_COMMITTEE without one). */
export async function placeOfCase(tx: Tx, placeId: string): Promise<{ place: PlaceRow; community: PlaceRow; committee: CommitteeRow }> {
  const place = await findPlace(tx, placeId);
  if (!place || !place.street_id) throw GridErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound' && place.kind !== 'community') throw MediationErrors.MEDIATION_PLACE_INVALID();
  const community = place.kind === 'community' ? place : await ancestorOfKind(tx, place, 'community');
  if (!community) throw MediationErrors.MEDIATION_PLACE_INVALID();
  const committee = await committeeAt(tx, streetOf(place), community.id);
  if (!committee) throw MediationErrors.MEDIATION_NO_COMMITTEE();
  return { place, community, committee };
}

/** Writes a case 待受理 with its parties (phones encrypted, a masked copy), its mediators and its first step. */
export async function insertCase(tx: Tx, ctx: Ctx, c: NewCase): Promise<{ id: string; no: string }> {
  const streetId = streetOf(c.place);
  const phones = c.parties.map((p) => {
    if (!p.phone) return null;
    if (!isValidMobile(p.phone)) throw MediationErrors.MEDIATION_PARTY_PHONE_INVALID({ name: p.name });
    return normalise(p.phone);
  });
  const mediators = await currentMediators(tx, ctx, c.committee.id);
  const picked = mediators.filter((m) => c.mediatorIds.includes(m.id));
  if (picked.length !== new Set(c.mediatorIds).size) throw MediationErrors.MEDIATOR_NOT_OF_COMMITTEE();
  const id = newId();
  const now = ctx.kernel.clock.now();
  const no = `TJ${todayOf(ctx).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
  await tx
    .insertInto('grid_mediation_cases')
    .values({
      street_id: streetId,
      id,
      no,
      committee_id: c.committee.id,
      level: 'community',
      place_id: c.place.id,
      community_id: c.community.id,
      source: c.source,
      source_ref: c.sourceRef ?? null,
      source_title: c.sourceTitle ?? '',
      category: c.category,
      summary: c.summary,
      status: 'applied',
      applicant_person_id: c.applicantPersonId ?? null,
      opened_by: accountOf(ctx),
      opened_at: now,
      accepted_at: null,
      due_at: null,
      overdue_at: null,
      escalated_at: null,
      closed_at: null,
      decline_reason: null,
      referral: null,
      failure_note: null,
      agreement_terms: null,
      agreed_at: null,
      signed_on: null,
      confirmation_court: null,
      confirmation_applied_on: null,
      confirmation_outcome: null,
      confirmation_on: null,
      confirmation_note: null,
    })
    .execute();
  await tx
    .insertInto('grid_mediation_parties')
    .values(
      c.parties.map((p, i) => ({
        street_id: streetId,
        id: newId(),
        case_id: id,
        seq: i + 1,
        name: p.name,
        role: p.role,
        phone_enc: phones[i] ? ctx.kernel.pii.encrypt(phones[i]) : null,
        phone_masked: phones[i] ? maskPhone(phones[i]) : null,
        room: p.room ?? '',
      })),
    )
    .execute();
  if (picked.length) await tx.insertInto('grid_mediation_assignments').values(picked.map((m) => ({ street_id: streetId, case_id: id, mediator_id: m.id, account_id: m.accountId }))).execute();
  await addStep(tx, ctx, { streetId, id }, 'opened', picked.length ? `调解员：${picked.map((m) => m.name).join('、')}` : '');
  return { id, no };
}

/**
 * Staff open a case (mediationOpen over the place, a compound or community with a committee): from a source — for a
 * grid event or an arrears case waiting for mediation (the fees module's hand-over), it must be of the same street and
 * its compound becomes the case's place. Mediators picked must
 * be current mediators of the community's committee; without any, an opener who is one is assigned. Audited.
 */
export async function openMediationCase(ctx: Ctx, body: OpenCaseBody): Promise<{ id: string; no: string; status: 'applied' }> {
  return write(ctx, async (tx) => {
    let placeId = body.placeId;
    let sourceTitle = body.sourceTitle ?? '';
    if (body.source === 'grid_event') {
      const at = await findPlace(tx, body.placeId);
      const event = body.sourceRef && /^[0-9a-f-]{36}$/i.test(body.sourceRef) && at?.street_id
        ? await tx.selectFrom('grid_events').select(['compound_id', 'description']).where('street_id', '=', at.street_id).where('id', '=', body.sourceRef).executeTakeFirst()
        : undefined;
      if (!event) throw MediationErrors.MEDIATION_SOURCE_NOT_FOUND();
      placeId = event.compound_id;
      sourceTitle ||= event.description.slice(0, 100);
    }
    if (body.source === 'arrears') {
      // A case the fees module handed to mediation: its room's compound is the case's place.
      const at = await findPlace(tx, body.placeId);
      const arrears = await arrearsSource(tx, at?.street_id ?? '', body.sourceRef);
      placeId = arrears.compoundId;
      sourceTitle ||= `${arrears.roomLabel} 欠费 ${(arrears.amountFen / 100).toFixed(2)} 元`;
    }
    const { place, community, committee } = await placeOfCase(tx, placeId);
    authorize(ctx.actor, 'mediationOpen', place.path);
    let mediatorIds = [...new Set(body.mediatorIds ?? [])];
    if (!mediatorIds.length) {
      const me = (await currentMediators(tx, ctx, committee.id)).find((m) => m.accountId === accountOf(ctx));
      if (me) mediatorIds = [me.id];
    }
    const made = await insertCase(tx, ctx, { place, community, committee, source: body.source, sourceRef: body.sourceRef ?? null, sourceTitle, category: body.category, summary: body.summary, parties: body.parties, mediatorIds });
    await audit(tx, ctx, {
      action: 'grid.mediation.case_opened',
      placeId: place.id,
      subjectType: 'grid_mediation_case',
      subjectId: made.id,
      detail: { no: made.no, source: body.source, category: body.category, parties: body.parties.length, mediators: mediatorIds.length },
    });
    return { ...made, status: 'applied' as const };
  });
}
