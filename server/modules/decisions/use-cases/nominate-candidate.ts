import { sql } from 'kysely';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { OWNER_NOMINATORS_MIN } from '../decisions.constants.ts';
import { type Tx, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { CandidateStatus, Nomination } from '../decisions.tables.ts';
import type { NominateBody } from '../elections.schemas.ts';
import { assertNominationsOpen, electionFor } from './election-access.ts';

export interface NewCandidate {
  name: string;
  personId: string | null;
  roomLabel: string;
  partyMember: boolean;
  statement: string;
  nomination: Nomination;
  nominators: { name: string; room: string }[];
  /** Given with the nomination (a resident's own, ticked in the same request), else recorded later. */
  consent: { at: Date; by: string; note: string | null } | null;
  status: CandidateStatus;
  accountId: string | null;
  vettedAs?: string | null;
}

/** Adds a candidate with the next number in the election (the decision row is locked by the caller). */
export async function insertCandidate(tx: Tx, ctx: Ctx, d: Pick<DecisionRow, 'street_id' | 'id'>, c: NewCandidate): Promise<{ id: string; no: number }> {
  if (c.personId) {
    const same = await tx
      .selectFrom('dec_candidates')
      .select('id')
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('person_id', '=', c.personId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (same) throw DecisionsErrors.CANDIDATE_EXISTS();
  }
  const { last } = await tx
    .selectFrom('dec_candidates')
    .select(sql<number>`coalesce(max(no), 0)`.as('last'))
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .executeTakeFirstOrThrow();
  const id = newId();
  const no = Number(last) + 1;
  const now = ctx.kernel.clock.now();
  await tx
    .insertInto('dec_candidates')
    .values({
      street_id: d.street_id,
      id,
      decision_id: d.id,
      no,
      person_id: c.personId,
      name: c.name,
      room_label: c.roomLabel,
      party_member: c.partyMember,
      statement: c.statement,
      nomination: c.nomination,
      nominators: JSON.stringify(c.nominators),
      nominated_by: ctx.actor.accountId,
      consent_at: c.consent?.at ?? null,
      consent_by: c.consent?.by ?? null,
      consent_note: c.consent?.note ?? null,
      status: c.status,
      account_id: c.accountId,
      vetted_as: c.vettedAs ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, no };
}

/** The resident account of a registry person, if they have one (to let the candidate follow their own vetting). */
export async function accountOfPerson(tx: Tx, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const a = await tx.selectFrom('accounts').select('id').where('person_id', '=', personId).where('disabled', '=', false).orderBy('created_at').executeTakeFirst();
  return a?.id ?? null;
}

/**
 * 提名: the organiser records a candidate — self-nominated (on paper), jointly nominated by at least five owners, or
 * recommended by the community party organisation or the residents' committee — while nominations are open. The
 * candidate is 'nominated' until their written consent to the background vetting is recorded.
 */
export async function nominateCandidate(ctx: Ctx, id: string, input: NominateBody) {
  const nominators = input.nomination === 'owners' ? (input.nominators ?? []) : [];
  if (input.nomination === 'owners' && nominators.length < OWNER_NOMINATORS_MIN) throw DecisionsErrors.NOMINATORS_REQUIRED({ min: OWNER_NOMINATORS_MIN });
  return write(ctx, async (tx) => {
    const { d, e } = await electionFor(tx, ctx.actor, id, 'organise', { forUpdate: true });
    assertNominationsOpen(d, e, ctx.kernel.clock.now());
    const personId = input.personId ?? null;
    const created = await insertCandidate(tx, ctx, d, {
      name: input.name,
      personId,
      roomLabel: input.roomLabel,
      partyMember: input.partyMember,
      statement: input.statement ?? '',
      nomination: input.nomination,
      nominators,
      consent: null,
      status: 'nominated',
      accountId: await accountOfPerson(tx, personId),
    });
    await audit(tx, ctx, {
      action: 'decisions.candidate.nominated',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      after: { candidate: created.id, no: created.no, name: input.name, nomination: input.nomination, nominators: nominators.length },
    });
    return created;
  });
}
