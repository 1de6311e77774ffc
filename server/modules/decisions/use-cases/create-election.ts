import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Tx, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';
import type { ElectionPurpose, OrganiserKind } from '../decisions.tables.ts';
import type { CreateElectionBody } from '../elections.schemas.ts';
import { rulesInForce } from './rules-in-force.ts';

export interface NewElection {
  streetId: string;
  compoundId: string;
  title: string;
  description: string;
  organiserKind: OrganiserKind;
  organiserAuthority: string;
  scrutineerIds: string[];
  nominationUntil: string | null;
  parentId: string | null;
  purpose: ElectionPurpose;
  /** A by-election or run-off fills fewer seats than the rules: the vacancies, or the seats left at the tie. */
  seats?: number;
}

/**
 * Inserts an election: a decision of kind 'election' at the compound (no items until its approved candidates are put
 * on the ballot), with the committee settings of the rules in force copied beside it.
 */
export async function insertElection(tx: Tx, ctx: Ctx, input: NewElection): Promise<string> {
  const rules = await rulesInForce(tx, input.streetId, input.compoundId);
  const committee = rules.settings.committee.value;
  const id = newId();
  const now = ctx.kernel.clock.now();
  await tx
    .insertInto('dec_decisions')
    .values({
      street_id: input.streetId,
      id,
      place_id: input.compoundId,
      compound_id: input.compoundId,
      title: input.title,
      description: input.description,
      organiser_kind: input.organiserKind,
      organiser_authority: input.organiserAuthority,
      kind: 'election',
      parent_id: input.parentId,
      status: 'draft',
      voting_days: rules.settings.votingDays.value,
      scrutineer_ids: input.scrutineerIds,
      created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const seats = input.seats ?? committee.seats;
  await tx
    .insertInto('dec_elections')
    .values({
      street_id: input.streetId,
      decision_id: id,
      seats,
      alternates: committee.alternates,
      term_years: committee.termYears,
      tie_break: committee.tieBreak,
      purpose: input.purpose,
      nomination_until: input.nominationUntil,
    })
    .execute();
  await audit(tx, ctx, {
    action: 'decisions.election.created',
    placeId: input.compoundId,
    subjectType: 'decision',
    subjectId: id,
    after: { title: input.title, purpose: input.purpose, seats, alternates: committee.alternates, termYears: committee.termYears, tieBreak: committee.tieBreak, parentId: input.parentId },
  });
  return id;
}

/** 业委会选举: drafts an owners' committee election at a compound; seats, term, alternates and tie-break come from its rules in force. */
export async function createElection(ctx: Ctx, input: CreateElectionBody) {
  const db = read(ctx);
  const place = await findPlace(db, input.compoundId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, 'organise', place.path)) throw CommonErrors.FORBIDDEN();
  if (place.kind !== 'compound' || !place.street_id) throw DecisionsErrors.SCOPE_NOT_IN_COMPOUND();
  const scrutineers = [...new Set(input.scrutineerIds ?? [])];
  if (scrutineers.length) {
    const found = await db.selectFrom('accounts').select('id').where('id', 'in', scrutineers).execute();
    if (found.length !== scrutineers.length) throw DecisionsErrors.SCRUTINEER_UNKNOWN();
  }
  const streetId = place.street_id;
  return write(ctx, async (tx) => {
    const id = await insertElection(tx, ctx, {
      streetId,
      compoundId: place.id,
      title: input.title,
      description: input.description ?? '',
      organiserKind: input.organiserKind,
      organiserAuthority: input.organiserAuthority,
      scrutineerIds: scrutineers,
      nominationUntil: input.nominationUntil ?? null,
      parentId: null,
      purpose: 'regular',
    });
    return { id, status: 'draft' as const };
  });
}
