import { sql } from 'kysely';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { type ExclusivePart } from '../../registry/index.ts';
import { type Coefficients, type CostShare, CostWeightsZeroError, coefficientsProblem, costShares, floorsOf, formatCoefficient, formatYuan, type ShareRoom } from '../cost-shares.ts';
import type { Executor, Tx } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { countedBallots, type DecisionRow } from '../decisions.repository.ts';
import type { CostShareStatus } from '../decisions.tables.ts';
import { type AffectedOwner, type ElevatorJudgement, judgeElevator } from '../elevator.ts';
import { rollKey } from '../ledger.ts';
import type { ItemTally, Tally } from '../tally.ts';

/**
 * The elevator retrofit's shares kept in step with its decision: computed from the stairwell's rooms when drafted
 * and changed, relinked to the roll when it is published, sealed into the manifest when voting opens, and made due
 * (or void) when the result is published.
 */

/** The stairwell's rooms as the cost is shared among them; a room without a floor cannot be placed in the table. */
export function shareRooms(parts: readonly Pick<ExclusivePart, 'roomId' | 'label' | 'floor' | 'areaCenti'>[]): ShareRoom[] {
  const floorless = parts.filter((p) => p.floor === null);
  if (floorless.length > 0) throw DecisionsErrors.ROOM_FLOOR_MISSING({ rooms: floorless.map((p) => p.label).join('、') });
  return parts.map((p) => ({ roomId: p.roomId, label: p.label, floor: p.floor!, areaCenti: p.areaCenti }));
}

/** Checks the coefficient table against the rooms' floors and shares the cost (400 with the reason when it cannot). */
export function sharesOf(costFen: number, rooms: readonly ShareRoom[], coefficients: Coefficients, byArea: boolean): CostShare[] {
  if (rooms.length === 0) throw DecisionsErrors.ROLL_EMPTY();
  const floors = floorsOf(rooms);
  const problem = coefficientsProblem(floors, coefficients);
  if (problem === 'floors') throw DecisionsErrors.COEFFICIENTS_FLOORS({ floors: floors.join('、') });
  if (problem === 'range') throw DecisionsErrors.COEFFICIENTS_RANGE();
  if (problem === 'not_rising') throw DecisionsErrors.COEFFICIENTS_NOT_RISING();
  try {
    return costShares(costFen, rooms, coefficients, byArea);
  } catch (e) {
    if (e instanceof CostWeightsZeroError) throw DecisionsErrors.COST_WEIGHTS_ZERO();
    throw e;
  }
}

/** Replaces a decision's shares (all 'proposed'), keeping the roll link of each room where there is one. */
export async function replaceShares(tx: Tx, d: { street_id: string; id: string }, shares: readonly CostShare[], entryOf: ReadonlyMap<string, string> = new Map()) {
  await tx.deleteFrom('dec_cost_shares').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
  if (shares.length === 0) return;
  await tx
    .insertInto('dec_cost_shares')
    .values(
      shares.map((s) => ({
        street_id: d.street_id,
        decision_id: d.id,
        room_id: s.roomId,
        entry_id: entryOf.get(s.roomId) ?? null,
        room_label: s.label,
        floor: s.floor,
        coefficient_permille: s.coefficientPermille,
        area_centi: s.areaCenti,
        weight: s.weight,
        share_fen: s.shareFen,
        status: 'proposed' as const,
      })),
    )
    .execute();
}

export const elevatorOf = (db: Executor, d: { street_id: string; id: string }) =>
  db.selectFrom('dec_elevator').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).executeTakeFirst();

/**
 * Publishing the roll (publish-roll.ts) snapshots the registry again: the shares are recomputed from the same
 * snapshot (areas corrected after an objection change them) and each room is linked to its head on the roll.
 */
export async function elevatorRollPublished(tx: Tx, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind'>, parts: readonly ExclusivePart[], links: readonly { room_id: string; entry_id: string }[]) {
  if (d.kind !== 'elevator') return;
  const e = await elevatorOf(tx, d);
  if (!e) return;
  const shares = sharesOf(Number(e.cost_fen), shareRooms(parts), e.coefficients, e.by_area);
  await replaceShares(tx, d, shares, new Map(links.map((l) => [l.room_id, l.entry_id])));
}

/**
 * What the owners vote on besides the items, sealed into the manifest: the cost, the table, each room's share by
 * its head's pseudonymous key (no rooms, no names, like the roll), and which heads are affected. Empty for a decision
 * that is not an elevator retrofit, so its manifest stays as it was.
 */
export async function elevatorManifest(db: Executor, d: { street_id: string; id: string }) {
  const e = await elevatorOf(db, d);
  if (!e) return {};
  const [shares, affected] = await Promise.all([
    db.selectFrom('dec_cost_shares').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('room_label').execute(),
    affectedRows(db, d),
  ]);
  return {
    elevator: {
      costFen: Number(e.cost_fen),
      byArea: e.by_area,
      coefficients: e.coefficients,
      affectedRule: e.affected_rule,
      shares: shares.map((s) => ({
        key: s.entry_id ? rollKey(d.id, s.entry_id) : null,
        floor: s.floor,
        coefficientPermille: s.coefficient_permille,
        areaCenti: Number(s.area_centi),
        weight: Number(s.weight),
        shareFen: Number(s.share_fen),
      })),
      affected: affected.map((a) => ({ key: a.entry_id ? rollKey(d.id, a.entry_id) : null, impact: a.impact })),
    },
  };
}

