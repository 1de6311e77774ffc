import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { findPlace } from '../../../kernel/access/index.ts';
import { allows, roomFilter } from '../registry.policy.ts';
import { listPositions, personHouseholds, presentPerson } from '../registry.repository.ts';
import { loadPersonFor } from './load-person.ts';
import { read } from '../registry.db.ts';
import { tagHistoryOf } from './tag-spans.ts';

/** A person (masked) with their rooms and positions. */
export async function getPerson(ctx: Ctx, id: string) {
  const db = read(ctx);
  const person = await loadPersonFor(db, ctx, id);
  const place = await findPlace(db, person.place_id);
  const [households, positions, tagHistory] = await Promise.all([
    personHouseholds(db, id, roomFilter(ctx.actor, 'places.id', 'places.path')),
    listPositions(db, { page: 1, pageSize: 100, personId: id }, sql`true`),
    tagHistoryOf(db, person.street_id, id),
  ]);
  return {
    ...presentPerson(person),
    placeName: place?.name ?? null,
    households,
    positions: positions.items,
    tagHistory,
    canRevealPii: !!place && allows(ctx.actor, 'revealPii', place.path),
    canWrite: !!place && allows(ctx.actor, 'writePersons', place.path),
  };
}
