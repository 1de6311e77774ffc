import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { hoursText, weekOf } from './party.stations.constants.ts';

/**
 * 红色驿站: validation of a station (a compound only, hours that run forward, a phone), the duty roster (add, remove,
 * the week view), the list with search and export, the resident's home section and detail (their compound only),
 * and the access matrix: community staff manage in their community, readers read in their places, others are refused.
 */
const { env, w } = useWorld();
const T = '/api/party/stations';
const station = (over: object = {}) => ({
  compoundId: w.places.A,
  name: '阳光花园红色驿站',
  address: '阳光花园1号楼架空层',
  hours: [
    { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' },
    { days: [6], opens: '09:00', closes: '12:00' },
  ],
  services: ['政策咨询', '代收快递', '便民维修', '代收快递'],
  phone: '0571-86001234',
  ...over,
});
const as = (login: string) => signIn(env.app, login, PASSWORD);

describe('stations', () => {
  test('the hours read as text; a week runs Monday to Sunday', () => {
    assert.equal(hoursText(station().hours), '周一至周五 09:00–17:00；周六 09:00–12:00');
    assert.deepEqual(weekOf('2026-11-22'), ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  test('validation: a compound only, hours that run forward, a phone, short services', async () => {
    const shuji = await as('community_secretary');
    assert.equal((await shuji.request('POST', T, station({ compoundId: w.places.C1 }))).body.error.code, 'NOT_A_COMPOUND');
    assert.equal((await shuji.request('POST', T, station({ hours: [{ days: [1], opens: '17:00', closes: '09:00' }] }))).body.error.code, 'HOURS_INVALID');
    assert.equal((await shuji.request('POST', T, station({ hours: [{ days: [], opens: '09:00', closes: '17:00' }] }))).status, 400);
    assert.equal((await shuji.request('POST', T, station({ hours: [{ days: [8], opens: '09:00', closes: '17:00' }] }))).status, 400);
    assert.equal((await shuji.request('POST', T, station({ hours: [{ days: [1], opens: '9:00', closes: '17:00' }] }))).status, 400);
    assert.equal((await shuji.request('POST', T, station({ phone: 'call me' }))).status, 400);
    assert.equal((await shuji.request('POST', T, station({ services: ['一'.repeat(21)] }))).status, 400);
    assert.equal((await shuji.request('POST', T, station({ name: '' }))).status, 400);
  });

  test('create, edit, roster by week, list and export; the resident finds their compound’s station', async () => {
    const shuji = await as('community_secretary');
    const made = await shuji.request('POST', T, station());
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual(made.body.services, ['政策咨询', '代收快递', '便民维修'], 'a service once');
    const id = made.body.id;
    const edited = await shuji.request('PUT', `${T}/${id}`, { ...station(), name: '阳光花园党群驿站', compoundId: undefined, status: 'open' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.name, '阳光花园党群驿站');

    // The test clock: 2026-11-22 (a Sunday) 09:00 Shanghai; the week is 16–22 November.
    assert.equal((await shuji.request('POST', `${T}/${id}/shifts`, { day: '2026-11-20', starts: '14:00', ends: '09:00', personName: '刘建华' })).body.error.code, 'SHIFT_TIME_INVALID');
    assert.equal((await shuji.request('POST', `${T}/${id}/shifts`, { day: '2026-11-20', starts: '09:00', ends: '12:00' })).status, 400, 'a person or a name');
    const s1 = (await shuji.request('POST', `${T}/${id}/shifts`, { day: '2026-11-20', starts: '09:00', ends: '12:00', personName: '刘建华', dutyRole: '党员志愿者' })).body;
    const s2 = (await shuji.request('POST', `${T}/${id}/shifts`, { day: '2026-11-18', starts: '14:00', ends: '17:00', personId: w.persons.tom, dutyRole: '楼门长' })).body;
    assert.equal(s2.personName, '陈涛', 'a registry person’s name is copied');
    await shuji.request('POST', `${T}/${id}/shifts`, { day: '2026-11-24', starts: '09:00', ends: '12:00', personName: '孙桂兰' });
    const week = (await shuji.request('GET', `${T}/${id}`)).body;
    assert.deepEqual(week.days[0], '2026-11-16');
    assert.deepEqual(week.shifts.map((s: { personName: string }) => s.personName), ['陈涛', '刘建华'], 'this week, by day');
    const next = (await shuji.request('GET', `${T}/${id}?week=2026-11-25`)).body;
    assert.deepEqual(next.shifts.map((s: { personName: string }) => s.personName), ['孙桂兰']);
    assert.equal((await shuji.request('DELETE', `${T}/${id}/shifts/${s1.id}`)).status, 200);
    assert.equal((await shuji.request('DELETE', `${T}/${id}/shifts/${s1.id}`)).body.error.code, 'SHIFT_NOT_FOUND');

    const list = (await shuji.request('GET', `${T}?q=党群`)).body;
    assert.equal(list.total, 1);
    assert.equal(list.items[0].hoursText, '周一至周五 09:00–17:00；周六 09:00–12:00');
    assert.equal(list.items[0].canManage, true);
    const xlsx = await env.app.inject({ method: 'GET', url: `${T}/export.xlsx` });
    assert.equal(xlsx.statusCode, 401);

    const alice = await as('13800000001');
    const home = (await alice.request('GET', '/api/me/party/stations')).body;
    assert.equal(home.length, 1);
    assert.equal(home[0].name, '阳光花园党群驿站');
    assert.deepEqual(home[0].hoursToday, [], 'closed on Sundays');
    assert.equal((await alice.request('GET', '/api/me/home')).body.partyStations?.[0]?.id, id, 'the home section');
    const detail = (await alice.request('GET', `/api/me/party/stations/${id}`)).body;
    assert.deepEqual(detail.shifts.map((s: { personName: string }) => s.personName), ['陈涛']);
    assert.equal(detail.shifts[0].personId, undefined, 'no person ids to residents');

    await shuji.request('PUT', `${T}/${id}`, { ...station(), compoundId: undefined, status: 'closed' });
    assert.equal((await alice.request('GET', '/api/me/party/stations')).body.length, 0, 'a closed station is not shown');
    assert.equal((await alice.request('GET', `/api/me/party/stations/${id}`)).status, 404);
  });

  test('access: community staff manage in their community; readers read; others and residents are refused', async () => {
    const shuji = await as('community_secretary');
    const mine = (await shuji.request('POST', T, station({ name: '访问测试驿站' }))).body.id;
    assert.equal((await shuji.request('POST', T, station({ compoundId: w.places.B }))).status, 404, 'compound B is in community C2');
    assert.equal((await shuji.request('POST', T, station({ compoundId: w.places.Z }))).status, 404);
    assert.equal((await (await as('committee_staff')).request('POST', `${T}/${mine}/shifts`, { day: '2026-11-23', starts: '09:00', ends: '10:00', personName: '王淑芬' })).status, 201);
    for (const role of ['platform_admin', 'street_official', 'property_committee_member', 'grid_worker']) {
      const s = await as(role);
      assert.equal((await s.request('GET', `${T}/${mine}`)).status, 200, role);
      assert.ok((await s.request('GET', T)).body.total >= 1, role);
      assert.equal((await s.request('PUT', `${T}/${mine}`, { ...station(), compoundId: undefined })).status, 403, role);
      assert.equal((await s.request('POST', T, station())).status, 403, role);
    }
    // A building leader's grant is on a building: the compound's station is above it (the policy reaches down only).
    assert.equal((await (await as('building_leader')).request('GET', `${T}/${mine}`)).status, 404);
    for (const role of ['property_manager', 'owners_committee_member', 'workplace_party_contact', 'assessor', 'department_reviewer']) {
      const s = await as(role);
      assert.equal((await s.request('GET', T)).status, 403, role);
      assert.equal((await s.request('GET', `${T}/${mine}`)).status, 404, role);
    }
    const alice = await as('13800000001');
    assert.equal((await alice.request('GET', T)).status, 403);
    assert.equal((await alice.request('GET', `${T}/${mine}`)).status, 404);
  });
});
