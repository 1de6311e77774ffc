import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../kernel/ids.ts';
import { useWorld } from '../../test/fixture.ts';
import { write } from './deliberation.db.ts';
import { verdictsFor } from './use-cases/verdicts-for.ts';

/** The assessment's verdict input: residents' stage-6 ratings per compound over a window, against ratings laid by hand. */
const { env, w, afterSetUp } = useWorld();
const FROM = new Date('2026-10-01T00:00:00+08:00');
const TO = new Date('2027-01-01T00:00:00+08:00');

afterSetUp(async () => {
  let n = 0;
  await write(w.ctx, async (tx) => {
    const item = async (placeId: string, ratings: [string, number][]) => {
      const id = newId();
      await tx
        .insertInto('dlb_items')
        .values({ street_id: w.places.S, id, place_id: placeId, code: `YT-2026-${++n}`, title: '议题', source_kind: 'official', stage: 'closed', updated_at: FROM })
        .execute();
      let room = 0;
      for (const [at, score] of ratings) {
        const rooms = Object.values(w.rooms);
        await tx.insertInto('dlb_ratings').values({ street_id: w.places.S, item_id: id, round: 1, room_id: rooms[room++]!, account_id: w.accounts.resident, score, at: new Date(at) }).execute();
      }
    };
    // At the compound itself: two ratings inside the window, one the second before it.
    await item(w.places.A, [['2026-10-01T00:00:00+08:00', 5], ['2026-12-31T23:59:59+08:00', 2], ['2026-09-30T23:59:59+08:00', 1]]);
    // At a building inside the compound: counts for the compound.
    await item(w.places.A1.building, [['2026-11-11T10:00:00+08:00', 4]]);
    // At the community: belongs to no one compound.
    await item(w.places.C1, [['2026-11-11T10:00:00+08:00', 3]]);
    // The first instant after the window.
    await item(w.places.B, [['2027-01-01T00:00:00+08:00', 5]]);
  });
});

test('ratings given in [from, to) on items at a compound or inside it — community items left out — by hand', async () => {
  assert.deepEqual(await verdictsFor(env.kernel.db, { streetId: w.places.S, from: FROM, to: TO }), [{ compoundId: w.places.A, items: 2, ratings: 3, scoreSum: 11 }]);
  assert.deepEqual(await verdictsFor(env.kernel.db, { streetId: w.places.S2, from: FROM, to: TO }), []);
});
