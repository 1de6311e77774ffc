import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createPlace } from './use-cases/create-place.ts';

/** Slips a new user trips on, where the registry's answers cause them (Platform 4, part 4). */
const { env, w, afterSetUp } = useWorld();
let admin: Session;

afterSetUp(async () => {
  admin = await signIn(env.app, 'platform_admin', PASSWORD);
});

test('a place offers to add beneath it only the kinds that belong there now', async () => {
  const kinds = async (id: string) => {
    const res = await admin.request('GET', `/api/places/${id}`);
    assert.equal(res.status, 200);
    return res.body.addableKinds;
  };
  // 一社区's children are grids: its compounds go under a grid, so it is not offered 新增小区.
  assert.deepEqual(await kinds(w.places.C1), ['grid']);
  assert.deepEqual(await kinds(w.places.G1), ['compound']);
  assert.deepEqual(await kinds(w.places.A1.unit), ['room']);
  // A community with its compound directly beneath, and an empty one (both kinds, the form asks which).
  const community = (await createPlace(w.ctx, { parentId: w.places.S, kind: 'community', name: '新社区' })).id;
  assert.deepEqual(await kinds(community), ['grid', 'compound']);
  await createPlace(w.ctx, { parentId: community, kind: 'compound', name: '新小区', compound: { managementMode: 'self_managed', propertyCompanyId: null } });
  assert.deepEqual(await kinds(community), ['compound']);
  assert.deepEqual(await kinds(w.rooms.A101), []);
});
