import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../supervision.db.ts';
import type { MeasureKind } from '../supervision.lists.constants.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import { rulesOf } from '../supervision.lists.repository.ts';
import type { MeasureBody } from '../supervision.lists.schemas.ts';
import { allows } from '../supervision.policy.ts';
import { quarter } from './assessment-period.ts';
import { loadVisibleEntry } from './get-list-entry.ts';

export const MEASURE_LABEL: Record<MeasureKind, { zh: string; en: string }> = {
  interview: { zh: '约谈', en: 'interview' },
  more_inspections: { zh: '增加检查频次', en: 'more inspections' },
  rectification_plan: { zh: '限期整改方案', en: 'rectification plan' },
};

/** The fields each kind's record needs, as the refusal names them. */
const NEEDS: Record<MeasureKind, { key: keyof MeasureBody; zh: string; en: string }[]> = {
  interview: [
    { key: 'interviewOn', zh: '约谈日期', en: 'the day' },
    { key: 'attendees', zh: '参加人员', en: 'the attendees' },
  ],
  more_inspections: [
    { key: 'extraInspections', zh: '增加次数', en: 'how many extra' },
    { key: 'inspectionPeriod', zh: '检查季度', en: 'the quarter' },
  ],
  rectification_plan: [{ key: 'planDue', zh: '提交期限', en: 'the due day' }],
};

/**
 * The street records a measure on a black entry (SUPERVISION_ROLES.creditDecide at the street). National policy:
 * a credit punishment only where a rule provides it — so the kind must be in the street's catalogue NOW
 * (MEASURE_NOT_LISTED otherwise, also for a kind since removed), and the record stores the clause it cites. Not on
 * a red entry, not on one removed after an upheld appeal, and not while an appeal is pending: the appeal may take
 * the entry off the list, and a punishment before its decision would pre-empt it.
 */
export async function recordMeasure(ctx: Ctx, entryId: string, input: MeasureBody) {
  const missing = NEEDS[input.kind].filter((n) => input[n.key] === undefined);
  if (missing.length) {
    throw ListsErrors.MEASURE_FIELDS({ kind: MEASURE_LABEL[input.kind].zh, fields: missing.map((m) => m.zh).join('、') }, { missing: missing.map((m) => m.key) });
  }
  if (input.inspectionPeriod) quarter(input.inspectionPeriod);
  return write(ctx, async (tx) => {
    const e = await loadVisibleEntry(tx, ctx, entryId, true);
    if (!allows(ctx.actor, 'creditDecide', e.street_path)) throw CommonErrors.FORBIDDEN();
    if (e.list !== 'black') throw ListsErrors.NOT_BLACK();
    if (e.removed_at) throw ListsErrors.ENTRY_REMOVED();
    const appeal = await tx.selectFrom('sup_list_appeals').select('status').where('street_id', '=', e.street_id).where('entry_id', '=', e.id).executeTakeFirst();
    if (appeal?.status === 'pending') throw ListsErrors.APPEAL_PENDING();
    const rules = await rulesOf(tx, e.street_id);
    const listed = rules.measures.find((m) => m.kind === input.kind);
    if (!listed) throw ListsErrors.MEASURE_NOT_LISTED({ kind: MEASURE_LABEL[input.kind].zh }, { kind: input.kind });
    const id = newId();
    const now = ctx.kernel.clock.now();
    const row = {
      street_id: e.street_id,
      id,
      entry_id: e.id,
      kind: input.kind,
      basis: listed.basis,
      interview_on: input.kind === 'interview' ? input.interviewOn! : null,
      attendees: input.kind === 'interview' ? input.attendees! : null,
      extra_inspections: input.kind === 'more_inspections' ? input.extraInspections! : null,
      inspection_period: input.kind === 'more_inspections' ? input.inspectionPeriod! : null,
      plan_due: input.kind === 'rectification_plan' ? input.planDue! : null,
      plan_note: null,
      plan_submitted_at: null,
      note: input.note ?? null,
      recorded_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      recorded_by_name: ctx.actor.name,
      recorded_at: now,
    };
    await tx.insertInto('sup_list_measures').values(row).execute();
    await audit(tx, ctx, {
      action: 'supervision.lists.measure_recorded',
      placeId: e.street_id,
      subjectType: 'sup_list_entry',
      subjectId: e.id,
      after: { kind: input.kind, basis: listed.basis },
      detail: { measureId: id, company: e.company_name, period: e.period, rulesVersion: rules.version },
    });
    return { id, entryId: e.id, kind: input.kind, basis: listed.basis };
  });
}
