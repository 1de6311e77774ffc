import { maskName } from '../../../kernel/pii/pii.ts';
import type { Executor } from '../volunteers.db.ts';
import type { GreenCareKind } from '../volunteers.tables.ts';
import { photoIdsOf } from './photos.ts';

export interface CareRecord {
  id: string;
  adoptionId: string;
  kind: GreenCareKind;
  note: string;
  personName: string;
  /** Whether the acting resident posted it (their own name is shown unmasked). */
  mine: boolean;
  photoIds: string[];
  createdAt: Date;
}

/**
 * A plot's care records, newest first, with their photos (/api/volunteers/photos/:id). Staff see the names; a
 * neighbour sees them masked (张**), the poster their own.
 */
export async function careRecordsOf(db: Executor, streetId: string, plotId: string, opts: { maskFor?: string | null; limit?: number } = {}): Promise<CareRecord[]> {
  const rows = await db
    .selectFrom('vol_green_care')
    .select(['id', 'adoption_id as adoptionId', 'kind', 'note', 'person_id as personId', 'person_name as personName', 'created_at as createdAt'])
    .where('street_id', '=', streetId)
    .where('plot_id', '=', plotId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  const photos = await photoIdsOf(db, streetId, 'care', rows.map((r) => r.id));
  const masking = opts.maskFor !== undefined;
  return rows.map(({ personId, ...r }) => {
    const mine = masking && personId === opts.maskFor;
    return { ...r, personName: masking && !mine ? maskName(r.personName) : r.personName, mine, photoIds: photos.get(r.id) ?? [] };
  });
}
