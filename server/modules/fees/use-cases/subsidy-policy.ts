import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Executor } from '../fees.db.ts';
import type { SubsidyTerms } from './subsidy-rules.ts';

export interface SubsidyPolicy extends SubsidyTerms {
  id: string;
  effectiveFrom: string;
  tags: string[];
  note: string;
  setAt: Date;
}

const columns = ['id', 'effective_from as effectiveFrom', 'mode', 'share_bp as shareBp', 'per_area_fen as perAreaFen', 'cap_fen as capFen', 'tags', 'note', 'set_at as setAt'] as const;

/** Every version of a street's policy, the newest first (by effective date, then by when it was set). */
export function policyVersions(db: Executor, streetId: string): Promise<SubsidyPolicy[]> {
  return db.selectFrom('fee_subsidy_policies').select(columns).where('street_id', '=', streetId).orderBy('effective_from', 'desc').orderBy('set_at', 'desc').orderBy('id', 'desc').execute();
}

/** The version that governs a bill of `day`: the latest effective on or before it (the last one set that day wins). */
export function policyOn(versions: readonly SubsidyPolicy[], day: string): SubsidyPolicy | undefined {
  return versions.find((v) => v.effectiveFrom <= day);
}

/** The street a place belongs to (the policy is the street's), or undefined for no place. */
export async function streetOfPlace(db: Executor, placeId: string) {
  const place = await findPlace(db, placeId);
  return place?.street_id ? findPlace(db, place.street_id) : undefined;
}

/** The China calendar day of an instant, in SQL. */
export const chinaDayOf = (ref: string) => sql<string>`to_char(${sql.ref(ref)} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
