import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { generatePayouts, parsePeriod, payoutKind } from '../../kernel/payouts/payouts.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './grid.db.ts';
import { completedShareParts, grantedParts, socialOrgsParts } from './grid.social.figures.ts';
import { ventureGrant } from './grid.social.payouts.ts';
import { rankApplications } from './use-cases/social-round-get.ts';
import { socialStaffHome } from './use-cases/social-staff-home.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';

/**
 * Social organisations and 公益创投: the access matrix (each role inside and outside its place), phones masked to
 * all but socialManage, a round from call to close with hand-computed boundaries (budget = cap accepted, cap + 1
 * refused; grants = pool accepted, pool + 1 refused; tranches = grant), the conflict-of-interest and
 * different-approver rules, a reviewer not on the panel, the ranking, evidence files, the payout lines, the
 * figures against hand counts, and the residents' open books of their own community only.
 */
const { env, w, setUp } = useWorld();
const S = '/api/grid/social';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login, PASSWORD, { fileField: 'evidence' }));
  return sessions.get(login)!;
};
const org = (placeId: string, name: string, extra: object = {}) => ({ placeId, name, registration: 'filed', field: 'elderly', contactName: '李桂芳', contactPhone: '13912345678', peopleCount: 12, ...extra });

/** Organisations: O1 at C1 (the community), O2 at C1, OS at the street, O3 at C2 (another community). */
const x = setUp('the social world', async () => {
  const official = await as('street_official');
  const secretary = await as('community_secretary');
  const made = async (s: Client, body: object) => {
    const r = await s.request('POST', `${S}/orgs`, body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  return {
    O1: await made(secretary, org(w.places.C1, '夕阳红志愿服务队')),
    O2: await made(secretary, org(w.places.C1, '小橘灯青少年成长营', { field: 'youth', registration: 'registered' })),
    OS: await made(official, org(w.places.S, '安和街道社工服务中心', { field: 'other', registration: 'registered' })),
    O3: await made(official, org(w.places.C2, '明月邻里调解工作室', { field: 'mediation' })),
  };
});

test('organisations: who adds, edits and dissolves where; lists filtered by scope; phones masked but to socialManage', async () => {
  const secretary = await as('community_secretary');
  // Inside and outside each role's place.
  assert.equal((await secretary.request('POST', `${S}/orgs`, org(w.places.C2, '外社区组织'))).status, 404, 'C2 is outside the secretary’s community');
  assert.equal((await secretary.request('POST', `${S}/orgs`, org(w.places.S, '街道级组织'))).status, 404, 'the street is above the secretary');
  assert.equal((await secretary.request('POST', `${S}/orgs`, org(w.places.A, '小区组织'))).body.error.code, 'SOCIAL_ORG_PLACE_INVALID', 'a compound is no place for one');
  for (const login of ['grid_worker', 'property_staff', 'building_leader', '13800000001']) {
    const s = await as(login);
    assert.equal((await s.request('POST', `${S}/orgs`, org(w.places.C1, `${login}组织`))).status, 404, login);
    assert.equal((await s.request('GET', `${S}/orgs`)).status, 403, `${login} reads no registry`);
  }
  const dup = await secretary.request('POST', `${S}/orgs`, org(w.places.C1, '夕阳红志愿服务队'));
  assert.equal(dup.body.error.code, 'SOCIAL_ORG_NAME_TAKEN');

  const mine = (await secretary.request('GET', `${S}/orgs?pageSize=50`)).body;
  const names = mine.items.map((o: { name: string }) => o.name).sort();
  assert.ok(names.includes('夕阳红志愿服务队') && names.includes('小橘灯青少年成长营'));
  assert.ok(!names.includes('明月邻里调解工作室'), 'not another community’s');
  assert.ok(!names.includes('安和街道社工服务中心'), 'not the street’s');
  assert.equal(mine.items.find((o: { name: string }) => o.name === '夕阳红志愿服务队').contactPhone, '13912345678', 'socialManage sees the phone');
  const admin = (await (await as('platform_admin')).request('GET', `${S}/orgs?pageSize=50&q=夕阳红`)).body;
  assert.equal(admin.total, 1);
  assert.equal(admin.items[0].contactPhone, '139****5678', 'socialRead only: masked');
  assert.equal(admin.items[0].manages, false);
  const filtered = (await (await as('street_official')).request('GET', `${S}/orgs?field=mediation`)).body;
  assert.deepEqual(filtered.items.map((o: { name: string }) => o.name), ['明月邻里调解工作室']);
  const xlsx = await (await as('street_official')).request('GET', `${S}/orgs/export.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.ok(xlsx.raw.length > 1000);

  // Edit and dissolve: audited; the community's staff not the street's org.
  assert.equal((await secretary.request('PUT', `${S}/orgs/${x.OS}`, org(w.places.S, '改名'))).status, 404);
  assert.equal((await (await as('committee_staff')).request('PUT', `${S}/orgs/${x.O2}`, org(w.places.C1, '小橘灯青少年成长营', { peopleCount: 30, field: 'youth' }))).status, 200);
  const temp = (await secretary.request('POST', `${S}/orgs`, org(w.places.C1, '临时广场舞队', { field: 'culture' }))).body.id;
  assert.equal((await (await as('grid_worker')).request('POST', `${S}/orgs/${temp}/dissolve`, { reason: '解散' })).status, 404);
  assert.equal((await secretary.request('POST', `${S}/orgs/${temp}/dissolve`, { reason: '成员搬离，自行解散' })).status, 200);
  assert.equal((await secretary.request('POST', `${S}/orgs/${temp}/dissolve`, { reason: '再次' })).body.error.code, 'SOCIAL_ORG_DISSOLVED');
  const audit = await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', temp).orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['grid.social.org_created', 'grid.social.org_dissolved']);
});

test('the ranking: average total over the reviewers who scored; ties by the earlier application', () => {
  const t0 = new Date('2026-03-01T00:00:00Z');
  const apps = [
    { id: 'a', no: 1, createdAt: t0 },
    { id: 'b', no: 2, createdAt: new Date(t0.getTime() + 1000) },
    { id: 'c', no: 3, createdAt: new Date(t0.getTime() + 2000) },
    { id: 'd', no: 4, createdAt: new Date(t0.getTime() + 3000) },
  ];
  const s = (applicationId: string, accountId: string, total: number) => [
    { applicationId, accountId, criterion: 'need' as const, score: total - 30 },
    { applicationId, accountId, criterion: 'feasibility' as const, score: 30 },
  ];
  // a: (80 + 90) / 2 = 85; b: 85 alone (tie with a: a is earlier); c: 90, 70, 83 → 81; d: unscored, last.
  const ranked = rankApplications(apps, [...s('a', 'r1', 80), ...s('a', 'r2', 90), ...s('b', 'r3', 85), ...s('c', 'r1', 90), ...s('c', 'r2', 70), ...s('c', 'r3', 83)]);
  assert.deepEqual(
    ranked.map((r) => [r.id, r.average, r.scoredBy, r.rank]),
    [
      ['a', 85, 2, 1],
      ['b', 85, 1, 2],
      ['c', 81, 3, 3],
      ['d', null, 0, 4],
    ],
  );
});

test('a round from call to close: cap, pool and tranche boundaries, conflict of interest, a second approver, evidence, payouts and figures', async () => {
  const official = await as('street_official');
  const official2 = await as('street2');
  const secretary = await as('community_secretary');
  const staff = await as('committee_staff');
  const roundBody = { placeId: w.places.S, title: '2026年安和街道公益创投', year: 2026, poolFen: 100_000_00, capFen: 40_000_00, opensOn: '2026-03-01', closesOn: '2026-04-30' };
  assert.equal((await secretary.request('POST', `${S}/rounds`, roundBody)).status, 404, 'only ventureApprove opens rounds');
  assert.equal((await official.request('POST', `${S}/rounds`, { ...roundBody, capFen: 100_000_01 })).body.error.code, 'VENTURE_ROUND_INVALID', 'cap above the pool');
  const created = await official.request('POST', `${S}/rounds`, roundBody);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const R = created.body.id as string;
  const app = (orgId: string, title: string, amounts: number[]) => ({ orgId, title, field: 'elderly', summary: '为辖区高龄独居老人提供上门探访', beneficiaries: '高龄独居老人 60 人', budget: amounts.map((a, i) => ({ item: `预算${i + 1}`, amountFen: a })) });
  assert.equal((await official.request('POST', `${S}/rounds/${R}/applications`, app(x.O1, '早了', [100]))).body.error.code, 'VENTURE_ROUND_WRONG_STATUS', 'a draft takes no applications');
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'review' })).status, 409, 'one step at a time');
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'call' })).status, 200);

  // Budget: exactly the cap (40,000.00 yuan) accepted, one fen more refused.
  const over = await official.request('POST', `${S}/rounds/${R}/applications`, app(x.O1, '超上限', [30_000_00, 10_000_01]));
  assert.equal(over.status, 400);
  assert.equal(over.body.error.code, 'VENTURE_OVER_CAP');
  const A1 = await official.request('POST', `${S}/rounds/${R}/applications`, app(x.O1, '银龄关爱行动', [30_000_00, 10_000_00]));
  assert.equal(A1.status, 201, JSON.stringify(A1.body));
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/applications`, app(x.O2, '社区的人录入街道轮次', [100]))).status, 404, 'a street round is the street’s: the community does not even see it');
  const A2 = (await official.request('POST', `${S}/rounds/${R}/applications`, app(x.O2, '小橘灯四点半课堂', [35_000_00]))).body.id as string;
  const A3 = (await official.request('POST', `${S}/rounds/${R}/applications`, app(x.O3, '邻里和事佬', [30_000_00]))).body.id as string;
  const a1 = A1.body.id as string;

  // The panel: street2 affiliated with O1; the secretary and committee staff; a grid worker is no eligible reviewer.
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/reviewers`, { accountId: w.accounts.committee_staff })).status, 404, 'the community does not see the street’s round');
  assert.equal((await official.request('POST', `${S}/rounds/${R}/reviewers`, { accountId: w.accounts.grid_worker })).body.error.code, 'VENTURE_REVIEWER_NOT_ELIGIBLE');
  for (const [accountId, affiliationOrgId] of [
    [w.accounts.street_official2, x.O1],
    [w.accounts.community_secretary, null],
    [w.accounts.committee_staff, null],
  ] as const)
    assert.equal((await official.request('POST', `${S}/rounds/${R}/reviewers`, { accountId, affiliationOrgId })).status, 201);
  assert.equal((await official.request('POST', `${S}/rounds/${R}/reviewers`, { accountId: w.accounts.committee_staff })).body.error.code, 'VENTURE_REVIEWER_EXISTS');
  const full = { need: 30, feasibility: 30, budget: 20, capacity: 20 };
  assert.equal((await secretary.request('PUT', `${S}/applications/${a1}/scores`, { scores: full })).body.error.code, 'VENTURE_ROUND_WRONG_STATUS', 'no scores during the call');
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'review' })).status, 200);

  // Scores: the conflict of interest (403, nothing written), a reviewer not on the panel, bounds per criterion.
  const conflict = await official2.request('PUT', `${S}/applications/${a1}/scores`, { scores: full });
  assert.equal(conflict.status, 403);
  assert.equal(conflict.body.error.code, 'CONFLICT_OF_INTEREST');
  assert.equal((await read(env.kernel).selectFrom('grid_venture_scores').select('score').where('application_id', '=', a1).execute()).length, 0, 'nothing written');
  const outsider = await official.request('PUT', `${S}/applications/${a1}/scores`, { scores: full });
  assert.equal(outsider.status, 403);
  assert.equal(outsider.body.error.code, 'VENTURE_NOT_REVIEWER');
  assert.equal((await (await as('grid_worker')).request('PUT', `${S}/applications/${a1}/scores`, { scores: full })).status, 404, 'a stranger does not see the round');
  assert.equal((await secretary.request('PUT', `${S}/applications/${a1}/scores`, { scores: { ...full, budget: 21 } })).status, 400, '预算合理 is out of 20');
  const score = async (s: Client, id: string, need: number, feasibility: number, budget: number, capacity: number) => {
    const r = await s.request('PUT', `${S}/applications/${id}/scores`, { scores: { need, feasibility, budget, capacity } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.total;
  };
  assert.equal(await score(secretary, a1, 28, 26, 18, 17), 89);
  assert.equal(await score(staff, a1, 25, 24, 16, 16), 81); // A1: (89 + 81) / 2 = 85
  assert.equal(await score(secretary, A2, 27, 27, 17, 18), 89);
  assert.equal(await score(staff, A2, 26, 25, 16, 14), 81);
  assert.equal(await score(official2, A2, 25, 25, 17, 18), 85); // A2: (89 + 81 + 85) / 3 = 85 — tied with A1, which is earlier
  assert.equal(await score(official2, A3, 20, 20, 15, 15), 70); // A3: 70
  const home = await socialStaffHome({ kernel: env.kernel, actor: { accountId: w.accounts.street_official2, name: 'street2', personId: null, grants: await loadGrants(env.kernel.db, w.accounts.street_official2), requestId: null, locale: 'zh-CN' } });
  assert.equal(home.todos?.find((t) => t.key === 'gridSocialToScore'), undefined, 'street2 has scored all but their own organisation’s');
  const detail = (await secretary.request('GET', `${S}/rounds/${R}`)).body;
  assert.deepEqual(
    detail.applications.map((a: { id: string; average: number; rank: number }) => [a.id, a.average, a.rank]),
    [
      [a1, 85, 1],
      [A2, 85, 2],
      [A3, 70, 3],
    ],
  );
  assert.equal(detail.scores.length, 6 * 4, 'one row per reviewer, application and criterion');
  assert.equal((await official2.request('GET', `${S}/rounds/${R}`)).body.applications.find((a: { id: string }) => a.id === a1).conflict, true);

  // The funded list: a grant above its budget, the pool + 1 fen, then exactly the pool; approval by another account.
  assert.equal((await official.request('POST', `${S}/rounds/${R}/funding`, { lines: [{ applicationId: A3, grantFen: 30_000_01 }] })).body.error.code, 'VENTURE_GRANT_INVALID');
  const poolPlus = await official.request('POST', `${S}/rounds/${R}/funding`, { lines: [{ applicationId: a1, grantFen: 40_000_00 }, { applicationId: A2, grantFen: 35_000_00 }, { applicationId: A3, grantFen: 25_000_01 }] });
  assert.equal(poolPlus.status, 400);
  assert.equal(poolPlus.body.error.code, 'VENTURE_OVER_POOL');
  assert.equal((await (await as('grid_worker')).request('POST', `${S}/rounds/${R}/funding`, { lines: [{ applicationId: a1, grantFen: 1 }] })).status, 404);
  const proposed = await official.request('POST', `${S}/rounds/${R}/funding`, { lines: [{ applicationId: a1, grantFen: 40_000_00 }, { applicationId: A2, grantFen: 35_000_00 }, { applicationId: A3, grantFen: 25_000_00 }] });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  assert.equal(proposed.body.totalFen, 100_000_00, 'exactly the pool');
  const same = await official.request('POST', `${S}/rounds/${R}/funding/approve`);
  assert.equal(same.status, 403);
  assert.equal(same.body.error.code, 'SAME_APPROVER');
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/funding/approve`)).status, 403, 'the community may not approve');
  const approved = await official2.request('POST', `${S}/rounds/${R}/funding/approve`);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  const funded = (await official.request('GET', `${S}/rounds/${R}`)).body;
  assert.equal(funded.status, 'funded');
  assert.equal(funded.funding.status, 'approved');
  assert.deepEqual(funded.applications.map((a: { grantFen: number }) => a.grantFen), [40_000_00, 35_000_00, 25_000_00]);

  // Milestones: tranches must sum to the grant.
  assert.equal((await official.request('PUT', `${S}/applications/${a1}/milestones`, { milestones: [{ title: '启动', dueOn: '2026-06-30', trancheFen: 20_000_00 }, { title: '结项', dueOn: '2026-12-31', trancheFen: 19_999_99 }] })).body.error.code, 'VENTURE_TRANCHES_NOT_GRANT');
  assert.equal((await official.request('PUT', `${S}/applications/${a1}/milestones`, { milestones: [{ title: '启动', dueOn: '2026-06-30', trancheFen: 20_000_00 }, { title: '结项', dueOn: '2026-12-31', trancheFen: 20_000_00 }] })).status, 200);
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'running' })).body.error.code, 'VENTURE_NOT_READY', 'every project needs its plan');
  for (const [id, fen] of [
    [A2, 35_000_00],
    [A3, 25_000_00],
  ] as const)
    assert.equal((await official.request('PUT', `${S}/applications/${id}/milestones`, { milestones: [{ title: '全过程', dueOn: '2026-12-31', trancheFen: fen }] })).status, 200);
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'running' })).status, 200);

  // Reports with evidence; who sees the evidence.
  const plan = (await official.request('GET', `${S}/rounds/${R}`)).body.projects.find((p: { applicationId: string }) => p.applicationId === a1).milestones;
  assert.equal((await official.upload(`${S}/milestones/${plan[0].id}/reports`, { note: '已完成首批走访' }, [])).body.error.code, 'FILE_REQUIRED');
  const rep = await official.upload(`${S}/milestones/${plan[0].id}/reports`, { note: '已完成首批 30 户走访', labels: '走访照片' }, [{ filename: 'visit.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.from(crypto.randomUUID())]) }]);
  assert.equal(rep.status, 201, JSON.stringify(rep.body));
  const fileId = rep.body.files[0] as string;
  for (const [login, status] of [
    ['street_official', 200],
    ['platform_admin', 200],
    ['community_secretary', 200],
    ['grid_worker', 404],
    ['property_staff', 404],
    ['13800000001', 404],
  ] as const)
    assert.equal((await (await as(login)).request('GET', `/api/grid/files/${fileId}`)).status, status, login);
  assert.equal((await official.request('POST', `${S}/reports/${rep.body.id}/return`, { reason: '请补充签到表' })).status, 200);
  const again = await official.upload(`${S}/milestones/${plan[0].id}/reports`, { note: '补充签到表' }, [{ filename: 'sign.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.from(crypto.randomUUID())]) }]);
  assert.equal(again.status, 201);
  assert.equal((await (await as('grid_worker')).request('POST', `${S}/reports/${again.body.id}/accept`, {})).status, 404);
  assert.equal((await official.request('POST', `${S}/reports/${again.body.id}/accept`, {})).status, 200);
  assert.equal((await official.request('POST', `${S}/reports/${again.body.id}/accept`, {})).body.error.code, 'VENTURE_REPORT_DECIDED');
  const p3 = (await official.request('GET', `${S}/rounds/${R}`)).body.projects.find((p: { applicationId: string }) => p.applicationId === A3).milestones;
  const r3 = await official.upload(`${S}/milestones/${p3[0].id}/reports`, { note: '全部完成' }, [{ filename: 'done.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.from(crypto.randomUUID())]) }]);
  assert.equal((await official.request('POST', `${S}/reports/${r3.body.id}/accept`, {})).status, 200);

  // The payout lines of this month: A1's first tranche (20,000.00 to O1) and A3's (25,000.00 to O3); paid once.
  assert.ok(payoutKind('grid.venture_grant'), 'the kind is registered');
  const label = chinaDay(env.kernel.clock.now()).slice(0, 7);
  const lines = await ventureGrant.lines(env.kernel.db, { streetId: w.places.S, period: parsePeriod('month', label)! });
  assert.deepEqual(lines.map((l) => [l.payeeId, l.amountFen, l.sourceId]).sort((a, b) => Number(a[1]) - Number(b[1])), [
    [x.O1, 20_000_00, plan[0].id],
    [x.O3, 25_000_00, p3[0].id],
  ]);
  // Statements are made once the month has ended: the system acts a month on.
  const later = new Date(env.kernel.clock.now().getTime() + 32 * 86_400_000);
  const system = { kernel: { ...env.kernel, clock: { now: () => later } }, actor: SYSTEM_ACTOR };
  const made = await generatePayouts(system, { kind: 'grid.venture_grant', streetId: w.places.S, period: label });
  assert.equal(made.lines, 2);
  assert.equal(made.created, 2, 'one statement per organisation');
  assert.equal((await generatePayouts(system, { kind: 'grid.venture_grant', streetId: w.places.S, period: label })).lines, 0, 'a tranche is paid once');

  // Evaluation, then closing; the figures against hand counts.
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'closed' })).body.error.code, 'VENTURE_NOT_READY');
  for (const [id, grade] of [
    [a1, 'excellent'],
    [A2, 'pass'],
    [A3, 'fail'],
  ] as const)
    assert.equal((await official.request('POST', `${S}/applications/${id}/evaluation`, { grade, note: '' })).status, 200);
  assert.equal((await official.request('POST', `${S}/applications/${A3}/evaluation`, { grade: 'good', note: '' })).body.error.code, 'VENTURE_EVALUATED');
  assert.equal((await official.request('POST', `${S}/rounds/${R}/advance`, { to: 'closed' })).status, 200);
  const now = env.kernel.clock.now();
  const win = { streetId: w.places.S, from: new Date(now.getTime() - 86_400_000), to: new Date(now.getTime() + 86_400_000), placeKinds: ['street', 'community'] as const };
  const at = (parts: { placeId: string; numerator: number; denominator: number | null }[], place: string) => parts.find((p) => p.placeId === place);
  const orgs = await socialOrgsParts(env.kernel.db, win);
  // Active at the end: O1, O2, OS, O3 (the dance team dissolved, if the first test ran): street 4; C1 2; C2 1.
  assert.equal(at(orgs, w.places.S)?.numerator, 4);
  assert.equal(at(orgs, w.places.C1)?.numerator, 2);
  assert.equal(at(orgs, w.places.C2)?.numerator, 1);
  const granted = await grantedParts(env.kernel.db, win);
  assert.equal(at(granted, w.places.S)?.numerator, 100_000_00);
  assert.equal(at(granted, w.places.C1), undefined, 'a street round counts at the street');
  const share = await completedShareParts(env.kernel.db, win);
  assert.deepEqual([at(share, w.places.S)?.numerator, at(share, w.places.S)?.denominator], [2, 3]);
  const before = await socialOrgsParts(env.kernel.db, { ...win, to: new Date(0) });
  assert.equal(at(before, w.places.S), undefined, 'none before they were registered');
  // Grants count from 1 January of the window's year (China time): a window ending next year's first instant still
  // counts this year's; one ending the year after does not.
  const year = Number(chinaDay(now).slice(0, 4));
  const nextYear = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  assert.equal(at(await grantedParts(env.kernel.db, { ...win, to: nextYear }), w.places.S)?.numerator, 100_000_00);
  assert.equal(at(await grantedParts(env.kernel.db, { ...win, to: new Date(`${year + 1}-01-01T00:00:00.001+08:00`) }), w.places.S), undefined);

  // The residents' open books: her community's and the street's organisations, the street round's projects.
  const alice = await as('13800000001');
  const books = (await alice.request('GET', '/api/me/grid/social')).body;
  const orgNames = books.orgs.map((o: { name: string }) => o.name);
  assert.ok(orgNames.includes('夕阳红志愿服务队') && orgNames.includes('安和街道社工服务中心'));
  assert.ok(!orgNames.includes('明月邻里调解工作室'), 'not another community’s');
  assert.ok(!('contactPhone' in books.orgs[0]), 'no contacts');
  assert.deepEqual(books.projects.map((p: { title: string; grantFen: number }) => [p.title, p.grantFen]), [
    ['银龄关爱行动', 40_000_00],
    ['小橘灯四点半课堂', 35_000_00],
    ['邻里和事佬', 25_000_00],
  ]);
  assert.equal((await alice.request('GET', `${S}/rounds/${R}`)).status, 404, 'a resident reads only the H5 list');
  assert.equal((await alice.request('GET', `${S}/rounds`)).body.total, 0);
});

test('a community round: its community runs it, the street approves; other communities and roles see nothing; the to-dos count rounds', async () => {
  const official = await as('street_official');
  const secretary = await as('community_secretary');
  const staff = await as('committee_staff');
  assert.equal((await secretary.request('POST', `${S}/rounds`, { placeId: w.places.C1, title: '一社区微创投', year: 2026, poolFen: 10_000_00, capFen: 5_000_00, opensOn: '2026-10-01', closesOn: '2026-10-31' })).status, 404, 'the community opens no round');
  const R = (await official.request('POST', `${S}/rounds`, { placeId: w.places.C1, title: '一社区微创投', year: 2026, poolFen: 10_000_00, capFen: 5_000_00, opensOn: '2026-10-01', closesOn: '2026-10-31' })).body.id as string;
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/advance`, { to: 'call' })).status, 200, 'the community runs its call');
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/applications`, { orgId: x.O3, title: '外社区', field: 'other', budget: [{ item: '物资', amountFen: 100 }] })).body.error.code, 'VENTURE_ORG_OUTSIDE_ROUND', 'C2’s organisation is outside C1’s round');
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/applications`, { orgId: x.OS, title: '街道级', field: 'other', budget: [{ item: '物资', amountFen: 100 }] })).body.error.code, 'VENTURE_ORG_OUTSIDE_ROUND', 'the street’s organisation is outside a community round');
  const app = await staff.request('POST', `${S}/rounds/${R}/applications`, { orgId: x.O2, title: '暑期托管', field: 'youth', budget: [{ item: '场地', amountFen: 5_000_00 }] });
  assert.equal(app.status, 201, JSON.stringify(app.body));
  assert.equal((await official.request('POST', `${S}/rounds/${R}/reviewers`, { accountId: w.accounts.committee_staff })).status, 201);
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/advance`, { to: 'review' })).status, 200);
  for (const login of ['grid_worker', 'property_manager', 'building_leader']) assert.equal((await (await as(login)).request('GET', `${S}/rounds/${R}`)).status, 404, login);

  const homeOf = async (s: Client) => (await s.request('GET', '/api/me/workbench')).body as { todos: { key: string; count: number; link: string }[] };
  const toScore = (await homeOf(staff)).todos.find((t) => t.key === 'gridSocialToScore')!;
  assert.equal(toScore.count, 1);
  assert.equal((await staff.request('GET', `/api${toScore.link}`)).body.total, 1, 'the link lists what the to-do counts');
  assert.equal((await staff.request('PUT', `${S}/applications/${app.body.id}/scores`, { scores: { need: 20, feasibility: 20, budget: 10, capacity: 10 } })).status, 200);
  assert.equal((await homeOf(staff)).todos.find((t) => t.key === 'gridSocialToScore'), undefined, 'scored: no more to-do');

  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/funding`, { lines: [{ applicationId: app.body.id, grantFen: 5_000_00 }] })).status, 201, 'the community proposes');
  assert.equal((await secretary.request('POST', `${S}/rounds/${R}/funding/approve`)).status, 403, 'and may not approve');
  const approveTodo = (await homeOf(official)).todos.find((t) => t.key === 'gridSocialFundingToApprove')!;
  assert.equal(approveTodo.count, 1);
  assert.equal((await official.request('GET', `/api${approveTodo.link}`)).body.total, 1);
  assert.equal((await official.request('POST', `${S}/rounds/${R}/funding/approve`)).status, 200, 'the street approves another account’s list');
  assert.equal((await homeOf(official)).todos.find((t) => t.key === 'gridSocialFundingToApprove')!.count, 0);
});
