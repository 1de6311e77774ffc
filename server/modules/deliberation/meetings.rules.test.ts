import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countRows, expectRefused, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { PASSWORD } from '../../test/fixture.ts';
import { buildMeetingsWorld, meetingAtA, type MeetingsWorld } from './meetings.test-world.ts';

/**
 * The joint meetings' rules: attendees from positions (a person with two posts once, with both), sign-in by QR
 * code and by staff, closing (minutes and attendance required; open items carried to the next meeting), outcomes
 * through the foundation's recordConsultationOutcome, internal minutes kept from the public and the residents,
 * the record PDF, and bad input writing nothing.
 */
let env: TestEnv;
let w: MeetingsWorld;
let secretary: Session;
let resident: Session;
let bob: Session;
const DAY = 86_400_000;
const TABLES = ['dlb_meetings', 'dlb_meeting_attendees', 'dlb_meeting_bodies', 'dlb_meeting_agenda', 'dlb_meeting_positions', 'audit_log', 'notify_messages'];
const PUT = 'PUT' as 'PATCH';

before(async () => {
  env = await startTestEnv();
  w = await buildMeetingsWorld(env.kernel);
  secretary = await signIn(env.app, 'community_secretary');
  resident = await signIn(env.app, '13800000001', PASSWORD);
  bob = await signIn(env.app, '13800000002', PASSWORD);
});
after(() => env.close());

const tomorrow = () => new Date(env.clock.now().getTime() + DAY);
async function convene(extra: Record<string, unknown> = {}) {
  const r = await secretary.request('POST', '/api/deliberation/meetings', meetingAtA(w, tomorrow(), extra));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const m = await secretary.request('GET', `/api/deliberation/meetings/${r.body.id}`);
  assert.equal(m.status, 200, JSON.stringify(m.body));
  return m.body;
}
const stageOf = async (itemId: string) => (await env.kernel.db.selectFrom('dlb_items' as never).select('stage' as never).where('id' as never, '=', itemId as never).executeTakeFirstOrThrow()) as unknown as { stage: string };

test('attendees come from the invited bodies’ current positions: a person with two posts is one attendee with both', async () => {
  const m = await convene();
  const byName = new Map(m.attendees.map((a: { name: string }) => [a.name, a]));
  assert.deepEqual([...byName.keys()].sort(), ['吴敏', '周洁', '王丽', '陈涛'].sort(), 'the ended term (李波) and the other street’s chair (赵泽) are not invited');
  const alice = byName.get('王丽') as { positions: { organisationName: string; title: string }[] };
  assert.deepEqual(
    alice.positions.map((p) => `${p.organisationName} ${p.title}`).sort(),
    ['一社区党委 委员', '阳光花园业委会 主任'].sort(),
  );
  assert.equal(m.attendees.filter((a: { name: string }) => a.name === '王丽').length, 1);
  const tom = byName.get('陈涛') as { positions: { bodyKey: string; title: string }[] };
  assert.deepEqual(tom.positions, [{ bodyKey: 'building_leaders', organisationName: '一社区居委会', title: '楼门长（1栋）' }]);
  // The convener is invited even when not chosen; the bodies are listed once each.
  assert.deepEqual(m.bodies.map((b: { name: string }) => b.name).sort(), ['一社区党委', '一社区居委会', '安和物业', '楼门长', '阳光花园业委会'].sort());
  // The notice reached the invited resident's inbox (王丽's account), by inbox and SMS.
  const inbox = await resident.request('GET', '/api/notify/inbox');
  assert.ok(JSON.stringify(inbox.body).includes('阳光花园联席会议'), JSON.stringify(inbox.body));
  const sms = await env.kernel.db
    .selectFrom('notify_messages as n')
    .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'n.street_id').onRef('b.id', '=', 'n.batch_id'))
    .select(['n.channel'])
    .where('b.template', '=', 'deliberation.meeting_notice')
    .execute();
  assert.ok(sms.some((s) => s.channel === 'sms'), 'the notice is also a text message');
  // The preview answers the same people.
  const preview = await secretary.request('GET', `/api/deliberation/meetings/invitees?placeId=${w.places.A}&bodies=${[w.organisations.ownersCommitteeA, w.orgs.partyC1].join(',')}`);
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.deepEqual(preview.body.invitees.map((i: { name: string }) => i.name), ['王丽']);
  assert.equal(preview.body.invitees[0].positions.length, 2);
});

