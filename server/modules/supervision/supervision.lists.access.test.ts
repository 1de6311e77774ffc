import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { type Client, ctxFor, pdfFile, signInClient } from './supervision.rectification.test-support.ts';
import { read } from './supervision.db.ts';
import { DEFAULT_LIST_RULES } from './supervision.lists.constants.ts';
import { useListsWorld } from './supervision.lists.test-support.ts';
import { appealEntry } from './use-cases/appeal-entry.ts';
import { publishList } from './use-cases/publish-list.ts';
import { recordMeasure } from './use-cases/record-measure.ts';

/**
 * The access matrix of the lists routes: each role on 安和物业's black entry of street S (inside: every role's grant
 * in the fixture is at S, its community C1 or 阳光花园 A, which 安和物业 serves) and on 邻街物业's of street S2
 * (outside) → allowed; 403 when the entry is visible but the action is not the role's; 404 when it is not visible;
 * filtered out of lists. A resident sees nothing. The role lists are written out again on purpose.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff'];
const MANAGE: StaffRole[] = ['platform_admin', 'street_official'];
const DECIDE: StaffRole[] = ['street_official'];
const APPLY: StaffRole[] = ['property_manager'];

type Who = StaffRole | 'resident';
const WHO: Who[] = [...STAFF_ROLES, 'resident'];
const { env, w, afterSetUp } = useListsWorld();
const clients = new Map<Who, Client>();
const ctx: Record<'official' | 'manager' | 'zofficial' | 'zmanager', Ctx> = {} as never;

afterSetUp(async () => {
  ctx.official = await ctxFor(env.kernel, w.accounts.street_official);
  ctx.manager = await ctxFor(env.kernel, w.accounts.property_manager);
  ctx.zofficial = await ctxFor(env.kernel, w.accounts.zofficial);
  ctx.zmanager = await ctxFor(env.kernel, w.accounts.zmanager);
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role));
  clients.set('resident', await signInClient(env.app, '13800000001'));
});

/** Each entry needs its own quarter (one publication per street and quarter): 1901-Q1, 1901-Q2, … */
let quarters = 0;
const nextQuarter = () => {
  const i = quarters++;
  return `${1901 + Math.floor(i / 4)}-Q${(i % 4) + 1}`;
};

type State = 'published' | 'appealed' | 'plan';
/** A fresh black entry inside (安和物业, street S) or outside (邻街物业, street S2) in a state; its id, appeal's and plan's. */
async function blackEntry(state: State, where: 'inside' | 'outside') {
  const [official, manager, streetId] = where === 'inside' ? [ctx.official, ctx.manager, w.places.S] : [ctx.zofficial, ctx.zmanager, w.places.S2];
  const p = await publishList(official, { streetId, period: nextQuarter() });
  const entry = (await read(env.kernel).selectFrom('sup_list_entries').select('id').where('publication_id', '=', p.id).where('list', '=', 'black').executeTakeFirstOrThrow()).id;
  const out = { entry, appeal: '', plan: '', publication: p.id };
  if (state === 'appealed') out.appeal = (await appealEntry(manager, entry, { reasons: '有异议' }, [])).id;
  if (state === 'plan') {
    await recordMeasure(official, entry, { kind: 'rectification_plan', planDue: '2026-12-31' });
    out.plan = (await read(env.kernel).selectFrom('sup_list_measures').select('id').where('entry_id', '=', entry).executeTakeFirstOrThrow()).id;
  }
  return out;
}

interface Case {
  name: string;
  state: State;
  allowed: StaffRole[];
  success: number;
  send: (c: Client, x: Awaited<ReturnType<typeof blackEntry>>) => Promise<{ status: number; body: any }>;
}
const cases: Case[] = [
  { name: 'GET …/entries/:id', state: 'published', allowed: READ, success: 200, send: (c, x) => c.request('GET', `/api/supervision/lists/entries/${x.entry}`) },
  { name: 'POST …/entries/:id/appeal', state: 'published', allowed: APPLY, success: 201, send: (c, x) => c.upload(`/api/supervision/lists/entries/${x.entry}/appeal`, { reasons: '有异议' }, [pdfFile(1)]) },
  {
    name: 'POST …/entries/:id/measures',
    state: 'published',
    allowed: DECIDE,
    success: 201,
    send: (c, x) => c.request('POST', `/api/supervision/lists/entries/${x.entry}/measures`, { kind: 'interview', interviewOn: '2026-11-25', attendees: '企业负责人' }),
  },
  { name: 'POST …/appeals/:id/decide', state: 'appealed', allowed: DECIDE, success: 200, send: (c, x) => c.request('POST', `/api/supervision/lists/appeals/${x.appeal}/decide`, { decision: 'rejected', reasons: '维持' }) },
  { name: 'POST …/measures/:id/plan', state: 'plan', allowed: APPLY, success: 200, send: (c, x) => c.upload(`/api/supervision/lists/measures/${x.plan}/plan`, { note: '方案' }, [pdfFile(2)]) },
];

