import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld } from '../../test/fixture.ts';
import { read } from './registry.db.ts';
import { organisationsOfKind } from './use-cases/organisations-of-kind.ts';

/** The 红色业委会 view of the owners' committees: by street, narrowed to a place, or by id; other kinds left out. */
const { env, w } = useWorld();

test("a street's owners' committees with their compound; another street's and other kinds left out", async () => {
  const rows = await organisationsOfKind(env.kernel.db, 'owners_committee', { streetId: w.places.S });
  assert.deepEqual(
    rows.map((r) => ({ id: r.id, name: r.name, placeId: r.placeId, placeName: r.placeName, streetId: r.streetId })),
    [{ id: w.organisations.ownersCommitteeA, name: '阳光花园业委会', placeId: w.places.A, placeName: '阳光花园', streetId: w.places.S }],
  );
});

test('narrowed to a place, or by ids', async () => {
  const c2 = await read(env.kernel).selectFrom('places').select('path').where('id', '=', w.places.C2).executeTakeFirstOrThrow();
  assert.deepEqual(await organisationsOfKind(env.kernel.db, 'owners_committee', { streetId: w.places.S, placePath: c2.path }), []);
  const byId = await organisationsOfKind(env.kernel.db, 'owners_committee', { ids: [w.organisations.ownersCommitteeZ, w.organisations.pc1] });
  assert.deepEqual(byId.map((r) => r.id), [w.organisations.ownersCommitteeZ]);
  assert.deepEqual(await organisationsOfKind(env.kernel.db, 'owners_committee', { ids: [] }), []);
});