test('sign-in by QR code: wrong code, not invited, right code, twice; and by staff', async () => {
  const m = await convene();
  const url = `/api/deliberation/meetings/${m.id}/sign-in`;
  await expectRefused(env.kernel, TABLES, () => resident.request('POST', url, { token: 'x'.repeat(22) }), 403, 'SIGN_IN_CODE_WRONG');
  await expectRefused(env.kernel, TABLES, () => bob.request('POST', url, { token: m.signInToken }), 403, 'NOT_INVITED');
  const staffWithoutPerson = await signIn(env.app, 'grid_worker');
  await expectRefused(env.kernel, TABLES, () => staffWithoutPerson.request('POST', url, { token: m.signInToken }), 403, 'NOT_INVITED');
  const audits = (await countRows(env.kernel, ['audit_log'])).audit_log!;
  const first = await resident.request('POST', url, { token: m.signInToken });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.already, false);
  assert.equal((await countRows(env.kernel, ['audit_log'])).audit_log, audits + 1);
  const twice = await resident.request('POST', url, { token: m.signInToken });
  assert.equal(twice.status, 200);
  assert.equal(twice.body.already, true);
  assert.equal(twice.body.signedInAt, first.body.signedInAt);
  assert.equal((await countRows(env.kernel, ['audit_log'])).audit_log, audits + 1, 'no second event');
  const after = await secretary.request('GET', `/api/deliberation/meetings/${m.id}`);
  assert.equal(after.body.status, 'signing_in');
  const alice = after.body.attendees.find((a: { name: string }) => a.name === '王丽');
  assert.equal(alice.signedInVia, 'qr');
  // Staff sign 陈涛 in by hand, and the record says who.
  const tom = after.body.attendees.find((a: { name: string }) => a.name === '陈涛');
  const byStaff = await secretary.request('POST', `/api/deliberation/meetings/${m.id}/attendees/${tom.id}/sign-in`);
  assert.equal(byStaff.status, 200, JSON.stringify(byStaff.body));
  const again = await secretary.request('GET', `/api/deliberation/meetings/${m.id}`);
  const tom2 = again.body.attendees.find((a: { name: string }) => a.name === '陈涛');
  assert.equal(tom2.signedInVia, 'staff');
  assert.equal(tom2.signedInByName, 'community_secretary');
  // The resident's own list shows it signed in, without anything internal.
  const mine = await resident.request('GET', '/api/me/meetings');
  const row = mine.body.items.find((i: { id: string }) => i.id === m.id);
  assert.ok(row.signedInAt);
  assert.equal(row.signInToken, undefined);
});

