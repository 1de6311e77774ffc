import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { rulesFor } from './rules-access.ts';

/**
 * A confirmed version takes effect; the version in force until now is superseded (kept, with the time).
 * Decisions already open keep the copy they took when they opened.
 */
export async function putRulesInForce(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const rules = await rulesFor(tx, ctx.actor, id, 'confirmRules', true);
    if (rules.status !== 'confirmed') throw DecisionsErrors.RULES_NOT_CONFIRMED();
    const now = ctx.kernel.clock.now();
    const superseded = await tx
      .updateTable('dec_rules')
      .set({ status: 'superseded', superseded_at: now })
      .where('street_id', '=', rules.street_id)
      .where('compound_id', '=', rules.compound_id)
      .where('status', '=', 'in_force')
      .returning(['id', 'version'])
      .execute();
    await tx.updateTable('dec_rules').set({ status: 'in_force', in_force_at: now }).where('street_id', '=', rules.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'decisions.rules.in_force',
      placeId: rules.compound_id,
      subjectType: 'rules',
      subjectId: id,
      before: { status: 'confirmed' },
      after: { status: 'in_force', version: rules.version },
      detail: { superseded: superseded.map((s) => s.version) },
    });
    return { id, status: 'in_force' as const };
  });
}
