import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { createAccount, grantRole } from '../auth/accounts.ts';
import { type Ctx, write } from '../context.ts';
import { anotherLiveProcess, signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import { hashPassword } from '../auth/passwords.ts';
import { shanghaiMinuteOfDay } from './quiet-hours.ts';
import type { SmsSender } from './channels/sms.ts';
import { deliverDue, MAX_ATTEMPTS, settleAbandoned } from './deliver.ts';
import { cancelQueued, notify, type NotifyInput, registerNotifications } from './notify.ts';
import { SendingsSort } from './sendings.ts';
import { createWechatClient } from './channels/wechat.ts';
import { restoreSandboxConsents } from './notify.seed.ts';
import { expectSorts } from '../../test/sorting.ts';

/**
 * The notification service on the real database: the outbox is the caller's transaction, the delivery
 * job sends through the SMS and WeChat sandboxes, which keep what they received.
 */
const { env, w, setUp } = useKernelWorld();

registerNotifications('test', {
  templates: [
    {
      key: 'test.hello',
      label: { zh: '测试', en: 'Test' },
      title: { zh: '你好 {name}', en: 'Hello {name}' },
      body: { zh: '正文 {n}', en: 'Body {n}' },
      sms: { zh: '短信 {name}', en: 'Text {name}' },
      wechat: { thing1: '{name}' },
      link: '/h5/x/{n}',
    },
    { key: 'test.bye', label: { zh: '再见', en: 'Bye' }, title: { zh: '再见 {name}', en: 'Bye {name}' }, body: { zh: '', en: '' } },
  ],
});

const system = (): Ctx => ({ kernel: env.kernel, actor: SYSTEM_ACTOR });

/** Two people with phones at the compound: the test's recipients. */
const people = setUp('two people with phones', async () => {
  const ctx = system();
  const passwordHash = await hashPassword(PASSWORD);
  return write(ctx, async (tx) => ({
    li: await createAccount(tx, env.kernel.pii, { phone: '13900000011', displayName: '李雷', password: PASSWORD, passwordHash }),
    han: await createAccount(tx, env.kernel.pii, { phone: '13900000012', displayName: '韩梅', password: PASSWORD, passwordHash }),
  }));
});

const send = (input: Partial<NotifyInput> & Pick<NotifyInput, 'to'>) =>
  write(system(), (tx) => notify(tx, system(), { template: 'test.hello', placeId: w.places.A, data: { name: '李雷', n: 1 }, ...input }));

const smsTo = (phone: string) => env.kernel.sms.outbox!.list({ phone, limit: 500 });
const messages = (batchId: string) =>
  env.kernel.db.selectFrom('notify_messages').select(['id', 'account_id', 'channel', 'status', 'attempts', 'error', 'next_attempt_at']).where('batch_id', '=', batchId).orderBy('channel').execute();
const statusOf = async (batchId: string, channel: string) => (await messages(batchId)).filter((m) => m.channel === channel).map((m) => m.status).sort();

/** Every queued message is due now, whatever earlier tests left: each test starts from a clean queue. */
const drain = async () => {
  await env.kernel.db.updateTable('notify_messages').set({ status: 'skipped', error: 'test_reset' }).where('status', 'in', ['queued', 'sending']).execute();
};

describe('the outbox', () => {
  test('a notification written in a rolled-back transaction is never sent', async () => {
    await drain();
    const before = smsTo('13900000011').length;
    await assert.rejects(
      write(system(), async (tx) => {
        await notify(tx, system(), { template: 'test.hello', placeId: w.places.A, to: { accounts: [people.li] }, channels: ['inbox', 'sms'] });
        throw new Error('the caller changes its mind');
      }),
      /changes its mind/,
    );
    assert.equal((await env.kernel.db.selectFrom('notify_messages').select('id').where('account_id', '=', people.li).execute()).length, 0);
    await deliverDue(env.kernel);
    assert.equal(smsTo('13900000011').length, before);
  });

  test('the inbox has it at commit; the text goes once, however often the job runs', async () => {
    await drain();
    const { batchId, recipients } = await send({ to: { accounts: [people.li, people.li, people.han] }, channels: ['inbox', 'sms'] });
    assert.equal(recipients, 2, 'duplicates are one recipient');
    assert.deepEqual(await statusOf(batchId, 'inbox'), ['sent', 'sent']);
    assert.deepEqual(await statusOf(batchId, 'sms'), ['queued', 'queued']);
    const before = smsTo('13900000011').length;
    assert.equal((await deliverDue(env.kernel)).sent, 2);
    assert.equal((await deliverDue(env.kernel)).sent, 0);
    const got = smsTo('13900000011');
    assert.equal(got.length, before + 1);
    assert.equal(got[0]!.text, '【共治】短信 李雷');
    assert.deepEqual(await statusOf(batchId, 'sms'), ['sent', 'sent']);
  });

  test('a sent message is not sent twice after a crash; one the gateway took but the process never recorded goes once', async () => {
    await drain();
    const { batchId } = await send({ to: { accounts: [people.li, people.han] }, channels: ['sms'] });
    await deliverDue(env.kernel);
    const [li, han] = await Promise.all([smsTo('13900000011'), smsTo('13900000012')]);
    // The crash: a process sent both (the gateway has them), recorded Li's, and died before recording Han's.
    const hanMessage = (await messages(batchId)).find((m) => m.account_id === people.han)!;
    await env.kernel.db.updateTable('notify_messages').set({ status: 'sending', owner_instance: 424242 }).where('id', '=', hanMessage.id).execute();
    // A live process's claim is left alone …
    const live = await anotherLiveProcess(env.kernel);
    await env.kernel.db.updateTable('notify_messages').set({ owner_instance: live.instance }).where('id', '=', hanMessage.id).execute();
    assert.equal(await settleAbandoned(env.kernel), 0);
    await live.end();
    // … and once its process is gone, the restart settles it: back in the queue, sent with the same key.
    for (let i = 0; i < 50 && (await settleAbandoned(env.kernel)) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await statusOf(batchId, 'sms'), ['queued', 'sent']);
    await deliverDue(env.kernel);
    assert.deepEqual(await statusOf(batchId, 'sms'), ['sent', 'sent']);
    assert.equal(smsTo('13900000011').length, li.length, "Li's message is not sent again");
    assert.equal(smsTo('13900000012').length, han.length, "Han's is re-sent under the same key and the gateway keeps it once");
  });

  test('a WeChat message a dead process may have sent is marked uncertain, not sent again', async () => {
    await drain();
    const { batchId } = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    await env.kernel.db.updateTable('notify_messages').set({ status: 'sending', owner_instance: 434343 }).where('batch_id', '=', batchId).execute();
    await settleAbandoned(env.kernel);
    const [m] = await messages(batchId);
    assert.deepEqual([m!.status, m!.error], ['uncertain', 'interrupted']);
  });

  test('a failing gateway is retried with growing waits, then given up', async () => {
    await drain();
    const saved = env.kernel.sms;
    let calls = 0;
    const failing: SmsSender = {
      provider: 'http',
      async send() {
        calls++;
        throw Object.assign(new Error('down'), { code: 'SMS_SEND_FAILED' });
      },
    };
    (env.kernel as { sms: SmsSender }).sms = failing;
    try {
      const { batchId } = await send({ to: { accounts: [people.li] }, channels: ['sms'] });
      const waits: number[] = [];
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await deliverDue(env.kernel);
        const [m] = await messages(batchId);
        assert.equal(m!.attempts, i);
        if (i < MAX_ATTEMPTS) {
          assert.deepEqual([m!.status, m!.error], ['queued', 'SMS_SEND_FAILED']);
          waits.push(m!.next_attempt_at.getTime() - env.clock.now().getTime());
          assert.equal((await deliverDue(env.kernel)).failed + calls, calls, 'not retried before its time');
          env.clock.advance(waits.at(-1)!);
        } else assert.deepEqual([m!.status, m!.error], ['failed', 'SMS_SEND_FAILED']);
      }
      assert.deepEqual(waits, [30_000, 60_000, 120_000, 240_000, 480_000]);
      assert.equal(calls, MAX_ATTEMPTS);
    } finally {
      (env.kernel as { sms: SmsSender }).sms = saved;
    }
  });
});