describe('access matrix: one entry', () => {
  for (const c of cases) {
    test(c.name, async () => {
      for (const who of WHO) {
        const client = clients.get(who)!;
        const inside = await blackEntry(c.state, 'inside');
        const res = await c.send(client, inside);
        const want = who !== 'resident' && c.allowed.includes(who) ? c.success : who !== 'resident' && READ.includes(who) ? 403 : 404;
        assert.equal(res.status, want, `${who} inside: ${JSON.stringify(res.body)?.slice(0, 200)}`);
        const outside = await blackEntry(c.state, 'outside');
        assert.equal((await c.send(client, outside)).status, 404, `${who} outside`);
      }
    });
  }
});

describe('access matrix: the street’s rules, publication and lists', () => {
  test('PUT rules and POST publications: the street’s managers inside; other readers 403; the rest and everyone outside 404', async () => {
    for (const who of WHO) {
      const client = clients.get(who)!;
      const want = who !== 'resident' && MANAGE.includes(who) ? 200 : who !== 'resident' && READ.includes(who) ? 403 : 404;
      const rules = (streetId: string) => client.request('PUT', '/api/supervision/lists/rules', { streetId, ...DEFAULT_LIST_RULES });
      assert.equal((await rules(w.places.S)).status, want, `${who} rules inside`);
      assert.equal((await rules(w.places.S2)).status, 404, `${who} rules outside`);
      const publish = (streetId: string) => client.request('POST', '/api/supervision/lists/publications', { streetId, period: nextQuarter() });
      assert.equal((await publish(w.places.S)).status, want === 200 ? 201 : want, `${who} publish inside`);
      assert.equal((await publish(w.places.S2)).status, 404, `${who} publish outside`);
      const rulesRead = await client.request('GET', `/api/supervision/lists/rules?streetId=${w.places.S}`);
      assert.equal(rulesRead.status, who !== 'resident' && READ.includes(who) ? 200 : 404, `${who} reads rules`);
    }
  });

  test('the entries list, its export and the appeals list: the company sees its own only; nobody sees the other street’s', async () => {
    const inside = await blackEntry('appealed', 'inside');
    const outside = await blackEntry('appealed', 'outside');
    for (const who of WHO) {
      const client = clients.get(who)!;
      const list = await client.request('GET', '/api/supervision/lists/entries?pageSize=200');
      assert.equal(list.status, 200, who);
      const ids = list.body.items.map((i: { id: string }) => i.id);
      assert.equal(ids.includes(inside.entry), who !== 'resident' && READ.includes(who), `${who} inside`);
      assert.ok(!ids.includes(outside.entry), `${who} outside`);
      const companies = new Set(list.body.items.map((i: { companyId: string }) => i.companyId));
      // A company's manager and staff see their own company's entries, not the red-listed competitor's.
      if (who === 'property_manager' || who === 'property_staff') assert.deepEqual([...companies], [w.companies.pc1], who);
      const appeals = await client.request('GET', '/api/supervision/lists/appeals?pageSize=200');
      assert.equal(appeals.status, 200, who);
      const appealIds = appeals.body.items.map((i: { id: string }) => i.id);
      assert.equal(appealIds.includes(inside.appeal), who !== 'resident' && READ.includes(who), `${who} appeal inside`);
      assert.ok(!appealIds.includes(outside.appeal), `${who} appeal outside`);
      assert.equal((await client.request('GET', '/api/supervision/lists/entries/export.xlsx')).status, 200, who);
    }
  });

  test('the public page answers without a session and names no person', async () => {
    const x = await blackEntry('appealed', 'inside');
    const res = await env.app.inject({ method: 'GET', url: `/api/public/supervision.credit-list/${x.publication}` });
    assert.equal(res.statusCode, 200);
    const text = res.body;
    assert.match(text, /安和物业/);
    for (const login of ['property_manager', 'street_official']) assert.ok(!text.includes(login));
    assert.equal((await env.app.inject({ method: 'GET', url: `/api/public/supervision.credit-list/${x.publication}/print.pdf` })).statusCode, 200);
  });
});
