import type { Executor } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { ElevatorJudgement } from '../elevator.ts';
import { elevatorOf } from './elevator-shares.ts';

/**
 * An elevator retrofit as one of its owners sees it on the H5: my rooms' shares (with floor and coefficient), the
 * whole stairwell's table by room (no names: the owners vote on it, so every owner may check it) and its total, my
 * affected parts with their objection and agreement, and whether I may object. Null for any other decision.
 */
export async function myElevator(db: Executor, d: DecisionRow, entryIds: readonly string[]) {
  if (d.kind !== 'elevator') return null;
  const e = await elevatorOf(db, d);
  if (!e) return null;
  const [table, affected] = await Promise.all([
    db
      .selectFrom('dec_cost_shares')
      .select(['room_id', 'entry_id', 'room_label as roomLabel', 'floor', 'coefficient_permille as coefficientPermille', 'share_fen as shareFen', 'status'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .orderBy('floor', 'desc')
      .orderBy('room_label')
      .execute(),
    db
      .selectFrom('dec_affected as a')
      .innerJoin('dec_roll_parts as rp', (j) => j.onRef('rp.street_id', '=', 'a.street_id').onRef('rp.decision_id', '=', 'a.decision_id').onRef('rp.room_id', '=', 'a.room_id'))
      .select(['a.id', 'a.room_label as roomLabel', 'a.impact', 'a.note', 'a.objection', 'a.objection_at as objectionAt', 'a.settled_at as settledAt', 'a.agreement'])
      .where('a.street_id', '=', d.street_id)
      .where('a.decision_id', '=', d.id)
      .where('rp.entry_id', 'in', entryIds.length ? [...entryIds] : ['00000000-0000-0000-0000-000000000000'])
      .execute(),
  ]);
  const mine = new Set(entryIds);
  const compensation = e.affected_rule === 'compensation';
  return {
    costFen: Number(e.cost_fen),
    byArea: e.by_area,
    affectedRule: e.affected_rule,
    costShares: table.filter((s) => s.entry_id && mine.has(s.entry_id)).map((s) => ({ roomLabel: s.roomLabel, floor: s.floor, coefficientPermille: s.coefficientPermille, shareFen: Number(s.shareFen), status: s.status })),
    table: table.map((s) => ({ roomLabel: s.roomLabel, floor: s.floor, coefficientPermille: s.coefficientPermille, shareFen: Number(s.shareFen) })),
    totalFen: table.reduce((sum, s) => sum + Number(s.shareFen), 0),
    affected: affected.map((a) => ({
      id: a.id,
      roomLabel: a.roomLabel,
      impact: a.impact,
      note: a.note,
      objection: a.objection,
      objectionAt: a.objectionAt,
      settledAt: a.settledAt,
      agreement: a.agreement ? { amountFen: a.agreement.amountFen, signedOn: a.agreement.signedOn } : null,
    })),
    canObject: compensation && affected.some((a) => !a.settledAt) && ['roll_published', 'open', 'closed'].includes(d.status),
    judgement: d.status === 'published' ? ((d.result as { elevator?: ElevatorJudgement } | null)?.elevator ?? null) : null,
  };
}
