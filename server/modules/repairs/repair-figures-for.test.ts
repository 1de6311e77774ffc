import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../kernel/ids.ts';
import { useWorld } from '../../test/fixture.ts';
import { write } from './repairs.db.ts';
import { repairFiguresFor } from './use-cases/repair-figures-for.ts';

/** The assessment's repair input: counts per compound and company over a window, checked against orders laid by hand. */
const { env, w, afterSetUp } = useWorld();
const FROM = new Date('2026-10-01T00:00:00+08:00');
const TO = new Date('2027-01-01T00:00:00+08:00');
const H = 3_600_000;

afterSetUp(async () => {
  let n = 0;
  // [reported, accepted after (h), finished?, overdue?, rated at, rating, status]
  const orders: [string, number | null, boolean, boolean, string | null, number | null, string][] = [
    ['2026-10-01T00:00:00+08:00', 1, true, false, '2026-10-05T00:00:00+08:00', 5, 'closed'], // first instant of the window; on time
    ['2026-11-10T09:00:00+08:00', 30, true, true, '2026-11-20T00:00:00+08:00', 2, 'closed'], // answered late, overdue
    ['2026-12-31T23:59:59+08:00', null, false, false, null, null, 'submitted'], // last second in; not answered
    ['2026-09-30T23:59:59+08:00', 1, true, false, '2026-10-02T00:00:00+08:00', 4, 'closed'], // reported before, RATED inside
    ['2027-01-01T00:00:00+08:00', 1, false, false, null, null, 'accepted'], // first instant after: out
    ['2026-11-01T00:00:00+08:00', null, false, false, null, null, 'cancelled'], // withdrawn: never counted
  ];
  await write(w.ctx, async (tx) => {
    for (const [reported, acceptedAfter, finished, overdue, ratedAt, rating, status] of orders) {
      const at = new Date(reported);
      await tx
        .insertInto('rep_orders')
        .values({
          street_id: w.places.S, id: newId(), no: `T${++n}`, place_id: w.rooms.A101, compound_id: w.places.A, community_id: w.places.C1, company_id: w.organisations.pc1,
          category: 'water', description: '漏水', channel: 'app', status: status as 'closed', reported_by: w.accounts.resident, reporter_name: '王丽',
          reported_at: at, respond_by: new Date(at.getTime() + 24 * H), complete_by: new Date(at.getTime() + 72 * H),
          accepted_at: acceptedAfter === null ? null : new Date(at.getTime() + acceptedAfter * H), finished_at: finished ? new Date(at.getTime() + 48 * H) : null,
          overdue, rated_at: ratedAt ? new Date(ratedAt) : null, rating, updated_at: at,
        })
        .execute();
    }
  });
});

test('reported, answered on time, finished, overdue and rated in [from, to), cancelled left out — by hand', async () => {
  assert.deepEqual(await repairFiguresFor(env.kernel.db, { streetId: w.places.S, from: FROM, to: TO }), [
    { compoundId: w.places.A, companyId: w.organisations.pc1, reported: 3, respondedOnTime: 1, finished: 2, overdue: 1, rated: 3, ratingSum: 11 },
  ]);
  // Another street, and a place that holds none of them, answer nothing.
  assert.deepEqual(await repairFiguresFor(env.kernel.db, { streetId: w.places.S2, from: FROM, to: TO }), []);
  assert.deepEqual(await repairFiguresFor(env.kernel.db, { streetId: w.places.S, placePath: '/nowhere/', from: FROM, to: TO }), []);
});
