import { isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';

/**
 * What the 设置联络员 form offers: the compounds where the actor manages liaisons, the departments of their streets,
 * and the accounts holding a department_reviewer grant there (the liaison's login).
 */
export async function liaisonOptions(ctx: Ctx): Promise<{
  compounds: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
}> {
  if (!isSystem(ctx.actor) && !holdsAnywhere(ctx.actor, 'liaisonsManage')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const prefixes = scopePrefixes(ctx.actor, GRID_ROLES.liaisonsManage);
  const compounds = await db.selectFrom('street_places as c').select(['c.id', 'c.name', 'c.street_id as streetId']).where('c.kind', '=', 'compound').where(pathInScope('c.path', prefixes)).orderBy('c.path').limit(500).execute();
  const streets = [...new Set(compounds.map((c) => c.streetId))];
  const departments = (await Promise.all(streets.map((s) => organisationsOfKind(db, 'department', { streetId: s })))).flat().map((d) => ({ id: d.id, name: d.name }));
  const accounts = streets.length
    ? await db
        .selectFrom('grants as g')
        .innerJoin('accounts as a', 'a.id', 'g.account_id')
        .innerJoin('places as gp', 'gp.id', 'g.place_id')
        .select(['a.id', 'a.display_name as name'])
        .distinct()
        .where('g.role', '=', 'department_reviewer')
        .where('a.disabled', '=', false)
        .where((eb) => eb.or(streets.map((s) => eb('gp.path', 'like', `%${s}%`))))
        .orderBy('a.display_name')
        .execute()
    : [];
  return { compounds: compounds.map((c) => ({ id: c.id, name: c.name })), departments, accounts };
}
