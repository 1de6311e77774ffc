import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useWorld } from './fixture.ts';
import { ApprovalsSort } from '../kernel/approvals/approvals.ts';
import { newId } from '../kernel/ids.ts';
import { expectSorts } from './sorting.ts';

/** Changing an owner of record and any deletion need a second approver at or above the place. */
const { env, w, signedIn } = useWorld();
const official = signedIn('street_official');
const second = signedIn('street2');
const communityStaff = signedIn('committee_staff');

const owners = async (roomId: string) =>
  (await official.request('GET', `/api/rooms/${roomId}/households`)).body.items
    .filter((h: { relation: string; current: boolean }) => h.current && (h.relation === 'owner' || h.relation === 'co_owner'))
    .map((h: { holderName: string }) => h.holderName);

describe('second approver', () => {
  test('adding an owner waits for approval; the requester cannot approve it; a second approver applies it', async () => {
    const req = await official.request('POST', '/api/households', { roomId: w.rooms.A102, personId: w.persons.tom, relation: 'owner', shareBp: 10000 });
    assert.equal(req.status, 202);
    assert.equal(req.body.status, 'pending');
    assert.deepEqual(await owners(w.rooms.A102), [], 'nothing changed yet');

    const self = await official.request('POST', `/api/approvals/${req.body.approvalId}/approve`, {});
    assert.equal(self.status, 403);
    assert.equal(self.body.error.code, 'APPROVAL_SELF');

    const ok = await communityStaff.request('POST', `/api/approvals/${req.body.approvalId}/approve`, { note: '核对房产证' });
    assert.equal(ok.status, 200);
    assert.deepEqual(await owners(w.rooms.A102), ['陈涛']);

    const again = await second.request('POST', `/api/approvals/${req.body.approvalId}/approve`, {});
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'APPROVAL_NOT_PENDING');
  });

  test('a rejected request changes nothing', async () => {
    const req = await official.request('POST', '/api/households', { roomId: w.rooms.A102, personId: w.persons.bob, relation: 'co_owner', shareBp: 3000 });
    const rej = await second.request('POST', `/api/approvals/${req.body.approvalId}/reject`, { note: '材料不全' });
    assert.equal(rej.status, 200);
    assert.deepEqual(await owners(w.rooms.A102), ['陈涛']);
  });

  test('an approver below the place cannot approve (grant must be at or above)', async () => {
    // A request on a room in community 2: the community-1 staff member is not above it.
    const req = await official.request('POST', '/api/households', { roomId: w.rooms.B101, personId: w.persons.tom, relation: 'co_owner', shareBp: 1000 });
    const res = await communityStaff.request('POST', `/api/approvals/${req.body.approvalId}/approve`, {});
    assert.equal(res.status, 403);
    const list = await communityStaff.request('GET', '/api/approvals?status=pending');
    assert.ok(!list.body.items.some((a: { id: string }) => a.id === req.body.approvalId), 'not even listed to them');
  });

  test('ending an ownership needs approval; ending a tenancy does not', async () => {
    const rows = (await official.request('GET', `/api/rooms/${w.rooms.A101}/households`)).body.items;
    const owner = rows.find((h: { relation: string }) => h.relation === 'owner');
    const end = await official.request('POST', `/api/households/${owner.id}/end`, { endDate: '2026-12-01' });
    assert.equal(end.status, 202);
    assert.deepEqual(await owners(w.rooms.A101), ['王丽']);
    await second.request('POST', `/api/approvals/${end.body.approvalId}/approve`, {});
    assert.deepEqual(await owners(w.rooms.A101), []);

    const tenancy = (await official.request('GET', `/api/rooms/${w.rooms.A201}/households`)).body.items[0];
    const endTenancy = await official.request('POST', `/api/households/${tenancy.id}/end`, { endDate: '2026-12-01' });
    assert.equal(endTenancy.status, 200);
  });

  test('a deletion is applied only on approval, and refused if the record gained references meanwhile', async () => {
    const org = await official.request('POST', '/api/organisations', { placeId: w.places.A, kind: 'social_org', name: '舞蹈队' });
    const del = await official.request('DELETE', `/api/organisations/${org.body.id}`, { reason: '解散' });
    assert.equal(del.status, 202);
    assert.equal((await official.request('GET', `/api/organisations/${org.body.id}`)).status, 200);
    await second.request('POST', `/api/approvals/${del.body.approvalId}/approve`, {});
    assert.equal((await official.request('GET', `/api/organisations/${org.body.id}`)).status, 404);

    const org2 = await official.request('POST', '/api/organisations', { placeId: w.places.A, kind: 'social_org', name: '合唱团' });
    const del2 = await official.request('DELETE', `/api/organisations/${org2.body.id}`, { reason: '解散' });
    await official.request('POST', '/api/positions', { personId: w.persons.tom, organisationId: org2.body.id, title: '团长' });
    const res = await second.request('POST', `/api/approvals/${del2.body.approvalId}/approve`, {});
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'STILL_REFERENCED');
    assert.equal((await official.request('GET', `/api/organisations/${org2.body.id}`)).status, 200, 'still there');
    const pending = await official.request('GET', '/api/approvals?status=pending');
    assert.ok(pending.body.items.some((a: { id: string }) => a.id === del2.body.approvalId), 'the request stays pending');
  });

  test('one person may hold several positions (交叉任职)', async () => {
    const a = await official.request('POST', '/api/positions', { personId: w.persons.alice, organisationId: w.organisations.rcC1, title: '兼职委员' });
    assert.equal(a.status, 201);
    const person = await official.request('GET', `/api/persons/${w.persons.alice}`);
    assert.ok(person.body.positions.length >= 2);
  });
});

describe('sorting the approvals', () => {
  test('by filing time, kind, status and decision time (undecided last), both ways; an unknown column → 400', async () => {
    // Three requests with known values, written as the table holds them (the kinds need no handler to be listed).
    const at = (minutes: number) => new Date(Date.parse('2026-10-01T09:00:00+08:00') + minutes * 60_000);
    const street = (await env.kernel.db.selectFrom('places').select('street_id').where('id', '=', w.places.A).executeTakeFirstOrThrow()).street_id!;
    const rows = [
      { kind: 'zzsort.b', status: 'approved', requested_at: at(2), decided_at: at(30) },
      { kind: 'zzsort.c', status: 'pending', requested_at: at(1), decided_at: null },
      { kind: 'zzsort.a', status: 'rejected', requested_at: at(3), decided_at: at(10) },
    ] as const;
    const ids = rows.map(() => newId()) as [string, string, string];
    await env.kernel.db
      .insertInto('approvals')
      .values(rows.map((r, i) => ({ ...r, street_id: street, id: ids[i]!, place_id: w.places.A, summary: r.kind, payload: '{}', requested_by: w.accounts.street_official })))
      .execute();
    const [b, c, a] = ids;
    await expectSorts(env.kernel, official, '/api/approvals', ApprovalsSort, {
      requestedAt: [c, b, a],
      kind: [a, b, c],
      status: [b, c, a],
      decidedAt: { asc: [a, b, c], desc: [b, a, c] },
    });
  });
});