describe("a person's choices", () => {
  const setQuiet = (accountId: string, start: number | null, end: number | null, muted: string[] = []) =>
    env.kernel.db
      .insertInto('notify_settings')
      .values({ account_id: accountId, quiet_start: start, quiet_end: end, muted_channels: muted as never, updated_at: new Date() })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ quiet_start: start, quiet_end: end, muted_channels: muted as never }))
      .execute();

  test('quiet hours hold non-urgent messages until they end; urgent ones come through', async () => {
    await drain();
    // Quiet from an hour ago until ten minutes from now (minutes of the day in Shanghai, possibly across midnight).
    const now = env.clock.now();
    const m = shanghaiMinuteOfDay(now);
    const end = (m + 10) % 1440;
    await setQuiet(people.li, (m + 1380) % 1440, end);
    const calm = await send({ to: { accounts: [people.li] }, channels: ['inbox', 'sms'] });
    const urgent = await send({ to: { accounts: [people.li] }, channels: ['sms'], urgent: true });
    const before = smsTo('13900000011').length;
    const run = await deliverDue(env.kernel);
    assert.deepEqual([run.sent, run.held], [1, 1]);
    assert.deepEqual(await statusOf(urgent.batchId, 'sms'), ['sent']);
    assert.deepEqual(await statusOf(calm.batchId, 'inbox'), ['sent'], 'the inbox keeps everything');
    const [held] = (await messages(calm.batchId)).filter((x) => x.channel === 'sms');
    assert.deepEqual([held!.status, held!.attempts], ['queued', 0], 'holding is not a try');
    const endsAt = Math.floor(now.getTime() / 60_000) * 60_000 + 10 * 60_000;
    assert.equal(held!.next_attempt_at.getTime(), endsAt, 'the first instant of the end minute');
    env.clock.advance(endsAt - 1000 - now.getTime());
    assert.equal((await deliverDue(env.kernel)).sent, 0, 'a second before the end');
    env.clock.advance(1000);
    assert.equal((await deliverDue(env.kernel)).sent, 1, 'at the end');
    assert.equal(smsTo('13900000011').length, before + 2);
    await setQuiet(people.li, null, null);
  });

  test('a muted channel is skipped, except for urgent messages', async () => {
    await drain();
    await setQuiet(people.han, null, null, ['sms']);
    const calm = await send({ to: { accounts: [people.han] }, channels: ['sms'] });
    const urgent = await send({ to: { accounts: [people.han] }, channels: ['sms'], urgent: true });
    await deliverDue(env.kernel);
    assert.deepEqual((await messages(calm.batchId)).map((m) => [m.status, m.error]), [['skipped', 'muted']]);
    assert.deepEqual(await statusOf(urgent.batchId, 'sms'), ['sent']);
    await setQuiet(people.han, null, null, []);
  });
});

