import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx } from '../../kernel/context.ts';
import { type Client, ctxFor, insertFinding, png, signInClient, upload, useRectificationWorld } from './supervision.rectification.test-support.ts';
import { issueNotice } from './use-cases/issue-notice.ts';
import { respondNotice } from './use-cases/respond-notice.ts';

/**
 * The access matrix of the rectification routes: each role on a notice inside its place (阳光花园, which every
 * role's grant in the fixture covers) and on one outside it (the other street's 远方小区) → allowed; 403 when the
 * notice is visible but the action is not the role's; 404 when it is not visible at all; or filtered out of a list.
 * A resident sees nothing. The role lists are written out again on purpose, so a policy change is made twice.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'assessor', 'property_manager', 'property_staff'];
const ISSUE: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
/** Close or reissue a street's notice: street-level issuing grants only (community officials are below). */
const VERIFY_STREET: StaffRole[] = ['street_official', 'property_committee_member'];
const RESPOND: StaffRole[] = ['property_manager', 'property_staff'];

type Who = StaffRole | 'resident';
const WHO: Who[] = [...STAFF_ROLES, 'resident'];
const { env, w, afterSetUp } = useRectificationWorld();
const clients = new Map<Who, Client>();
const ctx: Record<'official' | 'secretary' | 'staff' | 'zofficial' | 'zmanager', Ctx> = {} as never;
const deadline = () => chinaDay(new Date(env.clock.now().getTime() + 7 * 86_400_000));

afterSetUp(async () => {
  ctx.official = await ctxFor(env.kernel, w.accounts.street_official);
  ctx.secretary = await ctxFor(env.kernel, w.accounts.community_secretary);
  ctx.staff = await ctxFor(env.kernel, w.accounts.property_staff);
  ctx.zofficial = await ctxFor(env.kernel, w.accounts.zofficial);
  ctx.zmanager = await ctxFor(env.kernel, w.accounts.zmanager);
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role));
  clients.set('resident', await signInClient(env.app, '13800000001'));
});

type State = 'issued' | 'responded';
/** A fresh notice inside (阳光花园, by the street or the community) or outside (远方小区), in a state. */
async function noticeIn(state: State, where: 'inside' | 'outside', by: 'street' | 'community' = 'street'): Promise<string> {
  const issuer = where === 'outside' ? ctx.zofficial : by === 'street' ? ctx.official : ctx.secretary;
  const company = where === 'outside' ? ctx.zmanager : ctx.staff;
  const placeId = where === 'outside' ? w.places.Z : w.places.A;
  const id = (await issueNotice(issuer, { placeId, title: '问题', description: '描述', deadline: deadline() }, [upload(png(1))])).id;
  if (state === 'responded') await respondNotice(company, id, { text: '已整改' }, [upload(png(2))]);
  return id;
}

interface Case {
  name: string;
  state: State;
  by?: 'street' | 'community';
  allowed: StaffRole[];
  visible: StaffRole[];
  success: number;
  send: (c: Client, id: string) => Promise<{ status: number; body: any }>;
}
const cases: Case[] = [
  { name: 'GET /api/supervision/notices/:id', state: 'issued', allowed: READ, visible: READ, success: 200, send: (c, id) => c.request('GET', `/api/supervision/notices/${id}`) },
  { name: 'GET …/notice.pdf', state: 'issued', allowed: READ, visible: READ, success: 200, send: (c, id) => c.request('GET', `/api/supervision/notices/${id}/notice.pdf`) },
  { name: 'POST …/respond', state: 'issued', allowed: RESPOND, visible: READ, success: 200, send: (c, id) => c.upload(`/api/supervision/notices/${id}/respond`, { text: '已整改' }, [png(3)]) },
  { name: 'POST …/close (street notice)', state: 'responded', allowed: VERIFY_STREET, visible: READ, success: 200, send: (c, id) => c.request('POST', `/api/supervision/notices/${id}/close`, {}) },
  { name: 'POST …/close (community notice)', state: 'responded', by: 'community', allowed: ISSUE, visible: READ, success: 200, send: (c, id) => c.request('POST', `/api/supervision/notices/${id}/close`, {}) },
  {
    name: 'POST …/reissue (street notice)',
    state: 'responded',
    allowed: VERIFY_STREET,
    visible: READ,
    success: 200,
    send: (c, id) => c.request('POST', `/api/supervision/notices/${id}/reissue`, { reason: '未完成', deadline: deadline() }),
  },
  {
    name: 'POST …/reissue (community notice)',
    state: 'responded',
    by: 'community',
    allowed: ISSUE,
    visible: READ,
    success: 200,
    send: (c, id) => c.request('POST', `/api/supervision/notices/${id}/reissue`, { reason: '未完成', deadline: deadline() }),
  },
];

