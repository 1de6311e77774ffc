import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../supervision.db.ts';
import type { SheetKind } from '../supervision.sheets.constants.ts';

/**
 * THE sheet in force at a street for a kind and a period (a quarter 'YYYY-Qn'): of the versions ever activated
 * (active or retired — a retired version still governs the periods it was in force for), the one with the greatest
 * `applies_from` not after the period; of two activated in one quarter, the later version. Undefined when none.
 * Quarter labels compare as text ('2026-Q4' < '2027-Q1').
 */
export async function sheetInForce(caller: AnyExecutor, streetId: string, kind: SheetKind, period: string) {
  return read(caller)
    .selectFrom('sup_sheets')
    .select(['id', 'name', 'version', 'applies_from', 'status'])
    .where('street_id', '=', streetId)
    .where('place_id', '=', streetId)
    .where('kind', '=', kind)
    .where('status', 'in', ['active', 'retired'])
    .where('applies_from', '<=', period)
    .orderBy('applies_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