describe('WeChat', () => {

  test('without a bound WeChat or the person\'s consent nothing is sent; each consent lets one message through', async () => {
    await drain();
    const li = await signIn(env.app, '13900000011', PASSWORD);
    const sandbox = env.kernel.wechat.sandbox!;
    const unbound = await send({ to: { accounts: [people.han] }, channels: ['wechat'] });
    await deliverDue(env.kernel);
    assert.deepEqual((await messages(unbound.batchId)).map((m) => m.error), ['no_openid']);

    assert.equal((await li.request('POST', '/api/notify/wechat/allow', { templates: ['test.hello'] })).body.error.code, 'NOTIFY_WECHAT_NOT_BOUND');
    const bound = await li.request('POST', '/api/notify/wechat/bind');
    assert.equal(bound.body.wechat.bound, true);
    const openid = sandbox.openidFor(people.li);
    const noConsent = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    await deliverDue(env.kernel);
    assert.deepEqual((await messages(noConsent.batchId)).map((m) => m.error), ['no_consent']);
    assert.equal(sandbox.received({ openid }).length, 0);

    const allowed = await li.request('POST', '/api/notify/wechat/allow', { templates: ['test.hello'] });
    assert.equal(allowed.body.wechatTemplates.find((t: { key: string }) => t.key === 'test.hello').allowed, 1);
    const first = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    const second = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    await deliverDue(env.kernel);
    assert.deepEqual(await statusOf(first.batchId, 'wechat'), ['sent']);
    assert.deepEqual((await messages(second.batchId)).map((m) => [m.status, m.error]), [['skipped', 'no_consent']], 'the one consent is spent');
    const got = sandbox.received({ openid });
    assert.equal(got.length, 1);
    assert.deepEqual([got[0]!.templateId, got[0]!.fields, got[0]!.page], ['test.hello', { thing1: '李雷' }, '/h5/x/1']);
  });

  test("WeChat refuses what the person did not allow even when our record says otherwise (43101), and the record is corrected", async () => {
    await drain();
    await env.kernel.db
      .insertInto('notify_wechat_consents')
      .values({ account_id: people.li, template: 'test.hello', remaining: 3, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['account_id', 'template']).doUpdateSet({ remaining: 3 }))
      .execute();
    const { batchId } = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    await deliverDue(env.kernel);
    assert.deepEqual((await messages(batchId)).map((m) => [m.status, m.error]), [['skipped', 'no_consent']]);
    const row = await env.kernel.db.selectFrom('notify_wechat_consents').select('remaining').where('account_id', '=', people.li).where('template', '=', 'test.hello').executeTakeFirstOrThrow();
    assert.equal(row.remaining, 0);
  });

  test('after a restart the sandbox is told again what people allowed and have not used, as WeChat would remember', async () => {
    await drain();
    const li = await signIn(env.app, '13900000011', PASSWORD);
    await li.request('POST', '/api/notify/wechat/allow', { templates: ['test.hello'] });
    const saved = env.kernel.wechat;
    // The restart: a new process, a new sandbox that knows nothing yet.
    (env.kernel as { wechat: typeof saved }).wechat = createWechatClient(undefined, env.clock);
    try {
      await restoreSandboxConsents(env.kernel);
      const { batchId } = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
      await deliverDue(env.kernel);
      assert.deepEqual(await statusOf(batchId, 'wechat'), ['sent']);
      assert.equal(env.kernel.wechat.sandbox!.received({ openid: env.kernel.wechat.sandbox!.openidFor(people.li) }).length, 1);
    } finally {
      (env.kernel as { wechat: typeof saved }).wechat = saved;
    }
  });

  test('an expired access token is refreshed and the message still goes', async () => {
    await drain();
    const sandbox = env.kernel.wechat.sandbox!;
    const li = await signIn(env.app, '13900000011', PASSWORD);
    for (let i = 0; i < 2; i++) await li.request('POST', '/api/notify/wechat/allow', { templates: ['test.hello'] });
    await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    await deliverDue(env.kernel);
    const issued = sandbox.stats.tokensIssued;
    const refusedExpired = sandbox.stats.refused['42001'] ?? 0;
    sandbox.expireTokens();
    const { batchId } = await send({ to: { accounts: [people.li] }, channels: ['wechat'] });
    // The client still holds the token it believes good: WeChat answers 42001, the client fetches another.
    await deliverDue(env.kernel);
    assert.deepEqual(await statusOf(batchId, 'wechat'), ['sent']);
    assert.equal(sandbox.stats.refused['42001'], refusedExpired + 1);
    assert.equal(sandbox.stats.tokensIssued, issued + 1);
  });
});

