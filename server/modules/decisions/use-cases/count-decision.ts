import type { RulesSettings } from '../decisions.constants.ts';
import type { Executor } from '../decisions.db.ts';
import { countedBallots, itemsOf } from '../decisions.repository.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import { tally } from '../tally.ts';

/**
 * Counts a decision from its raw ballots against its frozen roll's totals, under the rules it copied when it
 * opened: the strict Civil Code tally, and the 从众 tally beside it only when those rules have it.
 */
export async function countDecision(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id' | 'total_area_centi' | 'total_heads' | 'rules'>) {
  const [items, ballots] = await Promise.all([itemsOf(db, d.street_id, d.id), countedBallots(db, d.street_id, d.id)]);
  const settings = (d.rules as { settings?: RulesSettings } | null)?.settings;
  return tally({
    totalAreaCenti: d.total_area_centi ?? 0,
    totalHeads: d.total_heads ?? 0,
    items: items.map((i) => ({ no: i.no, matter: i.matter })),
    ballots,
    followMajority: settings?.followMajority.value ? { clause: settings.followMajority.clause } : null,
  });
}
