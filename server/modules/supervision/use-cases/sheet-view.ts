import type { Executor } from '../supervision.db.ts';
import { type SheetRow, sheetStructure } from '../supervision.sheets.repository.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { nextPeriod, periodContaining } from '../../../kernel/payouts/payouts.ts';
import { allows } from '../supervision.policy.ts';
import { versionsOf } from '../supervision.sheets.repository.ts';

/** A sheet as the pages show it: its sections with their indicators, the weight sum, and what the actor may do. */
export async function sheetView(db: Executor, ctx: Ctx, sheet: SheetRow) {
  const { sections, indicators } = await sheetStructure(db, sheet.id);
  const manages = allows(ctx.actor, 'sheetsManage', sheet.streetPath);
  // What activating the draft now would give (activate-sheet.ts): the confirmation states it.
  let activationAppliesFrom: string | null = null;
  if (sheet.status === 'draft') {
    const current = periodContaining('quarter', ctx.kernel.clock.now());
    activationAppliesFrom = (await versionsOf(db, sheet.street_id, sheet.kind)).everActivated ? nextPeriod(current).label : current.label;
  }
  return {
    id: sheet.id,
    streetId: sheet.street_id,
    streetName: sheet.streetName,
    kind: sheet.kind,
    name: sheet.name,
    version: sheet.version,
    status: sheet.status,
    appliesFrom: sheet.applies_from,
    activationAppliesFrom,
    isDemo: sheet.is_demo,
    frozenAt: sheet.frozen_at,
    createdAt: sheet.created_at,
    updatedAt: sheet.updated_at,
    weightSum: sections.reduce((a, s) => a + s.weight, 0),
    indicatorCount: indicators.length,
    maxCentiSum: indicators.reduce((a, i) => a + i.maxCenti, 0),
    sections: sections.map((s) => ({
      id: s.id,
      name: s.name,
      weight: s.weight,
      indicators: indicators
        .filter((i) => i.sectionId === s.id)
        .map((i) => ({ id: i.id, code: i.code, name: i.name, guidance: i.guidance, method: i.method, maxCenti: i.maxCenti, deductionCenti: i.deductionCenti, evidence: i.evidence })),
    })),
    can: { edit: manages && sheet.status === 'draft', activate: manages && sheet.status === 'draft', copy: manages && sheet.status !== 'draft' },
  };
}
export type SheetView = Awaited<ReturnType<typeof sheetView>>;
