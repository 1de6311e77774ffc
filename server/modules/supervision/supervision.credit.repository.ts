import { DEFAULT_CREDIT_SETTINGS, type CreditSettings } from './supervision.credit.constants.ts';
import type { Executor } from './supervision.db.ts';

type SettingsRow = {
  version: number;
  base_centi: number;
  cap_centi: number;
  validity_months: number;
  bands: CreditSettings['bands'];
  kinds: CreditSettings['kinds'];
};

const toSettings = (r: SettingsRow): CreditSettings => ({
  version: r.version,
  baseCenti: r.base_centi,
  capCenti: r.cap_centi,
  validityMonths: r.validity_months,
  bands: r.bands,
  // A kind added after the version was saved falls back to its default rule.
  kinds: { ...DEFAULT_CREDIT_SETTINGS.kinds, ...r.kinds },
});

const SETTINGS_COLUMNS = ['version', 'base_centi', 'cap_centi', 'validity_months', 'bands', 'kinds'] as const;

/**
 * The street's credit formula in force at `at`: the latest version saved at or before it, or the defaults
 * (version 0) before the street saved any — so a grade of an earlier instant is computed as it was then.
 */
export async function creditSettingsAt(db: Executor, streetId: string, at: Date): Promise<CreditSettings> {
  const row = await db
    .selectFrom('sup_credit_settings')
    .select(SETTINGS_COLUMNS)
    .where('street_id', '=', streetId)
    .where('updated_at', '<=', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSettings(row) : DEFAULT_CREDIT_SETTINGS;
}

/** The street's latest credit formula (what the settings page edits and new records are made under). */
export async function latestCreditSettings(db: Executor, streetId: string): Promise<CreditSettings> {
  const row = await db
    .selectFrom('sup_credit_settings')
    .select(SETTINGS_COLUMNS)
    .where('street_id', '=', streetId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSettings(row) : DEFAULT_CREDIT_SETTINGS;
}

/** A street's records with what the formula needs, optionally of one company and only those made by `at`. */
export async function creditRecordsOf(db: Executor, streetId: string, opts: { companyId?: string; at?: Date } = {}) {
  return db
    .selectFrom('sup_credit_records')
    .selectAll()
    .where('street_id', '=', streetId)
    .$if(!!opts.companyId, (q) => q.where('company_id', '=', opts.companyId!))
    .$if(!!opts.at, (q) => q.where('occurred_at', '<=', opts.at!))
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .execute();
}

export const scoredOf = (r: { points_centi: number; occurred_at: Date; expires_at: Date; repaired_at: Date | null }) => ({
  pointsCenti: r.points_centi,
  occurredAt: r.occurred_at,
  expiresAt: r.expires_at,
  repairedAt: r.repaired_at,
});
