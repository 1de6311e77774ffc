import { isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { rulesFor } from './rules-access.ts';

/**
 * The owners' committee's chair confirms a draft of the rules: who confirmed it, by name, and when are
 * recorded on the version itself (and audited). A confirmed version does not yet apply: see putRulesInForce.
 */
export async function confirmRules(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const rules = await rulesFor(tx, ctx.actor, id, 'confirmRules', true);
    if (rules.status !== 'draft') throw DecisionsErrors.RULES_NOT_DRAFT();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('dec_rules')
      .set({ status: 'confirmed', confirmed_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, confirmed_by_name: ctx.actor.name, confirmed_at: now })
      .where('street_id', '=', rules.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.rules.confirmed',
      placeId: rules.compound_id,
      subjectType: 'rules',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'confirmed', version: rules.version, confirmedBy: ctx.actor.name },
    });
    return { id, status: 'confirmed' as const };
  });
}
