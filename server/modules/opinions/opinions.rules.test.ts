import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { linkDeliberationNow, listPromotedOpinions } from './index.ts';
import { addResidents } from './opinions.test-support.ts';
import { read } from './opinions.db.ts';
import { expectSorts, sortRows, sortTime as at } from '../../test/sorting.ts';
import { InboxSort } from './opinions.schemas.ts';

/** The rules of opinions: me too once, rating by the poster only, moderation, promotion. */
const { env, w, setUp, signedIn } = useWorld();
const r = setUp('the residents', () => addResidents(env, w));
const committee = signedIn('committee_staff');
const propertyStaff = signedIn('property_staff');

const post = async (who: Session, body: Record<string, unknown> = {}) => {
  const res = await who.request('POST', '/api/opinions', {
    visibility: 'public',
    addressee: 'property_company',
    title: '楼道灯坏了',
    body: '2栋1单元三楼楼道灯坏了一周。',
    ...body,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
};
const auditActions = async (subjectId: string) =>
  (await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', subjectId).orderBy('seq').execute()).map((a) => a.action);

describe('posting', () => {
  test('a post lands in the poster\'s compound with the addressee\'s name, and is audited', async () => {
    const o = await post(r.alice, { kind: 'complaint' });
    assert.equal(o.compoundId, w.places.A);
    assert.equal(o.addresseeName, '安和物业');
    assert.equal(o.status, 'open');
    assert.equal(o.mine, true);
    assert.deepEqual(await auditActions(o.id), ['opinions.opinion.posted']);
  });

  test('an addressee the compound does not have is refused', async () => {
    // Compound B is self-managed: no property company, no owners' committee.
    const res = await r.bob.request('POST', '/api/opinions', { visibility: 'private', addressee: 'property_company', title: 't', body: 'b' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'ADDRESSEE_UNAVAILABLE');
    const targets = await r.bob.request('GET', '/api/me/opinion-targets');
    assert.deepEqual(targets.body.items[0].addressees.map((a: { kind: string }) => a.kind), ['residents_committee']);
    const aliceTargets = await r.alice.request('GET', '/api/me/opinion-targets');
    assert.deepEqual(aliceTargets.body.items[0].addressees.map((a: { kind: string }) => a.kind), ['property_company', 'residents_committee', 'owners_committee']);
  });

  test('staff without a home cannot post; a room that is not mine is refused', async () => {
    const res = await committee.request('POST', '/api/opinions', { visibility: 'public', addressee: 'residents_committee', title: 't', body: 'b' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'NOT_A_RESIDENT');
    const other = await r.alice.request('POST', '/api/opinions', { roomId: w.rooms.A102, visibility: 'public', addressee: 'property_company', title: 't', body: 'b' });
    assert.equal(other.status, 400);
    assert.equal(other.body.error.code, 'ROOM_NOT_MINE');
  });
});

describe('me too', () => {
  test('once per resident; not on my own post; not from another compound', async () => {
    const o = await post(r.alice);
    const first = await r.tom.request('POST', `/api/opinions/${o.id}/me-too`);
    assert.equal(first.status, 200);
    assert.equal(first.body.meTooCount, 1);
    assert.equal(first.body.iMeToo, true);
    assert.equal(first.body.can.meToo, false);
    const again = await r.tom.request('POST', `/api/opinions/${o.id}/me-too`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ME_TOO_EXISTS');
    const own = await r.alice.request('POST', `/api/opinions/${o.id}/me-too`);
    assert.equal(own.body.error.code, 'OWN_OPINION');
    assert.equal((await r.bob.request('POST', `/api/opinions/${o.id}/me-too`)).status, 404);
    // Staff are not residents of the compound.
    assert.equal((await propertyStaff.request('POST', `/api/opinions/${o.id}/me-too`)).status, 403);
    const seen = await r.alice.request('GET', `/api/opinions/${o.id}`);
    assert.equal(seen.body.meTooCount, 1);
    const withdrawn = await r.tom.request('DELETE', `/api/opinions/${o.id}/me-too`);
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.meTooCount, 0);
    assert.equal((await r.tom.request('DELETE', `/api/opinions/${o.id}/me-too`)).body.error.code, 'ME_TOO_NOT_FOUND');
    assert.deepEqual(await auditActions(o.id), ['opinions.opinion.posted', 'opinions.me_too.added', 'opinions.me_too.withdrawn']);
  });

  test('a private post cannot be seen, so cannot be seconded', async () => {
    const o = await post(r.alice, { visibility: 'private' });
    assert.equal((await r.tom.request('POST', `/api/opinions/${o.id}/me-too`)).status, 404);
  });
});

describe('answer and rating', () => {
  test('only the poster rates, only after the answer, once', async () => {
    const o = await post(r.alice);
    const early = await r.alice.request('POST', `/api/opinions/${o.id}/rating`, { rating: 5 });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'NOT_ANSWERED');
    const answered = await propertyStaff.request('POST', `/api/opinions/${o.id}/answer`, { answer: '已更换灯泡。' });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.status, 'answered');
    assert.equal(answered.body.answeredByName, 'property_staff');
    const twice = await propertyStaff.request('POST', `/api/opinions/${o.id}/answer`, { answer: '再答一次' });
    assert.equal(twice.body.error.code, 'ALREADY_ANSWERED');
    const neighbour = await r.tom.request('POST', `/api/opinions/${o.id}/rating`, { rating: 1 });
    assert.equal(neighbour.status, 403);
    assert.equal(neighbour.body.error.code, 'ONLY_POSTER_RATES');
    assert.equal((await propertyStaff.request('POST', `/api/opinions/${o.id}/rating`, { rating: 5 })).status, 403);
    const rated = await r.alice.request('POST', `/api/opinions/${o.id}/rating`, { rating: 4, comment: '处理及时' });
    assert.equal(rated.status, 200);
    assert.equal(rated.body.rating, 4);
    assert.equal(rated.body.ratingComment, '处理及时');
    // Residents see who answered as the organisation, not the staff member's name.
    assert.equal(rated.body.answeredByName, null);
    assert.equal(rated.body.addresseeName, '安和物业');
    const again = await r.alice.request('POST', `/api/opinions/${o.id}/rating`, { rating: 5 });
    assert.equal(again.body.error.code, 'ALREADY_RATED');
  });
});

describe('moderation', () => {
  test('a hidden post disappears for residents, stays for officials with the reason, and is audited', async () => {
    const o = await post(r.alice, { title: '隐私示例' });
    await r.tom.request('POST', `/api/opinions/${o.id}/me-too`);
    const hidden = await committee.request('POST', `/api/opinions/${o.id}/hide`, { reason: '含有他人手机号' });
    assert.equal(hidden.status, 200);
    assert.equal(hidden.body.hidden, true);
    assert.equal(hidden.body.hiddenReason, '含有他人手机号');

    // The neighbour: gone from the list and the detail.
    assert.equal((await r.tom.request('GET', `/api/opinions/${o.id}`)).status, 404);
    const list = await r.tom.request('GET', '/api/me/compound-opinions?pageSize=200');
    assert.ok(!list.body.items.some((i: { id: string }) => i.id === o.id));
    assert.equal((await r.tom.request('DELETE', `/api/opinions/${o.id}/me-too`)).status, 404);
    // The poster still sees their post, marked hidden, with the reason.
    const own = await r.alice.request('GET', `/api/opinions/${o.id}`);
    assert.equal(own.status, 200);
    assert.equal(own.body.hidden, true);
    assert.equal(own.body.hiddenReason, '含有他人手机号');
    // Property staff (not moderators) lose it; officials keep it, filterable as hidden.
    assert.equal((await propertyStaff.request('GET', `/api/opinions/${o.id}`)).status, 404);
    const street = await signIn(env.app, 'street_official', PASSWORD);
    const inbox = await street.request('GET', '/api/opinions?status=hidden&pageSize=200');
    const row = inbox.body.items.find((i: { id: string }) => i.id === o.id);
    assert.equal(row.hiddenReason, '含有他人手机号');
    assert.equal(row.hiddenByName, 'committee_staff');
    assert.equal(row.can.unhide, true);
    // Neither answer nor promotion while hidden; restoring brings it back.
    assert.equal((await committee.request('POST', `/api/opinions/${o.id}/hide`, { reason: 'x' })).body.error.code, 'ALREADY_HIDDEN');
    assert.equal((await committee.request('POST', `/api/opinions/${o.id}/promote`, {})).body.error.code, 'HIDDEN');
    const restored = await street.request('POST', `/api/opinions/${o.id}/unhide`);
    assert.equal(restored.status, 200);
    assert.equal((await r.tom.request('GET', `/api/opinions/${o.id}`)).status, 200);
    assert.deepEqual(await auditActions(o.id), ['opinions.opinion.posted', 'opinions.me_too.added', 'opinions.opinion.hidden', 'opinions.opinion.restored']);
    const entry = await read(env.kernel).selectFrom('audit_log').selectAll().where('subject_id', '=', o.id).where('action', '=', 'opinions.opinion.hidden').executeTakeFirstOrThrow();
    assert.equal(entry.place_id, w.places.A);
    assert.ok(entry.before_digest && entry.after_digest && entry.before_digest !== entry.after_digest);
  });
});

describe('deliberation hook', () => {
  test('promoted opinions are listed for the deliberation module, which links its reference', async () => {
    const o = await post(r.alice, { title: '建议增设充电桩' });
    const promoted = await committee.request('POST', `/api/opinions/${o.id}/promote`, { note: '提交联席会议' });
    assert.equal(promoted.body.status, 'promoted');
    assert.equal(promoted.body.promotionNote, '提交联席会议');
    assert.equal((await committee.request('POST', `/api/opinions/${o.id}/promote`, {})).body.error.code, 'ALREADY_PROMOTED');
    // Promoted before the answer: answering keeps it promoted.
    const answered = await propertyStaff.request('POST', `/api/opinions/${o.id}/answer`, { answer: '配合议事流程。' });
    assert.equal(answered.body.status, 'promoted');

    const pending = await listPromotedOpinions(read(env.kernel), { withoutRef: true });
    const item = pending.find((p) => p.id === o.id);
    assert.ok(item, 'listed');
    assert.equal(item.placeId, w.places.A);
    assert.equal(item.title, '建议增设充电桩');
    const scoped = await listPromotedOpinions(read(env.kernel), { underPath: (await read(env.kernel).selectFrom('places').select('path').where('id', '=', w.places.B).executeTakeFirstOrThrow()).path });
    assert.ok(!scoped.some((p) => p.id === o.id), 'scoped to a place');

    await linkDeliberationNow({ kernel: env.kernel, actor: SYSTEM_ACTOR }, o.id, 'DLB-2026-001');
    assert.ok(!(await listPromotedOpinions(read(env.kernel), { withoutRef: true })).some((p) => p.id === o.id));
    const seen = await r.alice.request('GET', `/api/opinions/${o.id}`);
    assert.equal(seen.body.deliberationRef, 'DLB-2026-001');
    const inbox = await committee.request('GET', '/api/opinions?status=promoted');
    assert.ok(inbox.body.items.some((i: { id: string }) => i.id === o.id));
  });
});

describe('inbox filters', () => {
  test('visibility, addressee, kind, search and place narrow the list', async () => {
    const a = await post(r.alice, { visibility: 'private', addressee: 'residents_committee', title: '噪音扰民投诉', kind: 'complaint' });
    const get = async (qs: string) => (await committee.request('GET', `/api/opinions?pageSize=200&${qs}`)).body.items.map((i: { id: string }) => i.id);
    assert.ok((await get('visibility=private')).includes(a.id));
    assert.ok(!(await get('visibility=public')).includes(a.id));
    assert.ok((await get('addressee=residents_committee&kind=complaint')).includes(a.id));
    assert.ok(!(await get('addressee=property_company')).includes(a.id));
    assert.deepEqual(await get(`q=${encodeURIComponent('噪音')}`), [a.id]);
    assert.ok((await get(`placeId=${w.places.A1.building}`)).includes(a.id));
    assert.ok(!(await get(`placeId=${w.places.A2.building}`)).includes(a.id));
    assert.deepEqual(await get(`q=${encodeURIComponent('100%_')}`), []);
  });
});

describe('inbox sorting', () => {
  test('by each column, both ways (no rating yet: last either way); an unknown column → 400', async () => {
    const answered = (minutes: number, rating: number | null) => ({ answer: '已处理', answered_at: at(minutes), answered_by_name: '居委会', rating });
    const values = [
      { created_at: at(2), title: 'Sort B', kind: 'suggestion', visibility: 'public', addressee: 'property_company', room_id: w.rooms.A102, status: 'answered', ...answered(10, 4) },
      { created_at: at(0), title: 'Sort C', kind: 'complaint', visibility: 'private', addressee: 'residents_committee', room_id: w.rooms.A201, status: 'promoted', promoted_at: at(20), ...answered(11, 2) },
      { created_at: at(1), title: 'Sort A', kind: 'suggestion', visibility: 'public', addressee: 'owners_committee', room_id: w.rooms.A101, status: 'open', ...answered(12, null) },
    ] as const;
    const [o1, o2, o3] = await sortRows(
      values,
      async () => (await post(r.alice)).id,
      (id, v) => read(env.kernel).updateTable('op_opinions').set(v).where('id', '=', id).execute(),
    );
    await expectSorts(env.kernel, committee, `/api/opinions?placeId=${w.places.A}`, InboxSort, {
      createdAt: [o2, o3, o1],
      title: [o3, o1, o2],
      kind: [o2, o1, o3],
      visibility: [o2, o1, o3],
      addressee: [o3, o1, o2],
      compoundName: [o3, o1, o2],
      status: [o1, o3, o2],
      rating: { asc: [o2, o1, o3], desc: [o1, o2, o3] },
    });
  });
});
