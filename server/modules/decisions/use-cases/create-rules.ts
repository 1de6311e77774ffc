import { isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { CreateRulesBody } from '../decisions.schemas.ts';
import { compoundFor } from './rules-access.ts';

/**
 * Drafts the next version of a compound's rules of procedure (议事规则). Every setting carries the clause of the
 * filed rules it comes from; 从众 (non-voters with the majority) may be switched on only with its clause.
 */
export async function createRules(ctx: Ctx, input: CreateRulesBody) {
  const compound = await compoundFor(read(ctx), ctx.actor, input.compoundId, 'draftRules');
  if (input.settings.followMajority.value && input.settings.followMajority.clause.trim().length < 2) throw DecisionsErrors.RULES_CLAUSE_REQUIRED();
  return write(ctx, async (tx) => {
    // Serialises versions per compound: two drafts at once get 1 and 2, not 1 twice.
    await tx.selectFrom('street_places').select('id').where('street_id', '=', compound.street_id).where('id', '=', compound.id).forUpdate().execute();
    const last = await tx
      .selectFrom('dec_rules')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('street_id', '=', compound.street_id)
      .where('compound_id', '=', compound.id)
      .executeTakeFirst();
    const id = newId();
    const version = Number(last?.v ?? 0) + 1;
    await tx
      .insertInto('dec_rules')
      .values({
        street_id: compound.street_id,
        id,
        compound_id: compound.id,
        version,
        title: input.title,
        status: 'draft',
        settings: JSON.stringify(input.settings),
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'decisions.rules.drafted', placeId: compound.id, subjectType: 'rules', subjectId: id, after: { version, title: input.title, settings: input.settings } });
    return { id, version, status: 'draft' as const };
  });
}