describe('recipients', () => {
  test('role holders are those whose grant covers the place; persons are their accounts', async () => {
    await drain();
    const byRole = await send({ to: { roles: ['committee_staff', 'street_official'] }, placeId: w.places.A1 });
    const reached = new Set((await messages(byRole.batchId)).map((m) => m.account_id));
    assert.deepEqual(reached, new Set([w.accounts.committee_staff, w.accounts.street_official, w.accounts.street_official2]));
    // A grant below the place does not cover it.
    const outsider = await write(system(), async (tx) => {
      const id = await createAccount(tx, env.kernel.pii, { username: 'staff-a1', displayName: 'x', password: 'x', passwordHash: 'x' });
      await grantRole(tx, id, 'committee_staff', w.places.A1);
      return id;
    });
    const atCompound = await send({ to: { roles: ['committee_staff'] }, placeId: w.places.A });
    assert.ok(!(await messages(atCompound.batchId)).some((m) => m.account_id === outsider));
    const personId = (await env.kernel.db.selectFrom('accounts').select('person_id').where('id', '=', w.accounts.resident).executeTakeFirstOrThrow()).person_id!;
    const byPerson = await send({ to: { persons: [personId] } });
    assert.deepEqual((await messages(byPerson.batchId)).filter((m) => m.channel === 'inbox').map((m) => m.account_id), [w.accounts.resident]);
  });

  test('disabled accounts are left out', async () => {
    await env.kernel.db.updateTable('accounts').set({ disabled: true }).where('id', '=', people.han).execute();
    const { recipients } = await send({ to: { accounts: [people.li, people.han] } });
    assert.equal(recipients, 1);
    await env.kernel.db.updateTable('accounts').set({ disabled: false }).where('id', '=', people.han).execute();
  });
});

