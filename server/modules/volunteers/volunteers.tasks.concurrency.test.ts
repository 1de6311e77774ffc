import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { startSecondApp } from '../../test/second-app.ts';
import { write } from './volunteers.db.ts';

/**
 * 任务抢单 across two app processes on one database: this test's own app (process A) and a real `server/main.ts`
 * (process B). Fifty approved volunteers grab one task at once, 25 through each process: exactly one answer is 200,
 * the other 49 are 409 TASK_ALREADY_TAKEN with a message, and the audit log holds one grab. The winner finishes with
 * a photo; two confirmations race, one through each process: one is credited, the other refused; the ledger holds
 * exactly one credit of the task's points and minutes.
 */
let env: TestEnv;
let w: World;
let second: Awaited<ReturnType<typeof startSecondApp>> | undefined;
let base: string;
const VOLUNTEERS = 50;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 2)]);
const phoneOf = (i: number) => `1370000${String(i).padStart(4, '0')}`;

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  const hash = await hashPassword(PASSWORD);
  const persons: { id: string; name: string }[] = [];
  for (let i = 0; i < VOLUNTEERS; i++) persons.push({ id: await w.person(w.places.A, `志愿者${i}`), name: `志愿者${i}` });
  await kwrite(w.ctx, async (tx) => {
    for (const [i, p] of persons.entries()) await createAccount(tx, env.kernel.pii, { phone: phoneOf(i), displayName: p.name, password: PASSWORD, passwordHash: hash, personId: p.id });
  });
  await write(w.ctx, (tx) =>
    tx
      .insertInto('vol_volunteers')
      .values(persons.map((p) => ({ street_id: w.places.S, id: newId(), person_id: p.id, person_name: p.name, place_id: w.places.A, status: 'approved' as const })))
      .execute(),
  );
  second = await startSecondApp(env);
  base = second.base;
});
after(async () => {
  second?.stop();
  await env?.close();
});

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; status?: string; balance?: number };
}
/** A session on one process: A answers through inject, B over HTTP. */
interface Session {
  on: 'A' | 'B';
  post(url: string, body?: unknown): Promise<Answer>;
  upload(url: string, fields: Record<string, string>, file: Buffer): Promise<Answer>;
}

async function signInOn(on: 'A' | 'B', login: string): Promise<Session> {
  if (on === 'A') {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const headers = { cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`, 'x-csrf-token': res.json().csrfToken };
    return {
      on,
      post: async (url, body = {}) => {
        const r = await env.app.inject({ method: 'POST', url, headers, payload: body as object });
        return { status: r.statusCode, body: r.json() };
      },
      upload: async (url, fields, file) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('photos', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'done.png');
        const req = new Request('http://a/', { method: 'POST', body: form });
        const r = await env.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': req.headers.get('content-type')! }, payload: Buffer.from(await req.arrayBuffer()) });
        return { status: r.statusCode, body: r.json() };
      },
    };
  }
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = /gz_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const headers = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
  return {
    on,
    post: async (url, body = {}) => {
      const r = await fetch(`${base}${url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: (await r.json()) as Answer['body'] };
    },
    upload: async (url, fields, file) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('photos', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'done.png');
      const r = await fetch(`${base}${url}`, { method: 'POST', headers, body: form });
      return { status: r.status, body: (await r.json()) as Answer['body'] };
    },
  };
}

test('50 concurrent grabs of one task from two processes: one winner, 49 clear refusals; confirmed and credited once', { timeout: 120_000 }, async () => {
  const staffA = await signInOn('A', 'committee_staff');
  const staffB = await signInOn('B', 'committee_staff');
  // Process B runs on the real clock, A on the test's: a deadline well ahead of both.
  const posted = await env.app.inject({
    method: 'POST',
    url: '/api/volunteers/tasks',
    headers: await (async () => {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'community_secretary', password: PASSWORD } });
      return { cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`, 'x-csrf-token': res.json().csrfToken };
    })(),
    payload: { placeId: w.places.A, title: '为独居老人代取药品', target: '1栋1单元102 王奶奶', points: 20, minutes: 30, deadline: '2099-01-01T18:00:00+08:00' },
  });
  assert.equal(posted.statusCode, 201, posted.body);
  const taskId = posted.json().id as string;
  assert.equal(posted.json().notified, VOLUNTEERS, 'every approved volunteer of the compound is told');

  const volunteers: Session[] = [];
  for (let i = 0; i < VOLUNTEERS; i++) volunteers.push(await signInOn(i % 2 === 0 ? 'A' : 'B', phoneOf(i)));
  const grabs = await Promise.all(volunteers.map(async (s) => ({ on: s.on, s, answer: await s.post(`/api/me/volunteers/tasks/${taskId}/grab`) })));

  const winners = grabs.filter((g) => g.answer.status === 200);
  const losers = grabs.filter((g) => g.answer.status !== 200);
  assert.equal(winners.length, 1, `one winner: ${JSON.stringify(grabs.map((g) => g.answer.status))}`);
  assert.equal(losers.length, 49);
  for (const l of losers) {
    assert.equal(l.answer.status, 409);
    assert.equal(l.answer.body.error!.code, 'TASK_ALREADY_TAKEN');
    assert.match(l.answer.body.error!.message, /已被其他志愿者抢走/);
  }
  assert.deepEqual(new Set(losers.map((l) => l.on)), new Set(['A', 'B']), 'refusals came from both processes');
  const audits = await env.kernel.db.selectFrom('audit_log').select('actor_id').where('subject_id', '=', taskId).where('action', '=', 'volunteers.tasks.grabbed').execute();
  assert.equal(audits.length, 1, 'one audit entry of the grab');
  const row = await env.kernel.db.selectFrom('vol_tasks' as never).selectAll().where('id' as never, '=', taskId as never).executeTakeFirstOrThrow() as { status: string; grabbed_person_id: string };
  assert.equal(row.status, 'grabbed');
  const events = await env.kernel.db.selectFrom('vol_task_events' as never).select('kind' as never).where('task_id' as never, '=', taskId as never).execute();
  assert.equal(events.length, 2, 'posted and one grab on the timeline');

  const winner = winners[0]!.s;
  const done = await winner.upload(`/api/me/volunteers/tasks/${taskId}/done`, { note: '药已送到王奶奶家中' }, PNG);
  assert.equal(done.status, 200, JSON.stringify(done.body));

  // Two confirmations at once, one through each process: one credits, the other is refused.
  const confirms = await Promise.all([staffA.post(`/api/volunteers/tasks/${taskId}/confirm`), staffB.post(`/api/volunteers/tasks/${taskId}/confirm`)]);
  assert.deepEqual(confirms.map((c) => c.status).sort(), [200, 409], JSON.stringify(confirms));
  assert.equal(confirms.find((c) => c.status === 409)!.body.error!.code, 'TASK_STATE');
  assert.equal(confirms.find((c) => c.status === 200)!.body.balance, 20);
  const again = await staffB.post(`/api/volunteers/tasks/${taskId}/confirm`);
  assert.equal(again.status, 409);
  const ledger = (await env.kernel.db.selectFrom('vol_points_ledger' as never).selectAll().where('source_id' as never, '=', taskId as never).execute()) as { person_id: string; delta: number; minutes: number }[];
  assert.equal(ledger.length, 1, 'exactly one credit');
  assert.deepEqual({ person: ledger[0]!.person_id, delta: ledger[0]!.delta, minutes: ledger[0]!.minutes }, { person: row.grabbed_person_id, delta: 20, minutes: 30 });
});
