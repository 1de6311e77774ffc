import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { signInClient as signIn } from '../../test/client.ts';
import { countRows } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read, write } from './volunteers.db.ts';
import { creditService, debitPoints, pointsOf } from './use-cases/points-ledger.ts';

/**
 * The foundation's points ledger (use-cases/points-ledger.ts): a credit then a debit to exactly zero is accepted, one
 * point more is refused with POINTS_INSUFFICIENT and nothing written; a second credit for the same source is refused;
 * concurrent debits and concurrent redemptions that together exceed the balance never take it below zero, and the
 * debits that succeeded sum to at most the balance.
 */
const { env, w } = useWorld();
const TABLES = ['vol_point_accounts', 'vol_points_ledger'];
const entry = (personId: string) => ({ streetId: w.places.S, personId, placeId: w.places.A });
const credit = (personId: string, points: number, sourceId = newId(), minutes = 60) =>
  write(w.ctx, (tx) => creditService(tx, w.ctx, { ...entry(personId), minutes, points, source: { kind: 'task', id: sourceId } }));
const debit = (personId: string, points: number) => write(w.ctx, (tx) => debitPoints(tx, w.ctx, { ...entry(personId), points, source: { kind: 'redemption', id: newId() } }));
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('the points ledger', () => {
  test('credit then debit to exactly zero; one point more refused with nothing written', async () => {
    const person = w.persons.tom;
    assert.equal(await credit(person, 100), 100);
    assert.equal(await debit(person, 100), 0, 'down to exactly zero');
    const before = await countRows(env.kernel, TABLES);
    assert.equal(await codeOf(debit(person, 1)), 'POINTS_INSUFFICIENT');
    assert.deepEqual(await countRows(env.kernel, TABLES), before, 'nothing written');
    assert.deepEqual(await pointsOf(read(env.kernel), w.places.S, person), { balance: 0, earned: 100, minutes: 60 });
    const lines = await read(env.kernel).selectFrom('vol_points_ledger').select(['delta', 'balance_after']).where('person_id', '=', person).orderBy('created_at').orderBy('id').execute();
    assert.deepEqual(lines.map((l) => [l.delta, l.balance_after]), [[100, 100], [-100, 0]]);
    // A person who never earned anything has no account: refused the same way.
    assert.equal(await codeOf(debit(w.persons.zed, 1)), 'POINTS_INSUFFICIENT');
  });

  test('a second credit for the same source is refused and changes nothing', async () => {
    const person = w.persons.bob;
    const source = newId();
    assert.equal(await credit(person, 30, source), 30);
    const before = await countRows(env.kernel, TABLES);
    assert.equal(await codeOf(credit(person, 30, source)), 'ALREADY_CREDITED');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
    assert.deepEqual(await pointsOf(read(env.kernel), w.places.S, person), { balance: 30, earned: 30, minutes: 60 });
    // The same source pays another person once too.
    assert.equal(await credit(w.persons.tom, 30, source), 30);
  });

  test('20 concurrent debits of 7 on a balance of 50: 7 succeed, the balance 1, never negative', async () => {
    const person = w.persons.alice;
    await credit(person, 50);
    const results = await Promise.all(Array.from({ length: 20 }, () => codeOf(debit(person, 7))));
    const ok = results.filter((r) => r === 'ok').length;
    assert.equal(ok, 7);
    assert.ok(results.every((r) => r === 'ok' || r === 'POINTS_INSUFFICIENT'), results.join());
    const { balance } = await pointsOf(read(env.kernel), w.places.S, person);
    assert.equal(balance, 1);
    const debits = await read(env.kernel)
      .selectFrom('vol_points_ledger')
      .select(sql<number>`coalesce(-sum(delta), 0)::int`.as('spent'))
      .where('person_id', '=', person)
      .where('delta', '<', 0)
      .executeTakeFirstOrThrow();
    assert.equal(debits.spent, 49);
    const negative = await read(env.kernel).selectFrom('vol_points_ledger').select('id').where('balance_after', '<', 0).execute();
    assert.equal(negative.length, 0);
  });

  test('20 concurrent redemptions over HTTP that together exceed the balance: the successful debits sum to at most the balance', async () => {
    // 孙宁 lives in A: an account, an approved registration, 100 points; a reward of 30 points with a stock of 50.
    const sun = (await sql<{ id: string }>`select id from reg_persons where name = '孙宁'`.execute(env.kernel.db)).rows[0]!.id;
    await kwrite(w.ctx, async (tx) => {
      await createAccount(tx, env.kernel.pii, { phone: '13800000081', displayName: '孙宁', password: PASSWORD, passwordHash: await hashPassword(PASSWORD), personId: sun });
    });
    const client = await signIn(env.app, '13800000081', PASSWORD);
    const joined = await client.request('POST', '/api/me/volunteers/registration', { compoundId: w.places.A, skills: [], availability: '', consent: true });
    assert.equal(joined.status, 201, JSON.stringify(joined.body));
    const staffer = await signIn(env.app, 'committee_staff', PASSWORD);
    assert.equal((await staffer.request('POST', `/api/volunteers/registry/${joined.body.id}/approve`)).status, 200);
    const reward = (await staffer.request('POST', '/api/volunteers/rewards', { placeId: w.places.C1, name: '社区食堂代金券', points: 30, stock: 50 })).body.id;
    await credit(sun, 100);
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.request('POST', `/api/me/volunteers/rewards/${reward}/redeem`)));
    const ok = answers.filter((a) => a.status === 201).length;
    assert.equal(ok, 3, answers.map((a) => a.status).join());
    assert.ok(answers.filter((a) => a.status !== 201).every((a) => a.body.error.code === 'POINTS_INSUFFICIENT'));
    assert.deepEqual(await pointsOf(read(env.kernel), w.places.S, sun), { balance: 10, earned: 100, minutes: 60 });
    assert.equal((await read(env.kernel).selectFrom('vol_rewards').select('stock').where('id', '=', reward).executeTakeFirstOrThrow()).stock, 47, 'the stock taken only for the successful ones');
    assert.equal((await read(env.kernel).selectFrom('vol_redemptions').select('id').where('person_id', '=', sun).execute()).length, 3);
    const spent = await read(env.kernel).selectFrom('vol_points_ledger').select(sql<number>`-sum(delta)::int`.as('n')).where('person_id', '=', sun).where('delta', '<', 0).executeTakeFirstOrThrow();
    assert.ok(spent.n <= 100);
    assert.equal(spent.n, 90);
  });
});
