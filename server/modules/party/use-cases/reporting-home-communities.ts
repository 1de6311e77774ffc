import { sql } from 'kysely';
import { currentRoomsOf } from '../../registry/index.ts';
import type { Executor } from '../party.db.ts';
import type { MemberRow } from './member-of-person.ts';

/**
 * The communities where a member lives: the community above each of the person's current homes (the registry's
 * households), else above the place the member record names. Several homes in several communities: several.
 */
export async function homeCommunities(db: Executor, member: Pick<MemberRow, 'personId' | 'placeId' | 'streetId'>): Promise<{ id: string; name: string; path: string }[]> {
  const rooms = (await currentRoomsOf(db, member.personId)).filter((r) => r.streetId === member.streetId);
  let paths = rooms.map((r) => r.compoundPath);
  if (paths.length === 0) {
    const place = await db.selectFrom('street_places').select('path').where('street_id', '=', member.streetId).where('id', '=', member.placeId).executeTakeFirst();
    paths = place ? [place.path] : [];
  }
  if (paths.length === 0) return [];
  return db
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.path'])
    .where('c.street_id', '=', member.streetId)
    .where('c.kind', '=', 'community')
    .where(sql<boolean>`exists (select 1 from unnest(${paths}::text[]) as h(p) where h.p like c.path || '%')`)
    .orderBy('c.name')
    .execute();
}
