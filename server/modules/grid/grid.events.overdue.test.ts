import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './grid.db.ts';
import { escalateOverdueEvents } from './use-cases/events-overdue.ts';

/**
 * The overdue job on a fixed clock (its own file: the clock moves days ahead). Due = dispatch + 24 h (urgent) or
 * 72 h (normal). At the final run F: E1 (normal, dispatched at T0, due T0+72h = F − 1 ms) is just past due; E2
 * (urgent, dispatched at T0+48h+1ms, due exactly F) is not yet; E3 (normal, dispatched at T0, resolved before its
 * due) is done; E4 (urgent, dispatched at T0, escalated by an earlier run) was escalated already. Only E1 goes.
 */
const { env } = useWorld();
const E = '/api/grid/events';
const HOUR = 3_600_000;

test('the overdue job escalates exactly the overdue events, once each', async () => {
  // Sessions expire while the clock jumps days ahead: each stretch signs in again.
  let gw!: Client, cs!: Client, street!: Client;
  const signInAll = async () => {
    gw = await signIn(env.app, 'grid_worker', PASSWORD);
    cs = await signIn(env.app, 'committee_staff', PASSWORD);
    street = await signIn(env.app, 'street_official', PASSWORD);
  };
  await signInAll();
  const report = async (description: string, urgency: 'normal' | 'urgent') => {
    const places = await gw.request('GET', `${E}/places`);
    assert.equal(places.status, 200, JSON.stringify(places.body));
    const r = await gw.request('POST', E, { placeId: places.body[0].id, category: 'sanitation', description, urgency });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const post = async (s: Client, path: string, body: object = {}) => {
    const r = await s.request('POST', path, body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const t0 = env.clock.now().getTime();
  const e1 = await report('E1 just past due', 'normal');
  const e3 = await report('E3 resolved in time', 'normal');
  const e4 = await report('E4 escalated before', 'urgent');
  for (const id of [e1, e3, e4]) await post(cs, `${E}/${id}/dispatch`, { body: 'committee' });
  await post(cs, `${E}/${e3}/accept`);
  await post(cs, `${E}/${e3}/resolve`, { note: '已处理' });

  env.clock.advance(24 * HOUR);
  assert.deepEqual(await escalateOverdueEvents(env.kernel), { escalated: 0 }, 'E4 exactly at its due time: not yet');
  env.clock.advance(1);
  assert.deepEqual(await escalateOverdueEvents(env.kernel), { escalated: 1 }, 'E4 one millisecond past due');
  env.clock.advance(24 * HOUR);
  assert.equal(env.clock.now().getTime(), t0 + 48 * HOUR + 1);
  await signInAll();
  const e2 = await report('E2 exactly at due', 'urgent');
  await post(cs, `${E}/${e2}/dispatch`, { body: 'committee' });
  env.clock.advance(24 * HOUR);
  const f = env.clock.now();
  assert.equal(f.getTime(), t0 + 72 * HOUR + 1);

  await signInAll();
  const listed = await street.request('GET', `${E}?overdue=true&sort=createdAt&order=asc`);
  assert.deepEqual(listed.body.items.map((e: { id: string }) => e.id), [e1, e4], 'open past due: E1 and E4 (E2 at its due instant is not)');
  assert.deepEqual(await escalateOverdueEvents(env.kernel), { escalated: 1 });
  const rows = await read(env.kernel).selectFrom('grid_events').select(['id', 'overdue_escalated_at', 'level']).where('id', 'in', [e1, e2, e3, e4]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.equal(byId.get(e1)!.overdue_escalated_at?.getTime(), f.getTime(), 'E1 now');
  assert.equal(byId.get(e1)!.level, 'street');
  assert.equal(byId.get(e2)!.overdue_escalated_at, null, 'E2 not yet');
  assert.equal(byId.get(e3)!.overdue_escalated_at, null, 'E3 resolved before due');
  assert.equal(byId.get(e4)!.overdue_escalated_at?.getTime(), t0 + 24 * HOUR + 1, 'E4 kept its first escalation');
  assert.deepEqual(await escalateOverdueEvents(env.kernel), { escalated: 0 }, 'a second run escalates nobody again');

  const steps = await read(env.kernel).selectFrom('grid_event_steps').select(['event_id']).where('kind', '=', 'escalated_overdue').execute();
  assert.deepEqual(steps.map((s) => s.event_id).sort(), [e1, e4].sort(), 'one step each');
  const audits = await env.kernel.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'grid.events.escalated_overdue').execute();
  assert.deepEqual(audits.map((a) => a.subject_id).sort(), [e1, e4].sort());
  const inbox = await env.kernel.db
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
    .select(['m.account_id', 'b.subject_id'])
    .where('b.template', '=', 'grid.events.overdue')
    .execute();
  assert.ok(inbox.some((m) => m.subject_id === e1 && m.account_id === street.accountId), 'street officials told');
  // Escalated: the community no longer dispatches it; the street does.
  const got = await cs.request('GET', `${E}/${e1}`);
  assert.ok(!got.body.actions.includes('reassign'));
  assert.ok((await street.request('GET', `${E}/${e1}`)).body.actions.includes('reassign'));
});
