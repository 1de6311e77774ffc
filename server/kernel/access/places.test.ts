import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useTestEnv } from '../../test/harness.ts';
import { deletePlace, findPlace, insertPlace, placeAncestors, renamePlace, streetOf } from './places.ts';

/**
 * The place tree across its two tables (docs/adr/0003-street-keys.md): cities and districts in `regions`,
 * a street and everything below it in `street_places`, read as one tree through the view `places`.
 */
const { env } = useTestEnv();

test('a region, a street under it and a place in the street: stored in their tables, read as one tree', async () => {
  const db = env.kernel.db;
  const city = await insertPlace(db, { parent: null, kind: 'city', name: '树市' });
  const district = await insertPlace(db, { parent: city, kind: 'district', name: '树区' });
  const street = await insertPlace(db, { parent: district, kind: 'street', name: '树街道' });
  const community = await insertPlace(db, { parent: street, kind: 'community', name: '树社区' });

  // Where each row went.
  assert.deepEqual((await db.selectFrom('regions').select('name').where('id', 'in', [city.id, district.id]).orderBy('depth').execute()).map((r) => r.name), ['树市', '树区']);
  const stored = await db.selectFrom('street_places').select(['id', 'street_id', 'parent_id', 'region_id']).where('id', 'in', [street.id, community.id]).orderBy('depth').execute();
  assert.deepEqual(stored, [
    { id: street.id, street_id: street.id, parent_id: null, region_id: district.id },
    { id: community.id, street_id: street.id, parent_id: street.id, region_id: null },
  ]);

  // How the tree reads: a street's parent is its region; a region has no street.
  assert.equal((await findPlace(db, street.id))!.parent_id, district.id);
  assert.equal((await findPlace(db, district.id))!.street_id, null);
  assert.equal(streetOf((await findPlace(db, community.id))!), street.id);
  assert.throws(() => streetOf(district), /above street level/);
  assert.deepEqual((await placeAncestors(db, community)).map((p) => p.name), ['树市', '树区', '树街道', '树社区']);

  // Renamed and deleted in whichever table holds them.
  await renamePlace(db, district, '新树区', env.kernel.clock.now());
  await renamePlace(db, community, '新树社区', env.kernel.clock.now());
  assert.deepEqual([(await findPlace(db, district.id))!.name, (await findPlace(db, community.id))!.name], ['新树区', '新树社区']);
  for (const p of [community, street, district, city]) await deletePlace(db, p);
  for (const p of [community, street, district, city]) assert.equal(await findPlace(db, p.id), undefined);
});

test('two streets of one district may not share a name (checked across shards by the kernel, not by an index)', async () => {
  const db = env.kernel.db;
  const district = await insertPlace(db, { parent: null, kind: 'district', name: '同名区' });
  await insertPlace(db, { parent: district, kind: 'street', name: '同名街道' });
  await assert.rejects(insertPlace(db, { parent: district, kind: 'street', name: '同名街道' }), (e: { code?: string }) => e.code === 'CONFLICT');
  await insertPlace(db, { parent: null, kind: 'district', name: '别区' }).then((other) => insertPlace(db, { parent: other, kind: 'street', name: '同名街道' }));
});

test('the view takes no writes: the database refuses them as well as the types', async () => {
  await assert.rejects(sql`update places set name = 'x'`.execute(env.kernel.db), /cannot update view/);
});
