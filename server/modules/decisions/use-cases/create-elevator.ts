import { ancestorOfKind, findPlace, isSystem, pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { exclusivePartsUnder } from '../../registry/index.ts';
import { matterBasis } from '../decisions.constants.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';
import type { CreateElevatorBody } from '../elevator.schemas.ts';
import { replaceShares, shareRooms, sharesOf } from './elevator-shares.ts';
import { rulesInForce } from './rules-in-force.ts';

/** The one item an elevator retrofit puts to its owners: the works and the shares together. */
export const ELEVATOR_ITEM_TITLE = '加装电梯及费用分摊方案';

/**
 * Drafts an elevator retrofit (加装电梯) in one unit's stairwell: a decision of kind 'elevator' whose electorate is
 * the stairwell's owners, with one item under the rules' elevator matter (default 7: ¾ of the participating area
 * and heads), the cost and its floor-coefficient table, and every room's share computed now (cost-shares.ts).
 * How an affected owner's part counts (consent or compensation) is copied from the rules in force.
 */
export async function createElevator(ctx: Ctx, input: CreateElevatorBody) {
  const db = read(ctx);
  const place = await findPlace(db, input.unitId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, 'organise', place.path)) throw CommonErrors.FORBIDDEN();
  if (place.kind !== 'unit') throw DecisionsErrors.NOT_A_STAIRWELL();
  const compound = await ancestorOfKind(db, place, 'compound');
  if (!compound || !place.street_id) throw DecisionsErrors.SCOPE_NOT_IN_COMPOUND();
  const streetId = place.street_id;
  const scrutineers = [...new Set(input.scrutineerIds ?? [])];
  if (scrutineers.length) {
    const found = await db.selectFrom('accounts').select('id').where('id', 'in', scrutineers).execute();
    if (found.length !== scrutineers.length) throw DecisionsErrors.SCRUTINEER_UNKNOWN();
  }
  const now = ctx.kernel.clock.now();
  const parts = await exclusivePartsUnder(db, streetId, place.path, chinaDay(now));
  const shares = sharesOf(input.costFen, shareRooms(parts), input.coefficients, input.byArea);
  const rules = await rulesInForce(db, streetId, compound.id);
  const { matter, affected } = rules.settings.elevator.value;
  const label = await db.selectFrom('places').select(pathLabel('places.path', ['building', 'unit']).as('label')).where('id', '=', place.id).executeTakeFirstOrThrow();
  const title = input.title ?? `${label.label} 加装电梯`;
  const id = newId();
  return write(ctx, async (tx) => {
    await tx
      .insertInto('dec_decisions')
      .values({
        street_id: streetId,
        id,
        place_id: place.id,
        compound_id: compound.id,
        title,
        description: input.description ?? '',
        organiser_kind: input.organiserKind,
        organiser_authority: input.organiserAuthority,
        kind: 'elevator',
        status: 'draft',
        voting_days: rules.settings.votingDays.value,
        scrutineer_ids: scrutineers,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('dec_items')
      .values({ street_id: streetId, decision_id: id, no: 1, title: ELEVATOR_ITEM_TITLE, matter, legal_basis: matterBasis(matter), description: input.description ?? '' })
      .execute();
    await tx
      .insertInto('dec_elevator')
      .values({ street_id: streetId, decision_id: id, cost_fen: input.costFen, by_area: input.byArea, coefficients: JSON.stringify(input.coefficients), affected_rule: affected, created_at: now, updated_at: now })
      .execute();
    await replaceShares(tx, { street_id: streetId, id }, shares);
    await audit(tx, ctx, {
      action: 'decisions.elevator.created',
      placeId: place.id,
      subjectType: 'decision',
      subjectId: id,
      after: { title, matter, costFen: input.costFen, byArea: input.byArea, coefficients: input.coefficients, affectedRule: affected, rooms: shares.length },
    });
    return { id, status: 'draft' as const };
  });
}

/**
 * The rooms of a unit as the cost would be shared among them (label, floor, area), for the workbench's live preview
 * with the same pure function (cost-shares.ts); a room without a floor is listed with floor null, so the form can
 * say which ones the registry must complete.
 */
export async function stairwellRooms(ctx: Ctx, unitId: string) {
  const db = read(ctx);
  const place = await findPlace(db, unitId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, 'organise', place.path)) throw CommonErrors.FORBIDDEN();
  if (place.kind !== 'unit' || !place.street_id) throw DecisionsErrors.NOT_A_STAIRWELL();
  const parts = await exclusivePartsUnder(db, place.street_id, place.path, chinaDay(ctx.kernel.clock.now()));
  return { items: parts.map((p) => ({ roomId: p.roomId, label: p.label, floor: p.floor, areaCenti: p.areaCenti })) };
}