/** The affected owners of a decision with their head on the roll (when published) and its masked label. */
export function affectedRows(db: Executor, d: { street_id: string; id: string }) {
  return db
    .selectFrom('dec_affected as a')
    .leftJoin('dec_roll_parts as rp', (j) => j.onRef('rp.street_id', '=', 'a.street_id').onRef('rp.decision_id', '=', 'a.decision_id').onRef('rp.room_id', '=', 'a.room_id'))
    .leftJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'rp.street_id').onRef('e.id', '=', 'rp.entry_id'))
    .select([
      'a.id',
      'a.room_id',
      'a.room_label',
      'a.impact',
      'a.note',
      'a.objection',
      'a.objection_at',
      'a.agreement',
      'a.settled_at',
      'a.recorded_at',
      // A merged head answers for the part through the entry it was merged into.
      sql<string | null>`coalesce(e.merged_into, e.id)`.as('entry_id'),
      'e.label as owner_label',
    ])
    .where('a.street_id', '=', d.street_id)
    .where('a.decision_id', '=', d.id)
    .orderBy('a.room_label')
    .execute();
}

/** The judgement of a counted elevator retrofit (elevator.ts), from its stored tally and the affected owners now. */
export async function judgeCounted(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id' | 'result'>, rule: 'consent' | 'compensation'): Promise<ElevatorJudgement | null> {
  const result = d.result as (Tally & { elevator?: ElevatorJudgement }) | null;
  const item: ItemTally | undefined = result?.items?.[0];
  if (!item) return null;
  const [ballots, affected] = await Promise.all([countedBallots(db, d.street_id, d.id), affectedRows(db, d)]);
  const choices = new Map(ballots.map((b) => [b.entryId, b.choices[String(item.no)]]));
  const owners: AffectedOwner[] = affected.map((a) => ({
    id: a.id,
    entryId: a.entry_id,
    label: a.owner_label ? `${a.room_label}（${a.owner_label}）` : a.room_label,
    objection: a.objection !== null,
    settled: a.settled_at !== null,
  }));
  return judgeElevator({ item, choices, affected: owners, rule });
}

/**
 * Publishing the result of an elevator retrofit (publish-result.ts): a passing vote with an unsettled objection is
 * refused (OBJECTION_UNSETTLED); otherwise the judgement is kept in the result under `elevator`, and the shares
 * become due (a payment item the fees module picks up through dueCostShares) or void.
 */
export async function elevatorOnPublish(tx: Tx, ctx: Ctx, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind' | 'result' | 'place_id'>, now: Date) {
  if (d.kind !== 'elevator') return;
  const e = await elevatorOf(tx, d);
  if (!e) return;
  const judgement = await judgeCounted(tx, d, e.affected_rule);
  if (!judgement) return;
  if (judgement.reason === 'OBJECTION_UNSETTLED') throw DecisionsErrors.OBJECTION_UNSETTLED({ owners: judgement.unsettled.join('、') }, { owners: judgement.unsettled });
  const status: CostShareStatus = judgement.passed ? 'due' : 'void';
  await tx
    .updateTable('dec_cost_shares')
    .set({ status, due_since: judgement.passed ? now : null })
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .execute();
  await tx
    .updateTable('dec_decisions')
    .set({ result: sql`coalesce(result, '{}'::jsonb) || jsonb_build_object('elevator', ${JSON.stringify(judgement)}::jsonb)` as never })
    .where('street_id', '=', d.street_id)
    .where('id', '=', d.id)
    .execute();
  await audit(tx, ctx, {
    action: 'decisions.cost_shares.settled',
    placeId: d.place_id,
    subjectType: 'decision',
    subjectId: d.id,
    after: { passed: judgement.passed, reason: judgement.reason, status },
  });
}

/** The line each owner's paper sheet prints per room: "您的分摊金额：¥x,xxx.xx（n 楼，系数 y）", by roll entry. */
export async function shareLinesByEntry(db: Executor, d: { street_id: string; id: string }): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('dec_cost_shares')
    .select(['entry_id', 'room_label', 'floor', 'coefficient_permille', 'share_fen'])
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('entry_id', 'is not', null)
    .orderBy('room_label')
    .execute();
  const byEntry = new Map<string, typeof rows>();
  for (const r of rows) byEntry.set(r.entry_id!, [...(byEntry.get(r.entry_id!) ?? []), r]);
  return new Map(
    [...byEntry].map(([entry, list]) => [
      entry,
      list.map((r) => `您的分摊金额${list.length > 1 ? `（${r.room_label}）` : ''}：¥${formatYuan(Number(r.share_fen))}（${r.floor} 楼，系数 ${formatCoefficient(r.coefficient_permille)}）`),
    ]),
  );
}

/** At the count (close-decision.ts): an elevator retrofit's judgement beside the tally, as `{ elevator }`; nothing for any other decision. */
export async function elevatorJudgementAtCount(tx: Tx, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind'>, result: Tally) {
  if (d.kind !== 'elevator') return {};
  const e = await elevatorOf(tx, d);
  const judgement = e && (await judgeCounted(tx, { ...d, result }, e.affected_rule));
  return judgement ? { elevator: judgement } : {};
}
