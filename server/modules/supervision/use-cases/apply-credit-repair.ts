import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import type { ApplyRepairFields } from '../supervision.credit.schemas.ts';
import { recordState } from '../supervision.credit.scoring.ts';
import { scoredOf } from '../supervision.credit.repository.ts';
import { write } from '../supervision.db.ts';
import { companyFor, mayApplyFor } from './credit-access.ts';
import { checkCreditFiles, storeCreditFiles, type Upload } from './credit-evidence.ts';

/**
 * The company applies for a BAD record to be repaired (信用修复) with its rectification evidence — a statement and
 * optional files (SUPERVISION_ROLES.creditApply: the manager at a compound the company serves). Only a record that
 * deducts, counts now and is not repaired, and only one pending application per record (409 otherwise).
 */
export async function applyCreditRepair(ctx: Ctx, recordId: string, input: ApplyRepairFields, uploads: Upload[]): Promise<{ id: string }> {
  const files = checkCreditFiles(uploads);
  return write(ctx, async (tx) => {
    const record = await tx.selectFrom('sup_credit_records').selectAll().where('id', '=', recordId).forUpdate().executeTakeFirst();
    if (!record) throw CreditErrors.RECORD_NOT_FOUND();
    const company = await companyFor(ctx, tx, record.company_id).catch(() => {
      throw CreditErrors.RECORD_NOT_FOUND();
    });
    if (company.streetId !== record.street_id) throw CreditErrors.RECORD_NOT_FOUND();
    if (!mayApplyFor(ctx.actor, company)) throw CommonErrors.FORBIDDEN();
    const now = ctx.kernel.clock.now();
    if (record.points_centi >= 0 || recordState(scoredOf(record), now) !== 'counting') throw CreditErrors.NOT_REPAIRABLE();
    const open = await tx.selectFrom('sup_credit_repairs').select('id').where('street_id', '=', record.street_id).where('record_id', '=', record.id).where('status', '=', 'pending').executeTakeFirst();
    if (open) throw CreditErrors.REPAIR_PENDING();
    const id = newId();
    await tx
      .insertInto('sup_credit_repairs')
      .values({
        street_id: record.street_id,
        id,
        record_id: record.id,
        company_id: record.company_id,
        company_name: record.company_name,
        status: 'pending',
        statement: input.statement,
        applied_by: ctx.actor.accountId,
        applicant_name: ctx.actor.name,
        applied_at: now,
      })
      .execute();
    await storeCreditFiles(tx, ctx, { streetId: record.street_id, type: 'repair', id, at: now }, files);
    await audit(tx, ctx, {
      action: 'supervision.credit.repair_applied',
      placeId: record.street_id,
      subjectType: 'sup_credit_repairs',
      subjectId: id,
      after: { recordId: record.id, companyId: record.company_id, statement: input.statement },
      detail: { kind: record.kind, pointsCenti: record.points_centi, files: files.length },
    });
    return { id };
  });
}
