import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { addResidents, fetcher, samples, uploader } from './notices.test-support.ts';
import { read } from './notices.db.ts';
import { expectSorts, sortRows, sortTime as at } from '../../test/sorting.ts';
import { NoticesSort } from './notices.schemas.ts';

/** The rules of notices: read receipts and counts, unread reminders, validity by the clock, pinning, attachments, PDF. */
const { env, w, setUp, signedIn } = useWorld();
const r = setUp('the residents', () => addResidents(env, w));
const committee = signedIn('committee_staff');
const property = signedIn('property_staff');

const DAY = 24 * 60 * 60_000;
const publish = async (who: Session, extra: Record<string, unknown> = {}) => {
  const res = await who.request('POST', '/api/notices', { placeId: w.places.A, category: 'announcement', title: '通知', body: '正文', publish: true, ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
};
const unreadCount = async (s: Session) => (await s.request('GET', '/api/me/notices/unread-count')).body.count as number;
const myIds = async (s: Session, qs = '') => (await s.request('GET', `/api/me/notices?pageSize=200${qs}`)).body.items.map((i: { id: string }) => i.id) as string[];

describe('read receipts', () => {
  test('read counts for the publisher, unread counts and lists for residents', async () => {
    const before = await unreadCount(r.alice);
    const a = await publish(committee, { title: '停水通知' });
    const b = await publish(committee, { title: '会议通知', category: 'meeting' });
    assert.equal(await unreadCount(r.alice), before + 2);
    assert.equal(a.readCount, 0);
    // Resident accounts living under compound A: 王丽 and 陈涛.
    assert.equal(a.reach, 2);

    const first = await r.alice.request('POST', `/api/notices/${a.id}/read`);
    assert.deepEqual(first.body, { read: true, firstRead: true });
    const again = await r.alice.request('POST', `/api/notices/${a.id}/read`);
    assert.deepEqual(again.body, { read: true, firstRead: false });
    assert.equal(await unreadCount(r.alice), before + 1);
    assert.ok(!(await myIds(r.alice, '&unread=true')).includes(a.id));
    assert.ok((await myIds(r.alice, '&unread=true')).includes(b.id));
    const mine = (await r.alice.request('GET', `/api/me/notices/${a.id}`)).body;
    assert.equal(mine.read, true);

    await r.tom.request('POST', `/api/notices/${a.id}/read`);
    const seen = (await committee.request('GET', `/api/notices/${a.id}`)).body;
    assert.equal(seen.readCount, 2);
    const listed = (await committee.request('GET', '/api/notices?pageSize=200')).body.items.find((i: { id: string }) => i.id === a.id);
    assert.equal(listed.readCount, 2);
    assert.equal(listed.reach, 2);

    // One audit entry per first read, none for repeats.
    const reads = await read(env.kernel).selectFrom('audit_log').select('actor_id').where('subject_id', '=', a.id).where('action', '=', 'notices.notice.read').execute();
    assert.equal(reads.length, 2);
  });

  test('staff and residents elsewhere leave no receipt', async () => {
    const a = await publish(committee);
    const staffRead = await committee.request('POST', `/api/notices/${a.id}/read`);
    assert.equal(staffRead.status, 403);
    assert.equal(staffRead.body.error.code, 'NOT_FOR_ME');
    assert.equal((await r.bob.request('POST', `/api/notices/${a.id}/read`)).status, 404);
    assert.equal((await committee.request('GET', `/api/notices/${a.id}`)).body.readCount, 0);
  });
});

describe('validity and status', () => {
  test('drafts and withdrawn notices never reach residents', async () => {
    const draft = await publish(committee, { publish: false, title: '草稿' });
    assert.equal(draft.status, 'draft');
    assert.ok(!(await myIds(r.alice)).includes(draft.id));
    const published = await committee.request('POST', `/api/notices/${draft.id}/publish`);
    assert.equal(published.body.status, 'published');
    assert.ok((await myIds(r.alice)).includes(draft.id));
    assert.equal((await committee.request('POST', `/api/notices/${draft.id}/publish`)).body.error.code, 'ALREADY_PUBLISHED');
    const withdrawn = await committee.request('POST', `/api/notices/${draft.id}/withdraw`, { reason: '时间有变' });
    assert.equal(withdrawn.body.status, 'withdrawn');
    assert.equal(withdrawn.body.withdrawReason, '时间有变');
    assert.ok(!(await myIds(r.alice)).includes(draft.id));
    assert.equal((await committee.request('PATCH', `/api/notices/${draft.id}`, { title: '改' })).body.error.code, 'WITHDRAWN');
    const actions = (await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', draft.id).orderBy('seq').execute()).map((a) => a.action);
    // Publishing tells the residents (announced) in the same transaction as the publication's own entry.
    assert.deepEqual(actions, ['notices.notice.created', 'notices.notice.announced', 'notices.notice.published', 'notices.notice.withdrawn']);
  });

  test('pinned notices come first; a published notice keeps its place', async () => {
    const plain = await publish(committee, { title: '普通' });
    const pinned = await publish(committee, { title: '置顶', pinned: false });
    await committee.request('PATCH', `/api/notices/${pinned.id}`, { pinned: true });
    const ids = await myIds(r.alice);
    assert.ok(ids.indexOf(pinned.id) < ids.indexOf(plain.id));
    const moved = await committee.request('PATCH', `/api/notices/${plain.id}`, { placeId: w.places.A1.building });
    assert.equal(moved.status, 409);
    assert.equal(moved.body.error.code, 'PLACE_FIXED');
    const order = await committee.request('PATCH', `/api/notices/${plain.id}`, { validFrom: '2026-12-01', validUntil: '2026-11-30' });
    assert.equal(order.body.error.code, 'VALIDITY_ORDER');
  });
});

describe('publishers', () => {
  test('a property company publishes to its compound under its own name, not to the community', async () => {
    const n = await publish(property, { title: '电梯维保' });
    assert.equal(n.publisherKind, 'property');
    assert.equal(n.issuer, '安和物业');
    const community = await property.request('POST', '/api/notices', { placeId: w.places.C1, category: 'announcement', title: 'x', body: '' });
    assert.equal(community.status, 404);
    const building = await property.request('POST', '/api/notices', { placeId: w.places.A1.building, category: 'announcement', title: '1栋停电', body: '' });
    assert.equal(building.status, 201);
    // An official signs as their place's residents' committee by default.
    const official = await publish(committee);
    assert.equal(official.issuer, '一社区居民委员会');
  });
});

describe('attachments and printing', () => {
  test('an image and a PDF attach, residents download them, the PDF prints with the image', async () => {
    const n = await publish(committee, { title: '消防演练通知', body: '各位居民：\n本周五下午三点进行消防演练。' });
    const upload = await uploader(env.app, 'committee_staff');
    const png = await samples.png();
    const withImage = await upload(n.id, '演练路线.png', 'image/png', png);
    assert.equal(withImage.status, 201, JSON.stringify(withImage.body));
    assert.equal(withImage.body.attachments[0].name, '演练路线.png');
    assert.equal(withImage.body.attachments[0].mime, 'image/png');
    const withPdf = await upload(n.id, 'plan', 'application/octet-stream', samples.pdf);
    assert.equal(withPdf.status, 201);
    assert.equal(withPdf.body.attachments[1].name, 'plan.pdf', 'an extension is added from the content');

    const resident = await fetcher(env.app, '13800000001');
    const got = await resident(`/api/notices/${n.id}/attachments/${withImage.body.attachments[0].id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/png');
    assert.ok(got.rawPayload.equals(png));
    // Every attachment is a download under a sandboxing CSP, never a document of our origin.
    const gotPdf = await resident(`/api/notices/${n.id}/attachments/${withPdf.body.attachments[1].id}`);
    assert.equal(gotPdf.headers['content-type'], 'application/pdf');
    for (const res of [got, gotPdf]) {
      assert.match(String(res.headers['content-disposition']), /^attachment; /);
      assert.equal(res.headers['content-security-policy'], "sandbox; default-src 'none'");
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
    const stranger = await fetcher(env.app, '13800000003');
    assert.equal((await stranger(`/api/notices/${n.id}/attachments/${withImage.body.attachments[0].id}`)).statusCode, 404);

    const staff = await fetcher(env.app, 'committee_staff');
    const pdf = await staff(`/api/notices/${n.id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.rawPayload.length > 5000);
    // Residents read the live page; printing is the publisher's.
    assert.equal((await resident(`/api/notices/${n.id}/pdf`)).statusCode, 404);

    const removed = await committee.request('DELETE', `/api/notices/${n.id}/attachments/${withPdf.body.attachments[1].id}`);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.attachments.length, 1);
  });
});

describe('sorting', () => {
  test('the list by each column, both ways (drafts last by publication either way); an unknown column → 400', async () => {
    const values = [
      { title: 'Sort A', category: 'meeting', place_id: w.places.A, pinned: true, valid_from: '2026-10-01', published_at: at(1) },
      { title: 'Sort B', category: 'announcement', place_id: w.places.C1, pinned: false, valid_from: '2026-10-03', published_at: at(2) },
      { title: 'Sort C', category: 'policy', place_id: w.places.G1, pinned: false, valid_from: '2026-10-02', published_at: null, status: 'draft' },
    ] as const;
    const [n1, n2, n3] = await sortRows(
      values,
      async () => (await publish(committee)).id,
      (id, v) => read(env.kernel).updateTable('ntc_notices').set(v).where('id', '=', id).execute(),
    );
    await expectSorts(env.kernel, committee, `/api/notices?placeId=${w.places.C1}`, NoticesSort, {
      pinned: [n3, n2, n1],
      title: [n1, n2, n3],
      category: [n2, n1, n3],
      place: [n2, n3, n1],
      validFrom: [n1, n3, n2],
      publishedAt: { asc: [n1, n2, n3], desc: [n2, n1, n3] },
    });
  });
});

describe('validity by the clock (last: moving the clock ends every session)', () => {
  test('a notice shows from its first day to its last, in Asia/Shanghai days', async () => {
    // The clock starts at 2026-11-22 09:00 in Shanghai. Idle sessions expire as it moves: sign in again each time.
    const later = await publish(committee, { title: '明天起', validFrom: '2026-11-23', validUntil: '2026-11-24' });
    assert.equal(later.effectiveStatus, 'scheduled');
    assert.ok(!(await myIds(r.alice)).includes(later.id));
    assert.equal((await r.alice.request('GET', `/api/me/notices/${later.id}`)).status, 404);
    const before = await unreadCount(r.alice);
    const move = async (ms: number) => {
      env.clock.advance(ms);
      return { alice: await signIn(env.app, '13800000001', PASSWORD), staff: await signIn(env.app, 'committee_staff', PASSWORD) };
    };

    let s = await move(DAY); // 2026-11-23 09:00
    assert.ok((await myIds(s.alice)).includes(later.id));
    assert.equal(await unreadCount(s.alice), before + 1);
    assert.equal((await s.staff.request('GET', `/api/notices/${later.id}`)).body.effectiveStatus, 'active');

    s = await move(DAY + 14 * 60 * 60_000); // 2026-11-24 23:00, the last day: still shown
    assert.ok((await myIds(s.alice)).includes(later.id));
    s = await move(60 * 60_000); // 2026-11-25 00:00 in Shanghai (16:00 UTC the day before)
    assert.ok(!(await myIds(s.alice)).includes(later.id));
    assert.equal(await unreadCount(s.alice), before);
    assert.equal((await s.staff.request('GET', `/api/notices/${later.id}`)).body.effectiveStatus, 'expired');
    const expired = (await s.staff.request('GET', '/api/notices?status=expired&pageSize=200')).body.items.map((i: { id: string }) => i.id);
    assert.ok(expired.includes(later.id));
    assert.equal((await s.alice.request('POST', `/api/notices/${later.id}/read`)).status, 404);
  });
});