describe('access matrix: one notice', () => {
  for (const c of cases) {
    test(c.name, async () => {
      for (const who of WHO) {
        const client = clients.get(who)!;
        const inside = await noticeIn(c.state, 'inside', c.by);
        const res = await c.send(client, inside);
        const want = who !== 'resident' && c.allowed.includes(who) ? c.success : who !== 'resident' && c.visible.includes(who) ? 403 : 404;
        assert.equal(res.status, want, `${who} inside: ${JSON.stringify(res.body)?.slice(0, 200)}`);
        const outside = await noticeIn(c.state, 'outside');
        assert.equal((await c.send(client, outside)).status, 404, `${who} outside`);
      }
    });
  }
});

describe('access matrix: issuing and lists', () => {
  test('POST /api/supervision/notices: officials issue inside; readers 403; the rest and everyone outside 404', async () => {
    for (const who of WHO) {
      const client = clients.get(who)!;
      const body = (placeId: string) => ({ placeId, title: '问题', description: '描述', deadline: deadline() });
      const inside = await client.request('POST', '/api/supervision/notices', body(w.places.A));
      const want = who !== 'resident' && ISSUE.includes(who) ? 201 : who !== 'resident' && READ.includes(who) ? 403 : 404;
      assert.equal(inside.status, want, `${who} inside: ${JSON.stringify(inside.body)}`);
      assert.equal((await client.request('POST', '/api/supervision/notices', body(w.places.Z))).status, 404, `${who} outside`);
    }
  });

  test('GET /api/supervision/notices/prefill: issuers covering the finding only', async () => {
    const f = await insertFinding(env.kernel, { streetId: w.places.S, compoundId: w.places.A, inspectorId: w.accounts.street_official });
    for (const who of WHO) {
      const res = await clients.get(who)!.request('GET', `/api/supervision/notices/prefill?inspectionId=${f.inspection}&indicatorId=${f.indicator}`);
      assert.equal(res.status, who !== 'resident' && ISSUE.includes(who) ? 200 : 404, who);
    }
  });

  test('lists, counts and the export hold the readers’ notices inside and never those outside; a resident sees none', async () => {
    const inside = await noticeIn('issued', 'inside');
    const outside = await noticeIn('issued', 'outside');
    for (const who of WHO) {
      const client = clients.get(who)!;
      const list = await client.request('GET', '/api/supervision/notices?pageSize=200');
      assert.equal(list.status, 200, who);
      const ids = list.body.items.map((i: { id: string }) => i.id);
      assert.equal(ids.includes(inside), who !== 'resident' && READ.includes(who), `${who} inside`);
      assert.ok(!ids.includes(outside), `${who} outside`);
      const byCompany = await client.request('GET', '/api/supervision/notices/by-company');
      assert.equal(byCompany.status, 200);
      const companies = byCompany.body.items.map((i: { companyId: string }) => i.companyId);
      assert.equal(companies.includes(w.organisations.pc1), who !== 'resident' && READ.includes(who), `${who} counts`);
      assert.ok(!companies.includes(w.organisations.pcZ), `${who} no other street's company`);
      assert.equal((await client.request('GET', '/api/supervision/notices/export.xlsx')).status, 200);
    }
  });

  test('evidence files: readers of the notice only', async () => {
    const id = await noticeIn('issued', 'inside');
    const files = (await clients.get('street_official')!.request('GET', `/api/supervision/notices/${id}`)).body.files;
    for (const who of WHO) {
      const res = await clients.get(who)!.request('GET', `/api/supervision/notices/${id}/files/${files[0].id}`);
      assert.equal(res.status, who !== 'resident' && READ.includes(who) ? 200 : 404, who);
    }
  });
});
