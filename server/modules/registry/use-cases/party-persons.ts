import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/** A registry person as the party module picks and files a member: where they are registered, masked phone. */
export interface PartyPerson {
  id: string;
  name: string;
  streetId: string;
  /** The place the person is registered at (a resident's compound, a staff member's street …) and its path. */
  placeId: string;
  placePath: string;
  phoneMasked: string | null;
  partyMember: boolean;
}

/**
 * For the party module: persons of a street by name (a member picker, at most `limit`), by id, or those tagged
 * party_member (the demo's member records); a street or ids are given. No access check: the calling use case decides who may see them.
 */
export async function partyPersons(
  caller: AnyExecutor,
  where: { streetId?: string; q?: string; ids?: readonly string[]; taggedPartyMember?: boolean; limit?: number },
): Promise<PartyPerson[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  if ((where.ids && where.ids.length === 0) || (!where.ids && !where.streetId)) return [];
  const like = where.q ? `%${where.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  return db
    .selectFrom('reg_persons as p')
    .innerJoin('street_places as pl', (j) => j.onRef('pl.street_id', '=', 'p.street_id').onRef('pl.id', '=', 'p.place_id'))
    .select([
      'p.id',
      'p.name',
      'p.street_id as streetId',
      'p.place_id as placeId',
      'pl.path as placePath',
      'p.phone_masked as phoneMasked',
      sql<boolean>`'party_member' = any(p.tags)`.as('partyMember'),
    ])
    .$if(!!where.streetId, (q) => q.where('p.street_id', '=', where.streetId!))
    .$if(!!where.ids, (q) => q.where('p.id', 'in', [...where.ids!]))
    .$if(!!like, (q) => q.where('p.name', 'ilike', like!))
    .$if(!!where.taggedPartyMember, (q) => q.where(sql<boolean>`'party_member' = any(p.tags)`))
    .orderBy('pl.path')
    .orderBy('p.name')
    .orderBy('p.id')
    .$if(!!where.limit, (q) => q.limit(where.limit!))
    .execute();
}
