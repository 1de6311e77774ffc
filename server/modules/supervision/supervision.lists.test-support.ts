import { sql } from 'kysely';
import type { Kernel } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { createOrganisation, createPlace } from '../registry/index.ts';
import { buildRectificationWorld } from './supervision.rectification.test-support.ts';
import { useTestEnv } from '../../test/harness.ts';

/**
 * What the lists tests share: the rectification world (street S: 阳光花园 A served by 安和物业 pc1; street S2: 远方小区
 * Z served by 邻街物业 pcZ, with its official `zofficial` and manager `zmanager`) plus two more companies of S, each
 * serving a compound of G1: 顺达物业 (no record: 80.00, A) and 红星物业 (+25.00: 105.00, AA). Credit records are
 * written straight into the credit part's table (its use cases are another part's), occurring long ago and
 * expiring far ahead so they count for any quarter a test publishes: 安和物业 −3.00 → 77.00, B; 邻街物业 −50.00 →
 * 30.00, C. Under the default formula (base 80, bands AAA ≥ 110, AA ≥ 100, A ≥ 80, B ≥ 60).
 */
export async function buildListsWorld(kernel: Kernel) {
  const w = await buildRectificationWorld(kernel);
  const company = async (name: string, compound: string) => {
    const id = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'property_company', name })).id;
    const place = (await createPlace(w.ctx, { parentId: w.places.G1, kind: 'compound', name: compound, compound: { managementMode: 'professional', propertyCompanyId: id } })).id;
    return { id, place };
  };
  const shunda = await company('顺达物业', '顺达小区');
  const hongxing = await company('红星物业', '红星小区');
  await creditRecord(kernel, w.places.S, w.organisations.pc1, '安和物业', -300);
  await creditRecord(kernel, w.places.S, hongxing.id, '红星物业', 2500);
  await creditRecord(kernel, w.places.S2, w.organisations.pcZ, '邻街物业', -5000);
  return { ...w, companies: { pc1: w.organisations.pc1, pcZ: w.organisations.pcZ, shunda: shunda.id, hongxing: hongxing.id }, compounds: { shunda: shunda.place, hongxing: hongxing.place } };
}
export type ListsWorld = Awaited<ReturnType<typeof buildListsWorld>>;

export const useListsWorld = () => useTestEnv((env) => buildListsWorld(env.kernel));

/** A credit record of a company, counting from 1900 to 2100. */
export function creditRecord(kernel: Kernel, streetId: string, companyId: string, companyName: string, pointsCenti: number) {
  const at = new Date('1900-01-01T00:00:00+08:00');
  return sql`insert into sup_credit_records (street_id, id, company_id, company_name, kind, points_centi, basis, source_type, source_id, source_label,
      occurred_at, expires_at, settings_version, created_at)
    values (${streetId}, ${newId()}, ${companyId}, ${companyName}, ${pointsCenti > 0 ? 'award' : 'complaint_upheld'}, ${pointsCenti}, '第九条', 'manual', ${newId()}, '测试记录',
      ${at}, ${new Date('2100-01-01T00:00:00+08:00')}, 0, ${at})`.execute(kernel.db);
}

/** The tables a refusal must leave alone. */
export const LIST_TABLES = ['sup_list_rules', 'sup_list_publications', 'sup_list_entries', 'sup_list_appeals', 'sup_list_measures', 'sup_list_files', 'audit_log'];
