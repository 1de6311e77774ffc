import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { read } from './decisions.db.ts';

/**
 * The payment items an elevator retrofit raises (加装电梯费用分摊): the stable hook the fees module will call when it
 * exists (docs/ARCHITECTURE.md, "Decisions → fees"). Nothing here knows the fees module: it reads the shares that a
 * published, passing vote made due, and the fees module records what it has billed on its own side.
 */

export interface DueCostShare {
  decisionId: string;
  roomId: string;
  roomLabel: string;
  shareFen: number;
  /** "加装电梯费用分摊：2栋 / 1单元 加装电梯". */
  title: string;
  /** When the result was published and the share became due. */
  dueSince: Date;
}

/** A street's due shares (all of them, or those due since a time, exclusive), oldest first. */
export async function dueCostShares(caller: AnyExecutor, q: { streetId: string; since?: Date }): Promise<DueCostShare[]> {
  const db = read(caller);
  const rows = await db
    .selectFrom('dec_cost_shares as s')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 's.street_id').onRef('d.id', '=', 's.decision_id'))
    .select(['s.decision_id', 's.room_id', 's.room_label', 's.share_fen', 's.due_since', 'd.title'])
    .where('s.street_id', '=', q.streetId)
    .where('s.status', '=', 'due')
    .where('s.share_fen', '>', 0)
    .$if(!!q.since, (qb) => qb.where('s.due_since', '>', q.since!))
    .orderBy('s.due_since')
    .orderBy('s.decision_id')
    .orderBy('s.room_label')
    .execute();
  return rows.map((r) => ({ decisionId: r.decision_id, roomId: r.room_id, roomLabel: r.room_label, shareFen: Number(r.share_fen), title: `加装电梯费用分摊：${r.title}`, dueSince: r.due_since! }));
}

/** One retrofit's shares, every room (weight-0 ones too), with their status: proposed, due or void. */
export async function elevatorCostShares(caller: AnyExecutor, decisionId: string) {
  const db = read(caller);
  const rows = await db
    .selectFrom('dec_cost_shares')
    .select(['street_id', 'decision_id', 'room_id', 'room_label', 'floor', 'coefficient_permille', 'share_fen', 'status', 'due_since', 'payment_ref'])
    .where('decision_id', '=', decisionId)
    .orderBy('room_label')
    .execute();
  return rows.map((r) => ({
    streetId: r.street_id,
    decisionId: r.decision_id,
    roomId: r.room_id,
    roomLabel: r.room_label,
    floor: r.floor,
    coefficientPermille: r.coefficient_permille,
    shareFen: Number(r.share_fen),
    status: r.status,
    dueSince: r.due_since,
    paymentRef: r.payment_ref,
  }));
}
