import { holdsAny, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../party.db.ts';
import { allows } from '../party.policy.ts';
import { StationsErrors } from '../party.stations.errors.ts';
import type { StationHours } from '../party.tables.ts';

export interface StationRow {
  id: string;
  streetId: string;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
  communityId: string | null;
  name: string;
  address: string;
  hours: StationHours[];
  services: string[];
  phone: string;
  status: 'open' | 'closed';
  updatedAt: Date;
}

/** A station's row with its compound, whoever asks (the caller checks). */
export function stationRows(db: Executor) {
  return db
    .selectFrom('pty_stations as s')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .select([
      's.id',
      's.street_id as streetId',
      's.compound_id as compoundId',
      'c.name as compoundName',
      'c.path as compoundPath',
      's.community_id as communityId',
      's.name',
      's.address',
      's.hours',
      's.services',
      's.phone',
      's.status',
      's.updated_at as updatedAt',
    ]);
}

/**
 * A station the actor may read (or manage): not found when it does not exist or the actor cannot read it; 403 when
 * readable but not the actor's to manage.
 */
export async function stationFor(db: Executor, ctx: Ctx, id: string, permission: 'stationsRead' | 'stationsManage', forUpdate = false): Promise<StationRow> {
  const row = (await stationRows(db)
    .where('s.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('s'))
    .executeTakeFirst()) as StationRow | undefined;
  if (!row || !allows(ctx.actor, 'stationsRead', row.compoundPath)) throw StationsErrors.STATION_NOT_FOUND();
  if (permission === 'stationsManage' && !allows(ctx.actor, 'stationsManage', row.compoundPath)) throw CommonErrors.FORBIDDEN();
  return row;
}

/** Whether the actor holds a permission's role anywhere (a list's first check; rows are then filtered by place). */
export const holdsAnywhere = (ctx: Ctx, permission: keyof typeof PARTY_ROLES): boolean => holdsAny(ctx.actor, PARTY_ROLES[permission]);

/** Whether a place is within the actor's grants (above or below one): a place the actor may name in a request. */
export const seesPlace = (ctx: Ctx, path: string): boolean => isSystem(ctx.actor) || ctx.actor.grants.some((g) => path.startsWith(g.placePath) || g.placePath.startsWith(path));
