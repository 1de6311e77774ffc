import type { Ctx } from '../../../kernel/context.ts';
import { arrearsCasesForMediation, type ArrearsCaseForWork, recordArrearsMediation } from '../../fees/index.ts';
import type { Executor, Tx } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { CaseRow } from './mediation-access.ts';

/** An arrears case the fees module handed to mediation (`mediation` step) in the street, or none. */
export async function arrearsCaseWaiting(db: Executor, streetId: string, id: string | null | undefined): Promise<ArrearsCaseForWork | undefined> {
  if (!id) return undefined;
  return (await arrearsCasesForMediation(db, { streetId })).find((c) => c.id === id);
}

/** An arrears case to open a mediation case from: it must be waiting for mediation in the street. */
export async function arrearsSource(tx: Tx, streetId: string, id: string | null | undefined): Promise<ArrearsCaseForWork> {
  const found = await arrearsCaseWaiting(tx, streetId, id);
  if (!found) throw MediationErrors.MEDIATION_SOURCE_NOT_FOUND();
  return found;
}

/**
 * When a case opened from an arrears case ends — agreed, failed, or declined (withdrawn from mediation) — the fees
 * module records the outcome on its case in this transaction (its hook; fees' staff then close it). Skipped when the
 * arrears case has left the mediation step meanwhile (the property company closed it), so mediation is not blocked.
 */
export async function reportToArrears(tx: Tx, ctx: Ctx, kase: Pick<CaseRow, 'streetId' | 'source' | 'source_ref' | 'no'>, outcome: 'agreed' | 'failed' | 'withdrawn', note: string): Promise<void> {
  if (kase.source !== 'arrears' || !(await arrearsCaseWaiting(tx, kase.streetId, kase.source_ref))) return;
  await recordArrearsMediation(tx, ctx, kase.source_ref!, { outcome, note: `调解案件 ${kase.no}${note ? `：${note}` : ''}`.slice(0, 500) });
}
