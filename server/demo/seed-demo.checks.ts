import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { appDb, MODULES } from '../app.ts';
import { verifyAuditChain } from '../kernel/audit/audit.ts';
import { DEMO_PASSWORD } from '../kernel/demo-seed.ts';
import { signIn } from '../test/harness.ts';
import type { DemoStreetFixture } from './demo-street.fixture.ts';
import { isRegistryEmpty, printDemoLogins } from './seed-demo.ts';
import { deliverDue } from '../kernel/notify/deliver.ts';
import { PRIVACY_VERSION } from '../kernel/privacy/privacy.ts';
import { DEMO_EARLIER_CONSENT } from '../kernel/privacy/privacy.seed.ts';

/**
 * The whole demo, every module's part seeded through its manifest in the module list's order: the
 * street (server/modules/registry/registry.seed.test.ts), repair orders (repairs.seed.test.ts), and
 * here what the other modules add on it, the logins as printed, and the audit chain over all of it. Run by
 * demo-street.test.ts on the street it seeds once (the fixture checks the registry was empty before).
 */
export function seedDemoChecks(street: DemoStreetFixture) {
describe('demo seed', () => {
  const one = async <T>(query: ReturnType<typeof sql<T>>): Promise<T> => (await query.execute(appDb(street.env.kernel))).rows[0]!;

  test('seeds the registry first, then each module that has a part', async (t) => {
    // How long it takes is a figure, measured by bench/cold-start.ts on a quiet machine (a first start seeds the
    // demo), not asserted here, where it depends on what else the machine runs: printed for the curious.
    t.diagnostic(`seeded in ${Math.round(street.seedMs)} ms`);
    assert.equal(await isRegistryEmpty(street.env.kernel), false);
    const seeded = MODULES.filter((m) => m.demo).map((m) => m.name);
    assert.equal(seeded[0], 'registry');
    assert.deepEqual([...seeded].sort(), ['activation', 'dashboards', 'decisions', 'deliberation', 'devices', 'fees', 'grid', 'notices', 'opinions', 'party', 'registry', 'repairs', 'supervision', 'surveys', 'volunteers']);
    const actions = await appDb(street.env.kernel).selectFrom('audit_log').select('action').orderBy('seq').execute();
    assert.equal(actions[0]!.action, 'demo.seeded', 'the street comes first');
  });

  test('the demo compound has notices to read and opinions to answer, written through the modules', async () => {
    const owner = await signIn(street.env.app, '13800000001', DEMO_PASSWORD);
    const unread = await owner.request('GET', '/api/me/notices/unread-count');
    assert.equal(unread.body.count, 4, 'street, community and compound notices all reach the resident');
    const posts = await one<{ n: number; answered: number; private: number }>(
      // The opinions module's own posts: the fees module's open books add an owner's question about a line (its seed test counts it).
      sql`select count(*)::int as n, count(answered_at)::int as answered, count(*) filter (where visibility = 'private')::int as private from op_opinions where subject_module is null`,
    );
    assert.deepEqual(posts, { n: 4, answered: 1, private: 1 });
    const staff = await signIn(street.env.app, 'wuye', DEMO_PASSWORD);
    const inbox = await staff.request('GET', '/api/opinions?pageSize=20');
    assert.equal(inbox.status, 200);
    assert.ok(inbox.body.items.some((o: { title: string }) => o.title === '楼上装修中午施工'), 'the property company sees the private complaint addressed to it');
    const audited = await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action in ('notices.notice.published', 'opinions.opinion.posted')`);
    assert.ok(audited.n >= 8);
  });

  test('the demo resident was told of the notices in the inbox, and by WeChat once the job ran (they allowed three)', async () => {
    const owner = await signIn(street.env.app, '13800000001', DEMO_PASSWORD);
    const inbox = (await owner.request('GET', '/api/notify/inbox?pageSize=50')).body;
    const noticesTold = inbox.items.filter((m: { template: string }) => m.template.startsWith('notices.'));
    assert.equal(noticesTold.length, 4, 'one message per notice that reached them');
    assert.equal((await owner.request('GET', '/api/notify/settings')).body.wechat.bound, true);
    await deliverDue(street.env.kernel);
    const wechat = await one<{ sent: number; consent: number }>(
      sql`select count(*) filter (where m.status = 'sent')::int as sent, count(*) filter (where m.error = 'no_consent')::int as consent
          from notify_messages m join notify_batches b on b.street_id = m.street_id and b.id = m.batch_id
          where m.account_id = ${street.demo.account('13800000001')!.id} and m.channel = 'wechat' and b.template = 'notices.published'`,
    );
    assert.deepEqual(wechat, { sent: 3, consent: 0 }, 'three allowed, three sent; the fourth was an emergency (its own template)');
  });

  test('three room claims wait for the residents\' committee', async () => {
    const claims = await one<{ n: number; pending: number }>(sql`select count(*)::int as n, count(*) filter (where status = 'pending')::int as pending from act_claims`);
    assert.deepEqual(claims, { n: 3, pending: 3 });
    const juweihui = await signIn(street.env.app, 'juweihui', DEMO_PASSWORD);
    const review = await juweihui.request('GET', '/api/activation/claims?pageSize=20');
    assert.equal(review.status, 200, JSON.stringify(review.body));
    assert.equal(review.body.total, 3);
  });

  test('the audit chain verifies over every module\'s part', async () => {
    const result = await verifyAuditChain(appDb(street.env.kernel));
    assert.equal(result.ok, true, JSON.stringify(result.problems));
  });

  test('printDemoLogins lists every login with its role in Chinese and English, then how to try activation', () => {
    let text = '';
    printDemoLogins(street.demo, (t) => {
      text += t;
    });
    // The registry's 16 logins, the supervision demo's second street official (street2), who approves publications, and
    // the grid events demo's four department liaisons of 阳光花园 (paichusuo, chengguan, shichang, xiaofang).
    assert.equal(street.demo.accounts.length, 21);
    for (const a of street.demo.accounts) assert.ok(text.includes(a.login), a.login);
    assert.ok(text.includes('街道干部 Street official'));
    assert.ok(text.includes(DEMO_PASSWORD));
    assert.match(text, /claim\n {2}阳光花园 2栋1单元301 as 吴安然, ID number ending 身份证后四位 \w{4}\n/);
    assert.match(text, /13800000003: 隐私政策已更新 .*\n\n$/);
  });

  test('the residents agreed to the notice in force, but one to an earlier notice, who is asked again; staff are not asked', async () => {
    const consent = async (login: string) => (await (await signIn(street.env.app, login, DEMO_PASSWORD)).request('GET', '/api/me/privacy-consent')).body;
    for (const login of ['13800000001', '13800000002', '13900000101']) {
      assert.deepEqual([(await consent(login)).consented, (await consent(login)).required], [true, true], login);
    }
    const asked = await consent(DEMO_EARLIER_CONSENT.phone);
    assert.deepEqual([asked.version, asked.consented, asked.updated, asked.required], [PRIVACY_VERSION, false, true, true]);
    const earlier = await street.env.kernel.db
      .selectFrom('privacy_consents as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select('c.version')
      .where('a.phone_hash', '=', street.env.kernel.pii.hash(DEMO_EARLIER_CONSENT.phone))
      .execute();
    assert.deepEqual(earlier, [{ version: DEMO_EARLIER_CONSENT.version }]);
    assert.deepEqual([(await consent('juweihui')).required, (await consent('street')).required], [false, false]);
  });
});
}