describe('the inbox', () => {
  // Signed in by each test: earlier tests move the clock past a session's idle timeout.
  const resident = () => signIn(env.app, '13800000001', PASSWORD);

  test('each person reads only their own, newest first, rendered in their language; reading counts down', async () => {
    const [me, official] = [await resident(), await signIn(env.app, 'street_official', PASSWORD)];
    env.clock.advance(1000);
    await send({ to: { accounts: [w.accounts.resident] }, data: { name: '甲', n: 1 } });
    env.clock.advance(1000);
    await send({ to: { accounts: [w.accounts.resident] }, data: { name: '乙', n: 2 } });
    const page = (await me.request('GET', '/api/notify/inbox?pageSize=2')).body;
    assert.deepEqual(page.items.map((i: { title: string }) => i.title), ['你好 乙', '你好 甲']);
    assert.equal(page.items[0].link, '/h5/x/2');
    const unread = page.unread;
    assert.ok(unread >= 2);
    assert.equal((await official.request('POST', `/api/notify/inbox/${page.items[0].id}/read`)).status, 404, "another's message");
    assert.equal((await me.request('POST', `/api/notify/inbox/${page.items[0].id}/read`)).body.unread, unread - 1);
    assert.equal((await me.request('GET', '/api/notify/unread')).body.unread, unread - 1);
    assert.equal((await me.request('GET', '/api/notify/inbox?unread=true')).body.total, unread - 1);
    assert.equal((await me.request('POST', '/api/notify/inbox/read-all')).body.unread, 0);
    assert.equal((await env.app.inject({ method: 'GET', url: '/api/notify/inbox' })).statusCode, 401);
  });

  test('settings: quiet hours need both ends, channels are sms and wechat only; a change is audited', async () => {
    const me = await resident();
    assert.equal((await me.request('PATCH', '/api/notify/settings', { mutedChannels: [], quietStart: 60, quietEnd: null })).body.error.code, 'NOTIFY_QUIET_HOURS_HALF');
    assert.equal((await me.request('PATCH', '/api/notify/settings', { mutedChannels: ['inbox'], quietStart: null, quietEnd: null })).status, 400);
    assert.equal((await me.request('PATCH', '/api/notify/settings', { mutedChannels: [], quietStart: 1440, quietEnd: 0 })).status, 400);
    const ok = await me.request('PATCH', '/api/notify/settings', { mutedChannels: ['sms'], quietStart: 1320, quietEnd: 420 });
    assert.deepEqual([ok.body.mutedChannels, ok.body.quietStart, ok.body.quietEnd], [['sms'], 1320, 420]);
    const entry = await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', w.accounts.resident).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(entry.action, 'notify.settings.changed');
    assert.equal((await me.request('POST', '/api/notify/wechat/allow', { templates: ['nope.nothing'] })).body.error.code, 'NOTIFY_TEMPLATE_UNKNOWN');
  });
});