test('closing needs minutes, then attendance; open items go to the next meeting; “decided” moves an item to executing', async () => {
  const [i1, i2] = w.items as [string, string];
  const m = await convene({ itemIds: [i1, i2] });
  const base = `/api/deliberation/meetings/${m.id}`;
  await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${base}/close`), 409, 'MINUTES_REQUIRED');
  assert.equal((await secretary.request(PUT, `${base}/minutes`, { minutes: '议定充电棚建设。', minutesPublic: false })).status, 200);
  await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${base}/close`), 409, 'ATTENDANCE_REQUIRED');
  const positions = await secretary.request(PUT, `${base}/agenda/${i1}/positions`, {
    positions: [
      { bodyKey: w.organisations.ownersCommitteeA, stance: 'conditional', note: '先征求 1 栋意见' },
      { bodyKey: w.orgs.partyC1, stance: 'support' },
    ],
  });
  assert.equal(positions.status, 200, JSON.stringify(positions.body));
  await expectRefused(env.kernel, TABLES, () => secretary.request(PUT, `${base}/agenda/${i1}/positions`, { positions: [{ bodyKey: w.organisations.ownersCommitteeZ, stance: 'support' }] }), 400, 'BODY_NOT_FOUND');
  const decided = await secretary.request('POST', `${base}/agenda/${i1}/outcome`, { kind: 'decided', text: '建设充电棚' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.equal(decided.body.stage, 'executing');
  assert.equal((await stageOf(i1)).stage, 'executing');
  await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `${base}/agenda/${i1}/outcome`, { kind: 'decided', text: '再来一次' }), 409, 'OUTCOME_RECORDED');
  const someone = m.attendees.find((a: { name: string }) => a.name === '吴敏');
  assert.equal((await secretary.request('POST', `${base}/attendees/${someone.id}/sign-in`)).status, 200);
  const closed = await secretary.request('POST', `${base}/close`);
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  assert.deepEqual(closed.body.carried, [i2]);
  const shown = await secretary.request('GET', base);
  assert.equal(shown.body.status, 'closed');
  const agenda = new Map(shown.body.agenda.map((g: { itemId: string }) => [g.itemId, g]));
  assert.equal((agenda.get(i1) as { outcomeKind: string }).outcomeKind, 'decided');
  assert.equal((agenda.get(i2) as { outcomeKind: string }).outcomeKind, 'next_meeting');
  assert.equal((await stageOf(i2)).stage, 'consulting', 'carried: still waiting for a meeting');
  const events = await env.kernel.db.selectFrom('dlb_events' as never).select('kind' as never).where('item_id' as never, '=', i2 as never).execute();
  assert.ok((events as unknown as { kind: string }[]).some((e) => e.kind === 'deferred'), 'the item’s timeline records the deferral');
  // A closed meeting changes no more.
  await expectRefused(env.kernel, TABLES, () => secretary.request(PUT, `${base}/minutes`, { minutes: '改写', minutesPublic: true }), 409, 'MEETING_NOT_OPEN');
  // The record PDF, with its title.
  const pdf = await env.app.inject({ method: 'GET', url: `${base}/record.pdf`, headers: await cookieOf(secretary) });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.ok(decodeURIComponent(String(pdf.headers['content-disposition'])).includes('阳光花园联席会议 会议记录'));
  assert.ok(pdfTitle(pdf.rawPayload).includes('阳光花园联席会议'), 'the PDF’s title names the meeting');
});

test('internal minutes are in no public page nor resident answer; public minutes are on the public page', async () => {
  const m = await convene({ itemIds: [w.items[2]] });
  const base = `/api/deliberation/meetings/${m.id}`;
  const SECRET = '内部讨论：物业费调整草案暂不对外';
  assert.equal((await secretary.request(PUT, `${base}/minutes`, { minutes: SECRET, minutesPublic: false })).status, 200);
  const page = await env.app.inject({ method: 'GET', url: `/api/public/deliberation.meeting/${m.id}` });
  assert.equal(page.statusCode, 200, page.body);
  assert.ok(page.body.includes('阳光花园联席会议') && page.body.includes('投放点照明') && page.body.includes('一社区党委'));
  assert.ok(!page.body.includes(SECRET));
  for (const name of ['王丽', '陈涛', '吴敏', '周洁']) assert.ok(!page.body.includes(name), `no person's name on the public page (${name})`);
  for (const url of ['/api/me/meetings', `/api/me/meetings/${m.id}`, '/api/me/meetings?upcoming=true']) {
    const r = await resident.request('GET', url);
    assert.equal(r.status, 200, url);
    assert.ok(!JSON.stringify(r.body).includes(SECRET), url);
    assert.ok(!JSON.stringify(r.body).includes(m.signInToken), url);
  }
  // A resident not invited gets no notice page.
  assert.equal((await bob.request('GET', `/api/me/meetings/${m.id}`)).status, 404);
  assert.equal((await secretary.request(PUT, `${base}/minutes`, { minutes: SECRET, minutesPublic: true })).status, 200);
  const shown = await env.app.inject({ method: 'GET', url: `/api/public/deliberation.meeting/${m.id}` });
  assert.ok(shown.body.includes(SECRET), 'public minutes are shown');
});

