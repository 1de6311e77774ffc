import type { Executor } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';

/** A compound's property company must be a registered property company. */
export async function checkPropertyCompany(db: Executor, id: string): Promise<void> {
  const org = await db.selectFrom('reg_organisations').select('kind').where('id', '=', id).executeTakeFirst();
  if (org?.kind !== 'property_company') throw RegistryErrors.PROPERTY_COMPANY_INVALID();
}