describe('what was sent, and to whom it went', () => {
  test('the sendings list shows a place\'s sendings to those who answer for it there, and to the sender', async () => {
    const { batchId } = await send({ to: { accounts: [people.li] }, placeId: w.places.A });
    const expected: Record<string, boolean> = {
      platform_admin: true,
      street_official: true,
      property_committee_member: true,
      community_secretary: true,
      committee_staff: true,
      property_manager: true,
      grid_worker: false,
      building_leader: false,
      owners_committee_member: false,
      property_staff: false,
      department_reviewer: false,
      assessor: false,
      workplace_party_contact: false,
    };
    for (const [role, sees] of Object.entries(expected)) {
      const s = await signIn(env.app, role, PASSWORD);
      const list = (await s.request('GET', '/api/notify/sendings?pageSize=100')).body;
      assert.equal(list.items.some((i: { id: string }) => i.id === batchId), sees, role);
      assert.equal((await s.request('GET', `/api/notify/sendings/${batchId}`)).status, sees ? 200 : 404, role);
    }
    const official = await signIn(env.app, 'street_official', PASSWORD);
    const one = (await official.request('GET', `/api/notify/sendings/${batchId}`)).body;
    assert.equal(one.recipients, 1);
    assert.ok(one.counts.inbox.sent >= 1);
    assert.ok(!JSON.stringify(one).includes('13900000011'), 'no phone numbers');
  });

  test('the sendings list sorts by every declared column, both ways', async () => {
    const a = await send({ to: { accounts: [people.li, people.han] }, data: { name: 'sortkey', n: 1 } });
    env.clock.advance(1000);
    const b = await send({ template: 'test.bye', to: { accounts: [people.li] }, data: { name: 'sortkey', n: 2 } });
    env.clock.advance(1000);
    const c = await send({ to: { accounts: [people.li, people.han, w.accounts.resident] }, data: { name: 'sortkey', n: 3 } });
    const official = await signIn(env.app, 'street_official', PASSWORD);
    await expectSorts(env.kernel, official, '/api/notify/sendings?q=sortkey', SendingsSort, {
      createdAt: [a.batchId, b.batchId, c.batchId],
      // test.bye before test.hello; the two test.hello sendings by id, in the order they were made.
      template: [b.batchId, a.batchId, c.batchId],
      recipients: [b.batchId, a.batchId, c.batchId],
    });
  });

  test('a sending in the other street is not seen from this one', async () => {
    const { batchId } = await send({ to: { accounts: [people.li] }, placeId: w.places.S2 });
    const official = await signIn(env.app, 'street_official', PASSWORD);
    assert.equal((await official.request('GET', `/api/notify/sendings/${batchId}`)).status, 404);
  });
});

test('SQL-made message ids are UUIDv7 in time order', async () => {
  const { rows } = await sql<{ id: string }>`select gz_uuid_v7(${new Date('2026-12-02T00:00:00Z')}) as id union all select gz_uuid_v7(${new Date('2026-12-02T00:00:01Z')})`.execute(env.kernel.db);
  assert.match(rows[0]!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(rows[0]!.id < rows[1]!.id);
  assert.equal(parseInt(rows[0]!.id.replace(/-/g, '').slice(0, 12), 16), Date.parse('2026-12-02T00:00:00Z'));
});

describe('withdrawing queued messages', () => {
  test('cancelQueued skips the queued copies of the given batches only; the inbox copy and other batches stay', async () => {
    await drain();
    const first = await send({ to: { accounts: [people.li, people.han] }, channels: ['inbox', 'sms'] });
    const other = await send({ to: { accounts: [people.li] }, channels: ['inbox', 'sms'] });
    const streetId = (await env.kernel.db.selectFrom('notify_batches').select('street_id').where('id', '=', first.batchId).executeTakeFirstOrThrow()).street_id;
    assert.equal(await write(system(), (tx) => cancelQueued(tx, { streetId, batchIds: [first.batchId] })), 2);
    assert.deepEqual(await statusOf(first.batchId, 'sms'), ['skipped', 'skipped']);
    assert.deepEqual(await statusOf(first.batchId, 'inbox'), ['sent', 'sent']);
    assert.deepEqual(await statusOf(other.batchId, 'sms'), ['queued']);
    assert.equal(await write(system(), (tx) => cancelQueued(tx, { streetId, batchIds: [first.batchId] })), 0, 'twice withdraws nothing more');
    const before = smsTo('13900000012').length;
    await deliverDue(env.kernel);
    assert.equal(smsTo('13900000012').length, before, 'a cancelled text is never sent');
  });
});
