import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatPoints } from '../supervision.credit.constants.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import { latestCreditSettings } from '../supervision.credit.repository.ts';
import type { AddCreditRecordFields } from '../supervision.credit.schemas.ts';
import { addMonthsChina } from '../supervision.credit.scoring.ts';
import { write } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { accountOf, companyFor } from './credit-access.ts';
import { checkCreditFiles, storeCreditFiles, type Upload } from './credit-evidence.ts';

const LABEL = { complaint_upheld: '投诉属实', award: '表彰奖励' } as const;

/**
 * A street official enters a record by hand (SUPERVISION_ROLES.creditManage at the company's street): a complaint
 * upheld (its points fixed by the settings) or an award (points chosen within the settings' range), with a note
 * and optional evidence files. It counts from now for the settings' validity, under the settings' basis.
 */
export async function addCreditRecord(ctx: Ctx, input: AddCreditRecordFields, uploads: Upload[]): Promise<{ id: string }> {
  const files = checkCreditFiles(uploads);
  return write(ctx, async (tx) => {
    const company = await companyFor(ctx, tx, input.companyId);
    if (!allows(ctx.actor, 'creditManage', company.street.path)) throw CommonErrors.FORBIDDEN();
    const settings = await latestCreditSettings(tx, company.streetId);
    const rule = settings.kinds[input.kind];
    let points: number;
    if (input.kind === 'award') {
      const min = rule.min!;
      const max = rule.max!;
      if (input.pointsCenti === undefined || input.pointsCenti < min || input.pointsCenti > max) throw CreditErrors.AWARD_POINTS_REQUIRED({ min: formatPoints(min), max: formatPoints(max) });
      points = input.pointsCenti;
    } else {
      if (input.pointsCenti !== undefined && input.pointsCenti !== rule.points) throw CreditErrors.POINTS_NOT_ALLOWED();
      points = rule.points!;
    }
    const now = ctx.kernel.clock.now();
    const id = newId();
    await tx
      .insertInto('sup_credit_records')
      .values({
        street_id: company.streetId,
        id,
        company_id: company.companyId,
        company_name: company.companyName,
        kind: input.kind,
        points_centi: points,
        basis: rule.basis,
        source_type: 'manual',
        source_id: id,
        source_label: `${LABEL[input.kind]}（街道录入）`,
        compound_id: null,
        occurred_at: now,
        expires_at: addMonthsChina(now, settings.validityMonths),
        note: input.note,
        settings_version: settings.version,
        created_by: accountOf(ctx),
        created_at: now,
      })
      .execute();
    await storeCreditFiles(tx, ctx, { streetId: company.streetId, type: 'record', id, at: now }, files);
    await audit(tx, ctx, {
      action: 'supervision.credit.record_added',
      placeId: company.streetId,
      subjectType: 'sup_credit_records',
      subjectId: id,
      after: { companyId: company.companyId, companyName: company.companyName, kind: input.kind, pointsCenti: points, basis: rule.basis, note: input.note },
      detail: { files: files.length, settingsVersion: settings.version },
    });
    return { id };
  });
}
