import { ancestorOfKind, findPlace, isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { matterBasis } from '../decisions.constants.ts';
import { read, type Tx, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';
import type { CreateDecisionBody } from '../decisions.schemas.ts';
import { rulesInForce } from './rules-in-force.ts';

/**
 * Drafts a decision at a compound, or at a narrower scope inside one (a building, a unit's stairwell): its
 * items, each with its art. 278 matter (which sets the thresholds) and legal basis, who organises it and on
 * what authority, and the scrutineers. The voting period starts from the rules in force.
 */
export async function createDecision(ctx: Ctx, input: CreateDecisionBody) {
  const db = read(ctx);
  const place = await findPlace(db, input.placeId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, 'organise', place.path)) throw CommonErrors.FORBIDDEN();
  const compound = place.kind === 'compound' ? place : ['building', 'unit'].includes(place.kind) ? await ancestorOfKind(db, place, 'compound') : undefined;
  if (!compound || !place.street_id) throw DecisionsErrors.SCOPE_NOT_IN_COMPOUND();
  const streetId = place.street_id;
  const scrutineers = [...new Set(input.scrutineerIds ?? [])];
  if (scrutineers.length) {
    const found = await db.selectFrom('accounts').select('id').where('id', 'in', scrutineers).execute();
    if (found.length !== scrutineers.length) throw DecisionsErrors.SCRUTINEER_UNKNOWN();
  }
  return write(ctx, (tx) => insertDraft(tx, ctx, { ...input, place: { id: place.id, streetId }, compoundId: compound.id, scrutineerIds: scrutineers }));
}

/**
 * The draft's rows and audit entry in the caller's transaction: for createDecision, and for another module's
 * procedure that refers a matter to the owners (draft-for-module.ts), whose own write commits with it.
 */
export async function insertDraft(
  tx: Tx,
  ctx: Ctx,
  input: Omit<CreateDecisionBody, 'placeId' | 'scrutineerIds'> & {
    place: { id: string; streetId: string };
    compoundId: string;
    scrutineerIds: string[];
    source?: { module: 'deliberation'; id: string; label: string };
  },
) {
  const streetId = input.place.streetId;
  const rules = await rulesInForce(tx, streetId, input.compoundId);
  const id = newId();
  const now = ctx.kernel.clock.now();
  await tx
    .insertInto('dec_decisions')
    .values({
      street_id: streetId,
      id,
      place_id: input.place.id,
      compound_id: input.compoundId,
      title: input.title,
      description: input.description ?? '',
      organiser_kind: input.organiserKind,
      organiser_authority: input.organiserAuthority,
      status: 'draft',
      voting_days: rules.settings.votingDays.value,
      scrutineer_ids: input.scrutineerIds,
      source_module: input.source?.module ?? null,
      source_id: input.source?.id ?? null,
      source_label: input.source?.label ?? null,
      created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const items = input.items.map((item, i) => ({
    street_id: streetId,
    decision_id: id,
    no: i + 1,
    title: item.title,
    matter: item.matter,
    legal_basis: item.legalBasis ?? matterBasis(item.matter),
    description: item.description ?? '',
  }));
  await tx.insertInto('dec_items').values(items).execute();
  await audit(tx, ctx, {
    action: 'decisions.decision.created',
    placeId: input.place.id,
    subjectType: 'decision',
    subjectId: id,
    after: {
      title: input.title,
      organiserKind: input.organiserKind,
      items: items.map((i) => ({ no: i.no, matter: i.matter, title: i.title })),
      ...(input.source ? { source: input.source } : {}),
    },
  });
  return { id, status: 'draft' as const };
}
