import { sql } from 'kysely';
import { type Actor, findPlace, isSystem, type PlaceRow, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder, propertyCompanies } from '../../registry/index.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import { type Executor, read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows, SupervisionPolicy } from '../supervision.policy.ts';

type Permission = keyof typeof SupervisionPolicy;
export type CreditStreet = PlaceRow & { street_id: string };

/** Whether the actor holds `permission` at or inside the place at `path` (a company's grants are on its compounds). */
export function holdsAtOrInside(actor: Actor, permission: Permission, path: string): boolean {
  const prefixes = scopePrefixes(actor, SupervisionPolicy[permission]);
  return prefixes === null || prefixes.some((p) => path.startsWith(p) || p.startsWith(path));
}

/** A street the actor acts at: 404 when they read no credit there, 400 for another kind of place, 403 without `permission`. */
export async function creditStreetFor(ctx: Ctx, db: Executor, streetId: string, permission: Permission): Promise<CreditStreet> {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id || !(holdsAtOrInside(ctx.actor, 'creditRead', place.path) || allows(ctx.actor, permission, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw CreditErrors.NOT_A_STREET();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as CreditStreet;
}

/** The streets at or inside the scope (a place's path, else the actor's grants) where the actor reads credit. */
export async function creditStreetsInScope(ctx: Ctx, underPath?: string): Promise<CreditStreet[]> {
  const prefixes = scopePrefixes(ctx.actor, SupervisionPolicy.creditRead);
  if (prefixes !== null && prefixes.length === 0) return [];
  const grants = prefixes === null ? sql`true` : sql.join(prefixes.map((p) => sql`(s.path like ${`${p}%`} or ${p} like s.path || '%')`), sql` or `);
  const under = underPath ? sql`and (s.path like ${`${underPath}%`} or ${underPath} like s.path || '%')` : sql``;
  const { rows } = await sql<CreditStreet>`select s.* from street_places s where s.kind = 'street' and (${grants}) ${under} order by s.name, s.id`.execute(read(ctx));
  return rows;
}

/** A company as the credit pages see it: the compounds of the street it serves, and which of them the actor sees. */
export interface CreditCompany {
  companyId: string;
  companyName: string;
  streetId: string;
  streetName: string;
  compounds: { id: string; name: string; path: string }[];
}

/**
 * The companies of a street the actor reads credit of: those serving a compound of the street inside the actor's
 * creditRead grants (an official: their places; a company's manager or staff: the compounds it serves — so only
 * itself), and, for a grant covering the whole street, also a company that serves nothing now but has records.
 * `underPath` narrows to the companies serving a compound under a place.
 */
export async function visibleCompanies(ctx: Ctx, db: Executor, street: CreditStreet, underPath?: string): Promise<CreditCompany[]> {
  const compounds = await compoundsUnder(db, street.id);
  const out = new Map<string, CreditCompany>();
  const entry = (companyId: string, companyName: string) => {
    if (!out.has(companyId)) out.set(companyId, { companyId, companyName, streetId: street.id, streetName: street.name, compounds: [] });
    return out.get(companyId)!;
  };
  const streetWide = isSystem(ctx.actor) || allows(ctx.actor, 'creditRead', street.path);
  const seen = new Set<string>();
  for (const c of compounds) {
    if (!c.companyId) continue;
    if (streetWide || allows(ctx.actor, 'creditRead', c.path)) seen.add(c.companyId);
  }
  for (const c of compounds) {
    if (!c.companyId || !seen.has(c.companyId)) continue;
    entry(c.companyId, c.companyName ?? '').compounds.push({ id: c.compoundId, name: c.name, path: c.path });
  }
  if (streetWide) {
    const former = await db.selectFrom('sup_credit_records').select(['company_id', 'company_name']).distinctOn('company_id').where('street_id', '=', street.id).orderBy('company_id').orderBy('occurred_at', 'desc').execute();
    for (const r of former) entry(r.company_id, r.company_name);
  }
  const list = [...out.values()];
  return underPath ? list.filter((c) => c.compounds.some((x) => x.path.startsWith(underPath) || underPath.startsWith(x.path)) || street.path.startsWith(underPath)) : list;
}

/** One company the actor reads credit of (404 otherwise), with its street. */
export async function companyFor(ctx: Ctx, db: Executor, companyId: string): Promise<CreditCompany & { street: CreditStreet }> {
  const [org] = await propertyCompanies(db, { ids: [companyId] });
  const streetId =
    org?.streetId ?? (await db.selectFrom('sup_credit_records').select('street_id').where('company_id', '=', companyId).limit(1).executeTakeFirst())?.street_id;
  if (!streetId) throw CreditErrors.COMPANY_NOT_FOUND();
  const street = await findPlace(db, streetId);
  if (!street || street.kind !== 'street' || !holdsAtOrInside(ctx.actor, 'creditRead', street.path)) throw CreditErrors.COMPANY_NOT_FOUND();
  const company = (await visibleCompanies(ctx, db, street as CreditStreet)).find((c) => c.companyId === companyId);
  if (!company) throw CreditErrors.COMPANY_NOT_FOUND();
  return { ...company, street: street as CreditStreet };
}

/** Whether the actor may apply for the company's credit repair: creditApply at a compound it serves. */
export const mayApplyFor = (actor: Actor, company: CreditCompany) => company.compounds.some((c) => allows(actor, 'creditApply', c.path));

/** The acting account to record, or null for the system (a job): it has no accounts row. */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
