import { DEFAULT_COMMITTEE_WEIGHTS, DEFAULT_STAR_MINS, type CommitteeWeights, type StarMins } from './supervision.committees.constants.ts';
import type { Executor } from './supervision.db.ts';

/** A street's 红色业委会 settings as used: version 0 means the defaults (never saved). */
export interface CommitteeSettings {
  version: number;
  weights: CommitteeWeights;
  starMins: StarMins;
}

export async function committeeSettingsOf(db: Executor, streetId: string): Promise<CommitteeSettings> {
  const row = await db.selectFrom('sup_committee_settings').select(['version', 'weights', 'star_mins']).where('street_id', '=', streetId).executeTakeFirst();
  if (!row) return { version: 0, weights: { ...DEFAULT_COMMITTEE_WEIGHTS }, starMins: { ...DEFAULT_STAR_MINS } };
  return { version: row.version, weights: row.weights, starMins: row.star_mins };
}

/** A rating row by id (any street: ids are unique), locked when `forUpdate`. */
export function findRating(db: Executor, id: string, forUpdate = false) {
  const q = db.selectFrom('sup_committee_ratings').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}
export type RatingRow = NonNullable<Awaited<ReturnType<typeof findRating>>>;

export function ratingScores(db: Executor, streetId: string, ratingIds: readonly string[]) {
  if (ratingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sup_committee_scores')
    .select(['rating_id', 'dimension', 'score_centi', 'note'])
    .where('street_id', '=', streetId)
    .where('rating_id', 'in', [...ratingIds])
    .execute();
}

export function ratingFiles(db: Executor, streetId: string, ratingIds: readonly string[]) {
  if (ratingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sup_committee_files')
    .select(['id', 'rating_id', 'dimension', 'file_name', 'mime', 'size_bytes', 'uploaded_at'])
    .where('street_id', '=', streetId)
    .where('rating_id', 'in', [...ratingIds])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}
