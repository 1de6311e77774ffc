import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appDb, MODULES } from '../app.ts';
import type { DemoStreetFixture } from '../demo/demo-street.fixture.ts';
import { SYSTEM_ACTOR } from '../kernel/access/index.ts';
import { chinaDay } from '../kernel/clock.ts';
import { write } from '../kernel/context.ts';
import type { PublicPageAnswer, PublicSection } from '../kernel/public/payload.ts';
import { scanForPersonalData } from '../kernel/public/public-scan.ts';
import { chinaMonth } from '../modules/repairs/repairs.public.ts';

/**
 * Every public page every module declares, walked on the demo street without a session: each answers,
 * and none carries a phone number, an ID number or the full name of anyone in the registry (or any
 * account), nor a masked name where its module did not declare one (kernel/public/public-scan.ts).
 * A module that declares a new page is held to it here with no change to this file. Run by
 * server/demo/demo-street.test.ts on the street it seeds once.
 */
export function publicPagesOnDemo(street: DemoStreetFixture) {
describe('public pages on the demo street', () => {
  let fullNames: string[];
  const env = { get kernel() { return street.env.kernel; }, get app() { return street.env.app; } };

  before(async () => {
    const db = appDb(env.kernel);
    const persons = await db.selectFrom('reg_persons').select('name').execute();
    const accounts = await db.selectFrom('accounts').select('display_name as name').execute();
    fullNames = [...new Set([...persons, ...accounts].map((p) => p.name))];
    assert.ok(persons.length > 1000, 'the demo street has its people');
  });

  /** GET without a cookie, as a phone that scanned the lobby's code. */
  const open = (url: string, lang: 'zh-CN' | 'en' = 'zh-CN') => env.app.inject({ method: 'GET', url, headers: { 'x-gz-lang': lang } });
  const json = async (url: string, lang: 'zh-CN' | 'en' = 'zh-CN') => {
    const res = await open(url, lang);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as PublicPageAnswer;
  };
  const section = <K extends PublicSection['kind']>(page: PublicPageAnswer, kind: K) => page.sections.find((s): s is Extract<PublicSection, { kind: K }> => s.kind === kind);

  test("every declared page is its module's, answers without a session, and carries no personal data", async () => {
    const declared = MODULES.flatMap((m) => (m.publicPages ?? []).map((page) => ({ module: m.name, page })));
    assert.ok(declared.length >= 4);
    assert.equal(new Set(declared.map((d) => d.page.key)).size, declared.length, 'keys are unique');
    let walked = 0;
    for (const { module, page } of declared) {
      assert.ok(page.key.startsWith(`${module}.`), `${page.key} is named after its module ${module}`);
      const ids = page.param === 'id' ? ((await page.sampleIds?.(env.kernel)) ?? []) : [null];
      assert.ok(ids.length > 0, `${page.key} names sample ids with something to show`);
      for (const id of ids) {
        for (const lang of ['zh-CN', 'en'] as const) {
          const url = `/api/public/${page.key}${id ? `/${id}` : ''}`;
          const body = await json(url, lang);
          assert.ok(body.title && body.updatedAt && Array.isArray(body.sections), `${url} has the generic shape`);
          const findings = scanForPersonalData(body, { fullNames, maskedNames: page.maskedNames });
          assert.deepEqual(findings, [], `${url} (${lang}) carries personal data`);
          walked++;
        }
      }
    }
    assert.ok(walked >= 20, `${walked} pages walked`);
  });

  test('notices.notice: a notice in force as posted — title, text, signature, validity, attachment names; a withdrawn, draft or not-yet-valid one is 404', async () => {
    const db = appDb(env.kernel);
    const today = chinaDay(env.kernel.clock.now());
    const n = await db
      .selectFrom('ntc_notices')
      .selectAll()
      .where('status', '=', 'published')
      .where('valid_from', '<=', today)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const page = await json(`/api/public/notices.notice/${n.id}`);
    assert.equal(page.title, n.title);
    assert.equal(section(page, 'text')?.text, n.body);
    const facts = Object.fromEntries(section(page, 'facts')!.facts.map((f) => [f.label, f.value]));
    assert.equal(facts['发布单位'], n.issuer);
    assert.match(facts['有效期']!, new RegExp(`^${n.valid_from}`));
    assert.ok(page.place, 'where it applies');
    assert.deepEqual(page.links, { page: `/h5/p/notices.notice/${n.id}`, pdf: `/api/public/notices.notice/${n.id}/print.pdf`, qr: `/api/public/notices.notice/${n.id}/qr.png` });
    // Withdrawn, a draft or not yet valid: not in force, 404 — at the next request, since the change is a committed write.
    const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
    const tomorrow = chinaDay(new Date(env.kernel.clock.now().getTime() + 86_400_000));
    const patches = [{ status: 'withdrawn' as const, withdrawn_at: env.kernel.clock.now() }, { status: 'draft' as const }, { valid_from: tomorrow, valid_until: null }];
    for (const patch of patches) {
      await write(system, (tx) => appDb({ db: tx as never }).updateTable('ntc_notices').set(patch).where('id', '=', n.id).execute());
      assert.equal((await open(`/api/public/notices.notice/${n.id}`)).statusCode, 404, JSON.stringify(patch));
      await write(system, (tx) => appDb({ db: tx as never }).updateTable('ntc_notices').set({ status: n.status, withdrawn_at: null, valid_from: n.valid_from, valid_until: n.valid_until }).where('id', '=', n.id).execute());
      assert.equal((await open(`/api/public/notices.notice/${n.id}`)).statusCode, 200);
    }
    const pdf = await open(`/api/public/notices.notice/${n.id}/print.pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('notices.board: the notices in force at a compound or above it, each linking to its own page', async () => {
    const db = appDb(env.kernel);
    const today = chinaDay(env.kernel.clock.now());
    const compound = await db.selectFrom('street_places').select(['id', 'path']).where('kind', '=', 'compound').orderBy('name').executeTakeFirstOrThrow();
    const expected = await db
      .selectFrom('ntc_notices')
      .select(['id', 'title'])
      .where('status', '=', 'published')
      .where('valid_from', '<=', today)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
      .where('place_id', 'in', compound.path.split('/').filter(Boolean))
      .execute();
    const page = await json(`/api/public/notices.board/${compound.id}`);
    const list = section(page, 'list')!;
    assert.ok(expected.length > 0, 'the demo posts notices a compound sees');
    assert.deepEqual(list.items.map((i) => i.link).sort(), expected.map((n) => `/h5/p/notices.notice/${n.id}`).sort());
    assert.ok(list.items.every((i) => i.meta), 'category, signature and validity on each');
  });

  test("repairs.service: this month's orders reported and finished, on-time share and rating, by category, with no order's text", async () => {
    const db = appDb(env.kernel);
    const { from, to } = chinaMonth(env.kernel.clock.now());
    const busiest = await db
      .selectFrom('rep_orders')
      .select(['compound_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '<>', 'cancelled')
      .where('reported_at', '>=', from)
      .where('reported_at', '<', to)
      .groupBy('compound_id')
      .orderBy('n', 'desc')
      .executeTakeFirst();
    const compoundId = busiest?.compound_id ?? (await db.selectFrom('street_places').select('id').where('kind', '=', 'compound').executeTakeFirstOrThrow()).id;
    const page = await json(`/api/public/repairs.service/${compoundId}`);
    const facts = Object.fromEntries(section(page, 'facts')!.facts.map((f) => [f.label, f.value]));
    for (const label of ['物业服务企业', '统计月份', '本月报修', '已完成', '处理中', '按时完成率', '平均满意度（5 分制）']) assert.ok(label in facts, label);
    assert.equal(Number(facts['本月报修']), Number(busiest?.n ?? 0));
    const table = section(page, 'table')!;
    assert.deepEqual(table.columns, ['类别', '报修', '完成', '按时完成率', '满意度']);
    assert.equal(
      table.rows.reduce((sum, r) => sum + Number(r[1]), 0),
      Number(facts['本月报修']),
      'the categories add up to the total',
    );
    const texts = (await db.selectFrom('rep_orders').select('description').where('compound_id', '=', compoundId).execute()).map((o) => o.description);
    const shown = JSON.stringify(page);
    assert.ok(!texts.some((t) => shown.includes(t)), "no order's description");
    const building = await db.selectFrom('street_places').select('id').where('kind', '=', 'building').executeTakeFirstOrThrow();
    assert.equal((await open(`/api/public/repairs.service/${building.id}`)).statusCode, 404, 'a building is no compound');
  });

  test("opinions.board: a compound's public posts with their answers, the poster masked; private and hidden posts are absent", async () => {
    const db = appDb(env.kernel);
    const compound = (await db.selectFrom('op_opinions').select('place_id').where('visibility', '=', 'public').where('hidden_at', 'is', null).executeTakeFirstOrThrow()).place_id;
    const all = await db.selectFrom('op_opinions').select(['title', 'visibility', 'hidden_at', 'answer', 'author_name']).where('place_id', '=', compound).execute();
    const page = await json(`/api/public/opinions.board/${compound}`);
    const items = section(page, 'list')!.items;
    const shown = all.filter((o) => o.visibility === 'public' && o.hidden_at === null);
    assert.equal(items.length, Math.min(shown.length, 30));
    for (const item of items) {
      const o = shown.find((x) => x.title === item.title);
      assert.ok(o, `${item.title} is a public, shown post`);
      assert.match(item.by!, /^.\*{1,2}$/u);
      assert.equal(item.by![0], [...o.author_name][0]);
      assert.ok(fullNames.includes(o.author_name), 'the scanner above knows the full name: only the masking keeps it off the page');
      assert.equal(item.reply, o.answer ?? undefined);
    }
    const titles = new Set(items.map((i) => i.title));
    for (const o of all.filter((x) => x.visibility === 'private' || x.hidden_at !== null)) assert.ok(!titles.has(o.title), `${o.title} is not shown`);
  });
});
}
