import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { httpSms } from '../../kernel/notify/channels/sms.ts';
import { waitForTask } from '../../kernel/tasks/tasks.ts';
import { signIn, startTestEnv, type Session, type TestEnv } from '../../test/harness.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { nextPhone, signUpResident } from './test-support.ts';
import { read } from './activation.db.ts';

/**
 * The access matrix of activation: each role on a record inside its place and one outside it →
 * allowed, 403 (visible but not the role's to change) or 404 (not visible; filtered out of lists).
 * The role lists are written out again on purpose: a policy change has to be made twice.
 */
// Every staff role there is: a role added later joins the matrix without anyone remembering to.
const STAFF = STAFF_ROLES;
const REVIEW: StaffRole[] = ['community_secretary', 'committee_staff'];
const READ_RATES: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader'];
const PRINT_SLIPS: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader'];
const SMS_SANDBOX: StaffRole[] = ['platform_admin'];

let env: TestEnv;
let w: World;
const sessions = new Map<string, Session>();
const as = (role: string) => sessions.get(role)!;
let insideClaim: string;
let outsideClaim: string;
/** One pending claim per reviewer for approving, one for rejecting. */
const toApprove = new Map<string, string>();
const toReject = new Map<string, string>();
const tasks: { role: StaffRole; taskId: string }[] = [];

async function pendingClaim(roomId: string): Promise<string> {
  const r = await signUpResident(env, nextPhone());
  const res = await r.request('POST', '/api/activation/claims', { roomId, name: '无此人', idLast4: '1234' });
  assert.equal(res.status, 202);
  return res.body.claimId;
}

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  insideClaim = await pendingClaim(w.rooms.A101);
  outsideClaim = await pendingClaim(w.rooms.Z101);
  for (const role of REVIEW) {
    toApprove.set(role, await pendingClaim(w.rooms.A101));
    toReject.set(role, await pendingClaim(w.rooms.A102));
  }
  for (const role of STAFF) sessions.set(role, await signIn(env.app, role, PASSWORD));
  sessions.set('resident', await signIn(env.app, '13800000001', PASSWORD));
});
after(async () => {
  // Let the PDF tasks finish before the database closes.
  for (const t of tasks) {
    const grants = await loadGrants(read(env.kernel), w.accounts[t.role]);
    await waitForTask(env.kernel, { accountId: w.accounts[t.role], name: t.role, personId: null, grants, requestId: null, locale: 'zh-CN' }, t.taskId);
  }
  await env.close();
});

/** Ancestors-or-self of each target in the fixture's tree. */
const covers = (role: StaffRole, target: 'A' | 'A1') => {
  const lineage = { A: [w.places.S, w.places.C1, w.places.G1, w.places.A], A1: [w.places.S, w.places.C1, w.places.G1, w.places.A, w.places.A1.building] };
  return lineage[target].includes(w.grantsAt[role]);
};

