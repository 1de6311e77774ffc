import { DEFAULT_RULES, type RulesSettings } from '../decisions.constants.ts';
import type { Executor } from '../decisions.db.ts';

/**
 * The rules of procedure in force at a compound, or the Civil Code defaults where none are filed. A decision
 * copies what this answers when it opens, and keeps the copy whatever happens to the rules afterwards.
 */
export async function rulesInForce(db: Executor, streetId: string, compoundId: string): Promise<{ id: string | null; version: number | null; title: string | null; settings: RulesSettings }> {
  const row = await db
    .selectFrom('dec_rules')
    .select(['id', 'version', 'title', 'settings'])
    .where('street_id', '=', streetId)
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'in_force')
    .executeTakeFirst();
  if (!row) return { id: null, version: null, title: null, settings: DEFAULT_RULES };
  return { id: row.id, version: row.version, title: row.title, settings: { ...DEFAULT_RULES, ...(row.settings as RulesSettings) } };
}

/**
 * The rules a decision runs under: the copy it took when it opened, else (before it opens) the rules in force now.
 * A copy made before a setting existed takes that setting's default.
 */
export async function settingsFor(db: Executor, d: { street_id: string; compound_id: string; rules: unknown }): Promise<RulesSettings> {
  const copied = (d.rules as { settings?: RulesSettings } | null)?.settings;
  return copied ? { ...DEFAULT_RULES, ...copied } : (await rulesInForce(db, d.street_id, d.compound_id)).settings;
}
