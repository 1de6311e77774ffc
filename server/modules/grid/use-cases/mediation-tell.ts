import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { Tx } from '../grid.db.ts';
import type { CaseRow } from './mediation-access.ts';

/** The resident who applied is told of each decisive step (accepted, declined, agreed, failed); staff-opened cases tell nobody. */
export async function tellApplicant(tx: Tx, ctx: Ctx, kase: Pick<CaseRow, 'id' | 'no' | 'placeId' | 'applicant_person_id'>, statusZh: string): Promise<void> {
  if (!kase.applicant_person_id) return;
  await notify(tx, ctx, { template: 'grid.mediation.status', placeId: kase.placeId, to: { persons: [kase.applicant_person_id] }, data: { id: kase.id, no: kase.no, status: statusZh }, subject: { type: 'grid_mediation_case', id: kase.id } });
}