describe('the review queue', () => {
  test('GET /api/activation/claims/:id — reviewers of the room’s community; everyone else 404', async () => {
    for (const role of STAFF) {
      const inside = await as(role).request('GET', `/api/activation/claims/${insideClaim}`);
      assert.equal(inside.status, REVIEW.includes(role) && covers(role, 'A') ? 200 : 404, `${role} inside`);
      if (inside.status === 404) assert.equal(inside.body.error.code, 'CLAIM_NOT_FOUND');
      assert.equal((await as(role).request('GET', `/api/activation/claims/${outsideClaim}`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('GET', `/api/activation/claims/${insideClaim}`)).status, 404);
  });

  test('GET /api/activation/claims — filtered to the reviewer’s scope', async () => {
    for (const role of [...STAFF, 'resident'] as const) {
      const res = await as(role).request('GET', '/api/activation/claims?status=pending&pageSize=200');
      assert.equal(res.status, 200, role);
      const ids = res.body.items.map((c: { id: string }) => c.id);
      assert.equal(ids.includes(insideClaim), REVIEW.includes(role as StaffRole), `${role} sees the inside claim`);
      assert.equal(ids.includes(outsideClaim), false, `${role} never sees the outside claim`);
    }
  });

  test('POST /api/activation/claims/:id/approve and /reject — reviewers inside; 404 for the rest', async () => {
    for (const role of STAFF) {
      const mayReview = REVIEW.includes(role) && covers(role, 'A');
      const approveTarget = mayReview ? toApprove.get(role)! : insideClaim;
      const rejectTarget = mayReview ? toReject.get(role)! : insideClaim;
      const a = await as(role).request('POST', `/api/activation/claims/${approveTarget}/approve`, { personId: w.persons.alice });
      // Approving links the claimant to 王丽 (who holds an account already: the link moves).
      assert.equal(a.status, mayReview ? 200 : 404, `${role} approve inside → ${JSON.stringify(a.body)}`);
      const r = await as(role).request('POST', `/api/activation/claims/${rejectTarget}/reject`, { reason: '核实不符' });
      assert.equal(r.status, mayReview ? 200 : 404, `${role} reject inside → ${JSON.stringify(r.body)}`);
      assert.equal((await as(role).request('POST', `/api/activation/claims/${outsideClaim}/approve`, { personId: w.persons.zed })).status, 404, `${role} approve outside`);
      assert.equal((await as(role).request('POST', `/api/activation/claims/${outsideClaim}/reject`, { reason: 'x' })).status, 404, `${role} reject outside`);
    }
    const still = await read(env.kernel).selectFrom('act_claims').select('status').where('id', 'in', [insideClaim, outsideClaim]).execute();
    assert.deepEqual(still.map((s) => s.status), ['pending', 'pending'], 'denied decisions changed nothing');
  });

  test('nobody reviews their own claim', async () => {
    const own = await as('committee_staff').request('POST', '/api/activation/claims', { roomId: w.rooms.A103, name: '某委员', idLast4: '1234' });
    assert.equal(own.status, 202);
    const self = await as('committee_staff').request('POST', `/api/activation/claims/${own.body.claimId}/reject`, { reason: '自己审自己' });
    assert.equal(self.status, 403);
    const detail = await as('committee_staff').request('GET', `/api/activation/claims/${own.body.claimId}`);
    assert.equal(detail.body.canDecide, false);
    assert.equal((await as('community_secretary').request('POST', `/api/activation/claims/${own.body.claimId}/reject`, { reason: '请到居委会登记' })).status, 200);
  });
});

describe('activation rates', () => {
  test('GET /api/activation/rates?placeId — those who watch the place’s figures; 404 otherwise', async () => {
    for (const role of STAFF) {
      const inside = await as(role).request('GET', `/api/activation/rates?placeId=${w.places.A1.building}`);
      assert.equal(inside.status, READ_RATES.includes(role) && covers(role, 'A1') ? 200 : 404, `${role} inside`);
      assert.equal((await as(role).request('GET', `/api/activation/rates?placeId=${w.places.Z1.building}`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('GET', `/api/activation/rates?placeId=${w.places.A1.building}`)).status, 404);
  });

  test('GET /api/activation/rates — the top rows are the actor’s own grants', async () => {
    for (const role of STAFF) {
      const res = await as(role).request('GET', '/api/activation/rates');
      assert.equal(res.status, 200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      assert.deepEqual(ids, READ_RATES.includes(role) ? [w.grantsAt[role]] : [], role);
    }
    assert.deepEqual((await as('resident').request('GET', '/api/activation/rates')).body.items, []);
  });
});

describe('activation slips', () => {
  test('GET /api/activation/buildings/:id/slips — anyone who sees the building; says who may print', async () => {
    for (const role of STAFF) {
      const inside = await as(role).request('GET', `/api/activation/buildings/${w.places.A1.building}/slips`);
      assert.equal(inside.status, covers(role, 'A1') ? 200 : 404, `${role} inside`);
      if (inside.status === 200) assert.equal(inside.body.canPrint, PRINT_SLIPS.includes(role), `${role} canPrint`);
      assert.equal((await as(role).request('GET', `/api/activation/buildings/${w.places.Z1.building}/slips`)).status, 404, `${role} outside`);
    }
  });

  test('POST /api/activation/buildings/:id/slips — printers 202, other staff 403, outside 404', async () => {
    for (const role of STAFF) {
      const inside = await as(role).request('POST', `/api/activation/buildings/${w.places.A1.building}/slips`);
      const want = PRINT_SLIPS.includes(role) && covers(role, 'A1') ? 202 : covers(role, 'A1') ? 403 : 404;
      assert.equal(inside.status, want, `${role} inside → ${JSON.stringify(inside.body)}`);
      if (inside.status === 202) tasks.push({ role, taskId: inside.body.taskId });
      assert.equal((await as(role).request('POST', `/api/activation/buildings/${w.places.Z1.building}/slips`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('POST', `/api/activation/buildings/${w.places.A1.building}/slips`)).status, 404);
  });

  test('POST /api/activation/rooms/:id/code — printers reissue, other staff 403, outside 404; GET shows the code to printers only', async () => {
    for (const role of STAFF) {
      const seen = await as(role).request('GET', `/api/activation/rooms/${w.rooms.A101}/code`);
      assert.equal(seen.status, covers(role, 'A1') ? 200 : 404, `${role} sees the room`);
      if (seen.status === 200) assert.equal(seen.body.canReissue, PRINT_SLIPS.includes(role), `${role} canReissue`);
      if (seen.status === 200 && !seen.body.canReissue) assert.equal(seen.body.code, null, `${role} is not shown the code`);
      const inside = await as(role).request('POST', `/api/activation/rooms/${w.rooms.A101}/code`);
      const want = PRINT_SLIPS.includes(role) && covers(role, 'A1') ? 200 : covers(role, 'A1') ? 403 : 404;
      assert.equal(inside.status, want, `${role} inside → ${JSON.stringify(inside.body)}`);
      assert.equal((await as(role).request('POST', `/api/activation/rooms/${w.rooms.Z101}/code`)).status, 404, `${role} outside`);
    }
    assert.equal((await as('resident').request('POST', `/api/activation/rooms/${w.rooms.A101}/code`)).status, 404);
  });

  test('GET /api/activation/slips/:taskId — the starter and other printers of the place; 404 for the rest', async () => {
    const { taskId } = tasks.find((t) => t.role === 'street_official')!;
    const grants = await loadGrants(read(env.kernel), w.accounts.street_official);
    const done = await waitForTask(env.kernel, { accountId: w.accounts.street_official, name: 's', personId: null, grants, requestId: null, locale: 'zh-CN' }, taskId);
    assert.equal(done.status, 'done', JSON.stringify(done.error));
    for (const role of STAFF) {
      const res = await env.app.inject({ method: 'GET', url: `/api/activation/slips/${taskId}`, headers: { cookie: await cookieOf(role) } });
      const want = role === 'street_official' || (PRINT_SLIPS.includes(role) && covers(role, 'A1')) ? 200 : 404;
      assert.equal(res.statusCode, want, `${role} → ${res.statusCode}`);
      if (want === 200) {
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      }
    }
  });
});

describe('the sandbox inboxes (SMS, WeChat)', () => {
  const INBOXES = ['/api/sms/sandbox', '/api/notify/sandbox/wechat'];

  test('platform admins only, while the sandbox is the channel', async () => {
    for (const url of INBOXES) {
      for (const role of STAFF) assert.equal((await as(role).request('GET', url)).status, SMS_SANDBOX.includes(role) ? 200 : 403, `${role} ${url}`);
      assert.equal((await as('resident').request('GET', url)).status, 403, `resident ${url}`);
    }
  });

  test('with a real channel configured there is no inbox, for anyone (404)', async () => {
    const { sms, wechat } = env.kernel;
    env.kernel.sms = httpSms({ provider: 'http', url: 'http://127.0.0.1:9/none', token: null, timeoutMs: 500 });
    env.kernel.wechat = { ...wechat, sandbox: undefined };
    try {
      for (const role of [...STAFF, 'resident' as const]) {
        const smsInbox = await as(role).request('GET', '/api/sms/sandbox');
        assert.equal(smsInbox.status, 404, `${role} SMS`);
        assert.equal(smsInbox.body.error.code, 'SMS_SANDBOX_OFF');
        const wechatInbox = await as(role).request('GET', '/api/notify/sandbox/wechat');
        assert.equal(wechatInbox.status, 404, `${role} WeChat`);
        assert.equal(wechatInbox.body.error.code, 'NOTIFY_WECHAT_SANDBOX_OFF');
      }
    } finally {
      env.kernel.sms = sms;
      env.kernel.wechat = wechat;
    }
    assert.equal((await as('platform_admin').request('GET', '/api/notify/sandbox/wechat')).status, 200, 'back on');
  });
});

describe('signed out', () => {
  test('everything but sign-up needs a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/activation/me'],
      ['GET', '/api/activation/places'],
      ['POST', '/api/activation/claims'],
      ['GET', '/api/activation/claims'],
      ['GET', '/api/activation/rates'],
      ['POST', `/api/activation/buildings/${w.places.A1.building}/slips`],
    ] as const) {
      const res = await env.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });
});

/** A raw cookie header for a role (for the binary PDF answer). */
async function cookieOf(role: StaffRole): Promise<string> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: role, password: PASSWORD } });
  return `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
}