test('bad input answers 4xx with a code and writes nothing', async () => {
  const bad: [Record<string, unknown>, number, string][] = [
    [{ ...meetingAtA(w, tomorrow()), placeId: w.places.A1.building }, 400, 'MEETING_PLACE_KIND'],
    [meetingAtA(w, new Date(env.clock.now().getTime() - 60_000)), 400, 'STARTS_IN_PAST'],
    [meetingAtA(w, tomorrow(), { convenerOrgId: w.organisations.ownersCommitteeA }), 400, 'CONVENER_NOT_FOUND'],
    [meetingAtA(w, tomorrow(), { bodies: [w.organisations.ownersCommitteeZ] }), 400, 'BODY_NOT_FOUND'],
    [meetingAtA(w, tomorrow(), { itemIds: [w.itemZ] }), 400, 'ITEM_NOT_CONSULTING'],
    [meetingAtA(w, tomorrow(), { title: '' }), 400, 'VALIDATION'],
    [meetingAtA(w, tomorrow(), { kind: 'party' }), 400, 'VALIDATION'],
    [meetingAtA(w, tomorrow(), { bodies: [] }), 400, 'VALIDATION'],
  ];
  for (const [body, status, code] of bad) {
    const r = await secretary.request('POST', '/api/deliberation/meetings', body);
    if (code === 'VALIDATION') {
      assert.equal(r.status, status, JSON.stringify(body));
      continue;
    }
    await expectRefused(env.kernel, TABLES, async () => r, status, code);
  }
  const before = await countRows(env.kernel, TABLES);
  for (const body of [{ kind: 'refer_vote', text: 'x', voteTitle: '表决', matter: 12 }, { kind: 'decided', text: '' }, { kind: 'maybe' }]) {
    const r = await secretary.request('POST', `/api/deliberation/meetings/00000000-0000-4000-8000-000000000000/agenda/${w.items[0]}/outcome`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
  assert.deepEqual(await countRows(env.kernel, TABLES), before);
});

async function cookieOf(s: Session) {
  // The harness's session sends its own cookie; for a raw inject (binary answer) sign in once more.
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: s.login, password: PASSWORD } });
  return { cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}` };
}

/** The PDF's Title from its info dictionary (PDFKit writes it as UTF-16BE hex or as a literal string). */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Title\s*<([0-9a-fA-F]+)>/.exec(text);
  if (hex) {
    const bytes = Buffer.from(hex[1]!, 'hex');
    const start = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
    let out = '';
    for (let i = start; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  // PDFKit writes the Title as an object of its own: /Title 13 0 R … 13 0 obj (…).
  const ref = /\/Title (\d+) 0 R/.exec(text);
  const literal = ref ? new RegExp(`\\n${ref[1]} 0 obj\\n\\(((?:\\\\[\\s\\S]|[^\\\\)])*)\\)`).exec(text) : /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  if (!literal) return '';
  const ESC: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c };
  const bytes: number[] = [];
  const src = literal[1]!;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = src[++i]!;
    bytes.push(ESC[next] ?? next.charCodeAt(0));
  }
  const raw = Buffer.from(bytes);
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw[i]! << 8) | raw[i + 1]!);
    return out;
  }
  return raw.toString('utf8');
}

test('a new time is notified again; files are checked and kept; the list sorts and filters; the convener’s to-dos', async () => {
  const { expectSorts } = await import('../../test/sorting.ts');
  const { MeetingsSort } = await import('./meetings.schemas.ts');
  const m = await convene({ title: '改期的会议' });
  const batches = async () => (await env.kernel.db.selectFrom('notify_batches').select('data').where('subject_id', '=', m.id).execute()).length;
  assert.equal(await batches(), 1);
  assert.equal((await secretary.request('PATCH', `/api/deliberation/meetings/${m.id}`, { title: '改期的会议（标题）' })).status, 200);
  assert.equal(await batches(), 1, 'a new title alone is not notified');
  const later = new Date(env.clock.now().getTime() + 2 * DAY).toISOString();
  assert.equal((await secretary.request('PATCH', `/api/deliberation/meetings/${m.id}`, { startsAt: later })).status, 200);
  assert.equal(await batches(), 2, 'a new time is notified again');
  await expectRefused(env.kernel, TABLES, () => secretary.request('PATCH', `/api/deliberation/meetings/${m.id}`, { startsAt: new Date(env.clock.now().getTime() - DAY).toISOString() }), 400, 'STARTS_IN_PAST');

  // Files: a PDF is kept; a file that is not what it says is refused and not stored.
  const upload = async (name: string, content: Buffer, type: string) => {
    const boundary = 'gzmeetingboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'community_secretary', password: PASSWORD } });
    const cookie = `gz_session=${login.cookies.find((c) => c.name === 'gz_session')!.value}`;
    return env.app.inject({
      method: 'POST',
      url: `/api/deliberation/meetings/${m.id}/attachments`,
      headers: { cookie, 'x-csrf-token': login.json().csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };
  const pdf = await upload('签到表.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf');
  assert.equal(pdf.statusCode, 201, pdf.body);
  const fake = await upload('fake.pdf', Buffer.from('MZ not a pdf at all'), 'application/pdf');
  assert.equal(fake.statusCode, 415, fake.body);
  assert.equal(fake.json().error.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
  const shown = await secretary.request('GET', `/api/deliberation/meetings/${m.id}`);
  assert.deepEqual(shown.body.attachments.map((a: { name: string }) => a.name), ['签到表.pdf']);
  assert.equal((await secretary.request('DELETE', `/api/deliberation/meetings/${m.id}/attachments/${shown.body.attachments[0].id}`)).status, 200);

  // The list: filtered by status and title, and sorted by each column both ways.
  const ids: string[] = [];
  for (const [title, days] of [['排序 B', 3], ['排序 C', 5], ['排序 A', 4]] as const) {
    const r = await secretary.request('POST', '/api/deliberation/meetings', meetingAtA(w, new Date(env.clock.now().getTime() + days * DAY), { title, placeId: w.places.A }));
    ids.push(r.body.id);
  }
  const [b, c, a] = ids as [string, string, string];
  const search = await secretary.request('GET', `/api/deliberation/meetings?q=${encodeURIComponent('排序')}&status=scheduled`);
  assert.deepEqual(search.body.items.map((x: { id: string }) => x.id), [c, a, b], 'latest first by default');
  await expectSorts(env.kernel, secretary, `/api/deliberation/meetings?q=${encodeURIComponent('排序')}`, MeetingsSort, {
    startsAt: [b, a, c],
    title: [a, b, c],
    place: { asc: [b, c, a], desc: [a, c, b] },
    status: { asc: [b, c, a], desc: [a, c, b] },
  });

  // The convener's home: this week's meetings, and items in consultation that no open meeting has on its agenda.
  const home = (await secretary.request('GET', '/api/me/workbench')).body as { todos: { key: string; count: number }[] };
  const week = home.todos.find((x) => x.key === 'meetingsThisWeek');
  const listed = await secretary.request('GET', '/api/deliberation/meetings?when=week');
  assert.ok(listed.body.total >= 4);
  assert.equal(week?.count, listed.body.total, 'the to-do counts what its list shows');
  const waiting = home.todos.find((x) => x.key === 'itemsAwaitingMeeting');
  const candidates = await secretary.request('GET', `/api/deliberation/meetings/agenda-candidates?placeId=${w.places.C1}`);
  const waitingList = await secretary.request('GET', '/api/deliberation/meetings/waiting-items');
  assert.equal(waitingList.status, 200, JSON.stringify(waitingList.body));
  assert.equal(waiting?.count ?? 0, waitingList.body.total, 'the to-do counts what its list shows');
  assert.equal(waitingList.body.total, candidates.body.length, 'items waiting for a meeting: those no open meeting has taken up');
});
