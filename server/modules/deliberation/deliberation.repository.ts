import { sql } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import { DEFAULT_SETTINGS, type DeliberationSettings, type ItemStage, type SourceKind } from './deliberation.constants.ts';
import type { Executor } from './deliberation.db.ts';

/** SQL for the deliberation module's own tables (and reads of the kernel's places and accounts). */

export type ItemRow = Awaited<ReturnType<typeof lockItem>> & {};

/** The item, locked for the rest of the transaction (every stage change goes through it), with its place's path. */
export function lockItem(db: Executor, id: string) {
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .selectAll('i')
    .select(['p.path as place_path', 'p.name as place_name', 'p.kind as place_kind'])
    .where('i.id', '=', id)
    .forUpdate('i')
    .executeTakeFirst();
}

/** The next code of a street's item in a year (YT-2026-0042): one upsert, so concurrent items never share one. */
export async function nextItemCode(db: Executor, streetId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('dlb_code_counters')
    .values({ street_id: streetId, year, last: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last: sql`dlb_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `YT-${year}-${String(row.last).padStart(4, '0')}`;
}

/** One line of an item's timeline. */
export async function insertEvent(
  db: Executor,
  e: {
    streetId: string;
    itemId: string;
    at: Date;
    actorId: string | null;
    actorName: string;
    kind: string;
    from?: ItemStage | null;
    to?: ItemStage | null;
    note?: string;
    detail?: Record<string, unknown>;
  },
) {
  await db
    .insertInto('dlb_events')
    .values({
      street_id: e.streetId,
      id: newId(),
      item_id: e.itemId,
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      kind: e.kind,
      stage_from: e.from ?? null,
      stage_to: e.to ?? null,
      note: e.note ?? '',
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

/**
 * The procedure's thresholds for a place: the settings of the nearest place at or above it that has some, else
 * the defaults. `placePath` is the place's materialised path (its ancestors are its prefixes).
 */
export async function settingsFor(db: Executor, streetId: string, placePath: string): Promise<DeliberationSettings & { placeId: string | null }> {
  const row = await db
    .selectFrom('dlb_settings as s')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 's.street_id').onRef('p.id', '=', 's.place_id'))
    .selectAll('s')
    .where('s.street_id', '=', streetId)
    .where(sql<boolean>`${placePath} like p.path || '%'`)
    .orderBy(sql`length(p.path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, placeId: null };
  return {
    placeId: row.place_id,
    supportThreshold: row.support_threshold,
    ratingDays: row.rating_days,
    minRatings: row.min_ratings,
    reopenBelowCenti: row.reopen_below_centi,
    poorSharePercent: row.poor_share_percent,
    poorScoreMax: row.poor_score_max,
    maxReopens: row.max_reopens,
  };
}

/**
 * The accounts to tell of an item's progress: its supporting households' accounts — the resident who proposed
 * it, the posters of the opinions behind it and everyone who supported it (officials follow it on the workbench).
 */
export async function followerAccounts(db: Executor, streetId: string, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dlb_supporters')
    .select('account_id')
    .distinct()
    .where('street_id', '=', streetId)
    .where('item_id', '=', itemId)
    .where('account_id', 'is not', null)
    .execute();
  return rows.map((r) => r.account_id!);
}

/** A new item's row (its code drawn from the street's counter) and its first source; the caller writes the event and audit. */
export async function insertItem(
  db: Executor,
  row: {
    streetId: string;
    id: string;
    placeId: string;
    title: string;
    description: string;
    sourceKind: SourceKind;
    source: { refId: string | null; label: string };
    stage: ItemStage;
    listedAt: Date | null;
    isPublic: boolean;
    createdBy: string | null;
    at: Date;
    year: number;
  },
) {
  const code = await nextItemCode(db, row.streetId, row.year);
  await db
    .insertInto('dlb_items')
    .values({
      street_id: row.streetId,
      id: row.id,
      place_id: row.placeId,
      code,
      title: row.title,
      description: row.description,
      source_kind: row.sourceKind,
      stage: row.stage,
      listed_at: row.listedAt,
      rejected_reason: null,
      merged_into: null,
      decision_text: null,
      decision_id: null,
      vote_outcome: null,
      rating_opens_at: null,
      rating_closes_at: null,
      is_public: row.isPublic,
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
  await db
    .insertInto('dlb_item_sources')
    .values({ street_id: row.streetId, id: newId(), item_id: row.id, kind: row.sourceKind, ref_id: row.source.refId, label: row.source.label, original_item_id: row.id, added_at: row.at })
    .execute();
  return { code };
}
