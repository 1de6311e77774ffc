import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld } from '../../test/fixture.ts';
import { read } from './registry.db.ts';
import { compoundsUnder } from './use-cases/compounds-under.ts';

/** The assessments' view of a street's compounds: community, management, company and the room count weighting a company's colour. */
const { env, w } = useWorld();

test('every compound of the street with its community, company and rooms; another street left out', async () => {
  const rows = await compoundsUnder(env.kernel.db, w.places.S);
  assert.deepEqual(
    rows.map((r) => ({ id: r.compoundId, name: r.name, community: r.communityId, mode: r.managementMode, company: r.companyId, companyName: r.companyName, rooms: r.rooms })),
    [
      // 阳光花园 sits under a grid of 一社区: its community is found above the grid. Rooms A101–A103 and A201.
      { id: w.places.A, name: '阳光花园', community: w.places.C1, mode: 'professional', company: w.organisations.pc1, companyName: '安和物业', rooms: 4 },
      { id: w.places.B, name: '明月小区', community: w.places.C2, mode: 'self_managed', company: null, companyName: null, rooms: 2 },
    ],
  );
});

test('narrowed to a place: only the compounds under it', async () => {
  const c1 = await read(env.kernel).selectFrom('places').select('path').where('id', '=', w.places.C1).executeTakeFirstOrThrow();
  assert.deepEqual((await compoundsUnder(env.kernel.db, w.places.S, c1.path)).map((r) => r.compoundId), [w.places.A]);
  assert.deepEqual((await compoundsUnder(env.kernel.db, w.places.S2)).map((r) => r.compoundId), [w.places.Z]);
});
