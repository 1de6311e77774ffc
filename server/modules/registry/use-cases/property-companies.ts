import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/**
 * For the fees module's settlement (清分): the property companies registered at a street (its id, or a place
 * under it), with the street each belongs to. No access check: the caller's use case decides who may see them.
 */
export async function propertyCompanies(caller: AnyExecutor, opts: { streetId?: string; ids?: readonly string[] }): Promise<{ id: string; name: string; streetId: string }[]> {
  let q = read(caller).selectFrom('reg_organisations').select(['id', 'name', 'street_id as streetId']).where('kind', '=', 'property_company');
  if (opts.streetId) q = q.where('street_id', '=', opts.streetId);
  if (opts.ids) {
    if (opts.ids.length === 0) return [];
    q = q.where('id', 'in', [...opts.ids]);
  }
  return q.orderBy('name').orderBy('id').execute();
}
