import type { Ctx } from '../../../kernel/context.ts';
import { DEFAULT_RULES } from '../decisions.constants.ts';
import { read } from '../decisions.db.ts';
import { allows } from '../decisions.policy.ts';
import { compoundFor } from './rules-access.ts';

/** Every version of a compound's rules of procedure, newest first, with the defaults that apply where none is in force. */
export async function listRules(ctx: Ctx, compoundId: string) {
  const db = read(ctx);
  const compound = await compoundFor(db, ctx.actor, compoundId, 'read');
  const items = await db
    .selectFrom('dec_rules as r')
    .leftJoin('accounts as a', 'a.id', 'r.created_by')
    .select([
      'r.id',
      'r.version',
      'r.title',
      'r.status',
      'r.settings',
      'r.created_at as createdAt',
      'a.display_name as createdByName',
      'r.confirmed_by_name as confirmedByName',
      'r.confirmed_at as confirmedAt',
      'r.in_force_at as inForceAt',
      'r.superseded_at as supersededAt',
    ])
    .where('r.street_id', '=', compound.street_id)
    .where('r.compound_id', '=', compound.id)
    .orderBy('r.version', 'desc')
    .execute();
  return {
    compound: { id: compound.id, name: compound.name },
    items,
    defaults: DEFAULT_RULES,
    can: { draft: allows(ctx.actor, 'draftRules', compound.path), confirm: allows(ctx.actor, 'confirmRules', compound.path) },
  };
}
