import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../kernel/access/index.ts';
import { type Ctx, write } from '../kernel/context.ts';
import { recordArrearsVisit } from '../modules/fees/index.ts';
import { openBill } from '../modules/fees/fees.test-support.ts';
import { PASSWORD, useWorld } from './fixture.ts';
import { signIn } from './harness.ts';

/**
 * Fees → mediation, across the two modules' public faces: an arrears case the property company hands to mediation is
 * picked as a mediation case's source (its room's compound becomes the case's place), and the case's end — here an
 * agreement — is recorded on the arrears case in the same transaction. A case not waiting for mediation is no source.
 */
const { env, w } = useWorld();
const M = '/api/grid/mediation';

test('an arrears case handed to mediation becomes a mediation case; its agreement is recorded on the arrears case', async () => {
  const system: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const street = await signIn(env.app, 'street_official', PASSWORD);
  const committee = await signIn(env.app, 'committee_staff', PASSWORD);
  const manager = await signIn(env.app, 'property_manager', PASSWORD);
  const c1 = await street.request('POST', `${M}/committees`, { placeId: w.places.C1, name: '一社区人民调解委员会' });
  assert.equal(c1.status, 201, JSON.stringify(c1.body));
  assert.equal((await street.request('POST', `${M}/committees/${c1.body.id}/mediators`, { accountId: w.accounts.committee_staff, name: '社区干部', title: 'director' })).status, 201);

  await openBill(env.kernel, { roomId: w.rooms.A201, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 9900, periodLabel: '2026-10', periodEnd: '2026-11-01', dueOn: '2026-10-15' });
  const arrears = await manager.request('POST', '/api/fees/arrears/cases', { roomId: w.rooms.A201, note: '两年未缴' });
  assert.equal(arrears.status, 201, JSON.stringify(arrears.body));
  const opening = { placeId: w.places.C1, source: 'arrears', sourceRef: arrears.body.id, category: 'arrears', summary: '业主以渗水未修为由拒缴物业费', parties: [{ name: '锦华物业', role: 'applicant' }, { name: '王先生', role: 'respondent' }] };
  // Still with the property company (not handed to mediation): no source, nothing listed, nothing written.
  assert.deepEqual((await committee.request('GET', `${M}/arrears-cases`)).body.items, []);
  const early = await committee.request('POST', `${M}/cases`, opening);
  assert.equal(early.body.error?.code, 'MEDIATION_SOURCE_NOT_FOUND');

  assert.equal((await manager.request('POST', `/api/fees/arrears/cases/${arrears.body.id}/visit`, { note: '请网格员上门' })).status, 200);
  await write(system, (tx) => recordArrearsVisit(tx, system, arrears.body.id, { outcome: 'refused', note: '业主对服务有异议' }));
  assert.equal((await manager.request('POST', `/api/fees/arrears/cases/${arrears.body.id}/mediation`, {})).status, 200);

  const listed = (await committee.request('GET', `${M}/arrears-cases`)).body.items;
  assert.deepEqual(listed.map((c: { id: string; compoundId: string; amountFen: number }) => [c.id, c.compoundId, c.amountFen]), [[arrears.body.id, w.places.A, 9900]]);
  // Property staff open no mediation cases: they are not asked.
  assert.equal((await manager.request('GET', `${M}/arrears-cases`)).status, 403);

  const opened = await committee.request('POST', `${M}/cases`, opening);
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const kase = (await committee.request('GET', `${M}/cases/${opened.body.id}`)).body;
  assert.equal(kase.placeId, w.places.A, "the arrears room's compound");
  assert.match(kase.sourceTitle, /99\.00/);
  assert.equal((await committee.request('POST', `${M}/cases/${opened.body.id}/accept`, {})).status, 200);
  assert.equal((await committee.request('POST', `${M}/cases/${opened.body.id}/sessions`, { notes: '双方到场，物业承诺先修渗水' })).status, 201);
  const agreed = await committee.request('POST', `${M}/cases/${opened.body.id}/agree`, { terms: '物业修复渗水后业主补缴' });
  assert.equal(agreed.status, 200, JSON.stringify(agreed.body));

  const after = (await manager.request('GET', `/api/fees/arrears/cases/${arrears.body.id}`)).body;
  assert.deepEqual(after.notes.map((n: { step: string }) => n.step), ['opened', 'to_visit', 'visited', 'to_mediation', 'mediated']);
  assert.match(JSON.stringify(after.notes.at(-1)), /agreed/);
  assert.deepEqual((await committee.request('GET', `${M}/arrears-cases`)).body.items.map((c: { id: string }) => c.id), [arrears.body.id], 'it waits for the property company to close it');
});
