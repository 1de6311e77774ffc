import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffRole } from '../../kernel/access/roles.ts';
import { STAFF_ROLES } from '../../kernel/access/roles.ts';
import { deliverDue } from '../../kernel/notify/deliver.ts';
import { countRows, expectRefused } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { DEFAULT_RULES } from './decisions.constants.ts';
import { addOwners } from './decisions.test-world.ts';
import { decisionsDriver } from './decisions.test-driver.ts';

/**
 * Decisions 2/4 through the HTTP API, on the hand-worked owners of decisions.test-world.ts, voting at building 3栋
 * (3 heads: 波 180.00 m², 蔡/戴 100.00 m², the developer 175.25 m²): personal paper sheets, paper ballots that count
 * only after a second user's check, invalid sheets, precedence across channels, proxies with a cap, a power of
 * attorney and revocation, proof of notice, and the canvassers' tap-to-call.
 */
const { env, w, setUp } = useWorld();
const owners = setUp('the owners of compound A', () => addOwners(w));
const DAY = 24 * 60 * 60_000;
const TABLES = ['dec_sheets', 'dec_ballots', 'dec_proxies', 'dec_proofs', 'notify_messages'];
/** Files kept in the test's memory store: a refused upload must leave none. */
const storedFiles = () => (env.kernel.files as { size?: () => number }).size?.() ?? -1;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const { as, advance, cookieOf, postForm, lastCode, ballotsOf, openDecision, open, putRulesInForce } = decisionsDriver(env, w, owners);

const scan = { field: 'scan', name: '表决票.png', type: 'image/png', content: PNG };
const enter = (login: string, id: string, sheet: string, fields: Record<string, string> = { choices: '{"1":"for"}' }) =>
  postForm(login, `/api/decisions/${id}/paper-ballots`, { sheet, ...fields }, scan);
const registerProxy = (id: string, entryId: string, phone: string, name = '王受托') =>
  postForm('committee_staff', `/api/decisions/${id}/proxies`, { entryId, name, phone }, { field: 'poa', name: '授权委托书.png', type: 'image/png', content: PNG });

async function sheetCodes(id: string): Promise<Record<string, string>> {
  const list = await (await as('committee_staff')).request('GET', `/api/decisions/${id}/sheets?status=issued&pageSize=100`);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  return Object.fromEntries(list.body.items.map((s: { entryId: string; code: string }) => [s.entryId, s.code]));
}
const participating = async (id: string) => (await (await as('owners_committee_member')).request('GET', `/api/decisions/${id}`)).body.progress.participating;

describe('paper ballots under the default rules (online prevails, no revote)', () => {
  let d = { id: '', entries: { bo: '', cai: '', developer: '' } };
  let codes: Record<string, string> = {};
  let voidedCode = '';

  test('sheets: one per head of the building, issued once; a replacement voids the first; the PDF has a page per sheet', async () => {
    d = await openDecision('3栋外墙维修（纸质票）');
    const staff = await as('committee_staff');
    const issued = await staff.request('POST', `/api/decisions/${d.id}/sheets`, { building: '3栋' });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.equal(issued.body.issued, 3, 'three heads in 3栋, the developer’s among them');
    assert.equal((await staff.request('POST', `/api/decisions/${d.id}/sheets`, {})).body.issued, 0, 'printing again prints the same sheets');
    codes = await sheetCodes(d.id);
    assert.equal(Object.keys(codes).length, 3);
    for (const code of Object.values(codes)) assert.match(code, /^[0-9A-HJ-NP-Z]{8}$/);
    // A sheet found by the URL its QR code carries, as a scanner types it.
    const byQr = await staff.request('GET', `/api/decisions/${d.id}/sheets/by-code/${encodeURIComponent(`http://x/decisions/${d.id}/paper?sheet=${codes[d.entries.cai]}`)}`);
    assert.equal(byQr.status, 200, JSON.stringify(byQr.body));
    assert.equal(byQr.body.sheet.entryId, d.entries.cai);
    assert.deepEqual(byQr.body.items, [{ no: 1, title: '使用维修资金维修3栋外墙' }]);

    const sheets = (await staff.request('GET', `/api/decisions/${d.id}/sheets?pageSize=100`)).body.items as { id: string; entryId: string; code: string }[];
    const first = sheets.find((s) => s.entryId === d.entries.developer)!;
    const replaced = await staff.request('POST', `/api/decisions/${d.id}/sheets/${first.id}/replace`, { reason: '业主遗失' });
    assert.equal(replaced.status, 201, JSON.stringify(replaced.body));
    assert.notEqual(replaced.body.code, first.code);
    voidedCode = first.code;
    codes = await sheetCodes(d.id);
    assert.equal(codes[d.entries.developer], replaced.body.code);

    const pdf = await env.app.inject({ method: 'GET', url: `/api/decisions/${d.id}/sheets.pdf?building=${encodeURIComponent('3栋')}`, headers: await cookieOf('committee_staff') });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 3, 'one page per live sheet');
    const one = await env.app.inject({ method: 'GET', url: `/api/decisions/${d.id}/sheets/${first.id}/pdf`, headers: await cookieOf('committee_staff') });
    assert.equal(one.statusCode, 200);
  });

  test('a paper ballot counts only after a different user checks it; a mismatch counts only once corrected and checked', async () => {
    await open(d.id);
    const voided = await enter('committee_staff', d.id, voidedCode);
    assert.deepEqual([voided.status, voided.body.error.code], [409, 'SHEET_VOID']);
    assert.match(voided.body.error.message, new RegExp(codes[d.entries.developer]!), 'the message names the replacement');
    const entered = await enter('committee_staff', d.id, codes[d.entries.cai]!);
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    assert.equal(entered.body.status, 'entered');
    assert.match(entered.body.scanSha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(await participating(d.id), { heads: 0, areaCenti: 0 }, 'entered is not counted');
    const again = await enter('owners_committee_member', d.id, codes[d.entries.cai]!);
    assert.deepEqual([again.status, again.body.error.code], [409, 'SHEET_ALREADY_ENTERED']);

    const staff = await as('committee_staff');
    const url = `/api/decisions/${d.id}/paper-ballots/${entered.body.id}`;
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', `${url}/check`, { verdict: 'match' }), 409, 'SAME_USER_CHECK');
    const checker = await as('owners_committee_member');
    const mismatch = await checker.request('POST', `${url}/check`, { verdict: 'mismatch', note: '扫描件勾选的是反对' });
    assert.equal(mismatch.body.status, 'mismatched', JSON.stringify(mismatch.body));
    assert.deepEqual(await participating(d.id), { heads: 0, areaCenti: 0 }, 'a mismatch does not count');
    await expectRefused(env.kernel, TABLES, () => checker.request('POST', `${url}/check`, { verdict: 'match' }), 409, 'BALLOT_NOT_AWAITING');
    const corrected = await checker.request('POST', `${url}/correct`, { choices: { 1: 'against' } });
    assert.equal(corrected.body.status, 'entered', JSON.stringify(corrected.body));
    // The corrector entered it now: the first user checks it.
    await expectRefused(env.kernel, TABLES, () => checker.request('POST', `${url}/check`, { verdict: 'match' }), 409, 'SAME_USER_CHECK');
    const counted = await staff.request('POST', `${url}/check`, { verdict: 'match' });
    assert.equal(counted.body.status, 'counted', JSON.stringify(counted.body));
    assert.deepEqual(counted.body.choices, { 1: 'against' });
    assert.deepEqual(await participating(d.id), { heads: 1, areaCenti: 10000 });

    // Both owners of the head hear it, in the inbox (and by SMS: the template has a text).
    for (const login of [owners.logins.cai.phone, owners.logins.dai.phone]) {
      const inbox = await (await as(login)).request('GET', '/api/notify/inbox');
      assert.ok(inbox.body.items.some((m: { title: string; body: string }) => m.title.includes('3栋外墙维修（纸质票）') && m.body.includes('纸质表决票')), `${login} told`);
    }
    const mine = (await (await as(owners.logins.cai.phone)).request('GET', `/api/me/decisions/${d.id}`)).body;
    assert.deepEqual(mine.ballots.map((b: { channel: string; status: string }) => [b.channel, b.status]), [['paper', 'counted']]);
  });

  test('an invalid sheet is recorded with its reason and is neither a vote nor an abstention', async () => {
    const missing = await enter('committee_staff', d.id, codes[d.entries.developer]!, { invalidReason: 'other' });
    assert.deepEqual([missing.status, missing.body.error.code], [400, 'INVALID_NOTE_REQUIRED']);
    const entered = await enter('committee_staff', d.id, codes[d.entries.developer]!, { invalidReason: 'double_mark' });
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    const checked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${entered.body.id}/check`, { verdict: 'match' });
    assert.equal(checked.body.status, 'invalid');
    assert.equal(checked.body.invalidReason, 'double_mark');
    assert.deepEqual(await participating(d.id), { heads: 1, areaCenti: 10000 }, 'not a participant, so not an abstention either');
  });

  test('online beats paper by default: the paper ballot checked after an online one is kept as duplicate; online after paper displaces it', async () => {
    // 波 votes online, then his paper sheet comes in.
    const bo = await as(owners.logins.bo.phone);
    assert.equal((await bo.request('POST', `/api/me/decisions/${d.id}/ballot-code`)).status, 200);
    const online = await bo.request('POST', `/api/me/decisions/${d.id}/ballot`, { entryId: d.entries.bo, choices: { 1: 'for' }, code: lastCode(owners.logins.bo.phone), requestKey: 'bo-online-0001' });
    assert.equal(online.status, 201, JSON.stringify(online.body));
    const paper = await enter('committee_staff', d.id, codes[d.entries.bo]!, { choices: '{"1":"against"}' });
    const checked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${paper.body.id}/check`, { verdict: 'match' });
    assert.equal(checked.body.status, 'duplicate');
    const rows = await ballotsOf(d.id);
    assert.deepEqual(
      rows.filter((r) => r.entry_id === d.entries.bo).map((r) => [r.channel, r.status, r.duplicate_of]).sort(),
      [['online', 'counted', null], ['paper', 'duplicate', online.body.id]],
    );
    // 蔡 voted on paper (counted above), then votes online: online prevails, the paper ballot becomes the duplicate.
    advance(61_000);
    const cai = await as(owners.logins.cai.phone);
    await cai.request('POST', `/api/me/decisions/${d.id}/ballot-code`);
    const caiOnline = await cai.request('POST', `/api/me/decisions/${d.id}/ballot`, { entryId: d.entries.cai, choices: { 1: 'for' }, code: lastCode(owners.logins.cai.phone), requestKey: 'cai-online-0001' });
    assert.equal(caiOnline.status, 201, JSON.stringify(caiOnline.body));
    const caiRows = (await ballotsOf(d.id)).filter((r) => r.entry_id === d.entries.cai);
    assert.deepEqual(caiRows.map((r) => [r.channel, r.status, r.duplicate_of]).sort(), [['online', 'counted', null], ['paper', 'duplicate', caiOnline.body.id]]);
    assert.deepEqual(await participating(d.id), { heads: 2, areaCenti: 28000 }, 'each head once');
    assert.equal(caiRows.length, 2, 'nothing deleted');
  });
});

describe('paper beats online where the rules say so; proxies under a cap of one', () => {
  let d = { id: '', entries: { bo: '', cai: '', developer: '' } };
  let codes: Record<string, string> = {};

  test('paper prevails: the online ballot becomes the duplicate, and a later online ballot is refused', async () => {
    await putRulesInForce(
      { ...DEFAULT_RULES, prevails: { value: 'paper', clause: '议事规则第二十二条：以纸质表决票为准' }, proxyCap: { value: 1, clause: '议事规则第二十三条' } },
      '议事规则（纸质优先）',
    );
    d = await openDecision('3栋电梯更换（纸质优先）');
    await (await as('committee_staff')).request('POST', `/api/decisions/${d.id}/sheets`, {});
    codes = await sheetCodes(d.id);
    await open(d.id);
    const bo = await as(owners.logins.bo.phone);
    await bo.request('POST', `/api/me/decisions/${d.id}/ballot-code`);
    const online = await bo.request('POST', `/api/me/decisions/${d.id}/ballot`, { entryId: d.entries.bo, choices: { 1: 'for' }, code: lastCode(owners.logins.bo.phone), requestKey: 'bo-online-0101' });
    assert.equal(online.status, 201, JSON.stringify(online.body));
    const paper = await enter('committee_staff', d.id, codes[d.entries.bo]!, { choices: '{"1":"against"}' });
    const checked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${paper.body.id}/check`, { verdict: 'match' });
    assert.equal(checked.body.status, 'counted');
    const rows = (await ballotsOf(d.id)).filter((r) => r.entry_id === d.entries.bo);
    assert.deepEqual(rows.map((r) => [r.channel, r.status, r.duplicate_of]).sort(), [['online', 'duplicate', paper.body.id], ['paper', 'counted', null]]);
    advance(61_000);
    const bo2 = await as(owners.logins.bo.phone);
    await bo2.request('POST', `/api/me/decisions/${d.id}/ballot-code`);
    const refused = await bo2.request('POST', `/api/me/decisions/${d.id}/ballot`, { entryId: d.entries.bo, choices: { 1: 'for' }, code: lastCode(owners.logins.bo.phone), requestKey: 'bo-online-0102' });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'PAPER_PREVAILS']);
    assert.equal((await bo2.request('GET', `/api/me/decisions/${d.id}`)).body.entries[0].canVote, false);
  });

  test('a proxy over the cap is refused; a revoked proxy cannot vote; a proxy ballot counts only after its power of attorney is checked', async () => {
    const first = await registerProxy(d.id, d.entries.cai, '13900000001');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'pending');
    const before = [await countRows(env.kernel, TABLES), storedFiles()];
    const overCap = await registerProxy(d.id, d.entries.developer, '139 0000 0001');
    assert.deepEqual([overCap.status, overCap.body.error.code], [409, 'PROXY_CAP_REACHED']);
    assert.deepEqual([await countRows(env.kernel, TABLES), storedFiles()], before, 'a refused registration leaves nothing, not even its file');
    assert.ok(storedFiles() > 0);
    const twice = await registerProxy(d.id, d.entries.cai, '13900000002');
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'PROXY_EXISTS']);
    // 蔡 and 戴 are told, and may revoke.
    const cai = await as(owners.logins.cai.phone);
    const mine = (await cai.request('GET', `/api/me/decisions/${d.id}`)).body;
    assert.deepEqual(mine.proxies.map((p: { proxyName: string; canRevoke: boolean }) => [p.proxyName, p.canRevoke]), [['王**', true]]);
    const revoked = await cai.request('POST', `/api/me/decisions/${d.id}/proxies/${first.body.id}/revoke`);
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const byRevoked = await enter('committee_staff', d.id, codes[d.entries.cai]!, { choices: '{"1":"for"}', byProxy: 'true' });
    assert.deepEqual([byRevoked.status, byRevoked.body.error.code], [409, 'PROXY_REVOKED']);

    // Another proxy, now under the cap again (the revoked one no longer counts).
    const second = await registerProxy(d.id, d.entries.cai, '13900000001', '赵受托');
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const entered = await enter('committee_staff', d.id, codes[d.entries.cai]!, { choices: '{"1":"for"}', byProxy: 'true' });
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    assert.equal(entered.body.channel, 'proxy');
    const checked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${entered.body.id}/check`, { verdict: 'match' });
    assert.equal(checked.body.status, 'held', 'waits for the power of attorney');
    assert.deepEqual(await participating(d.id), { heads: 1, areaCenti: 18000 }, 'only 波 counts so far');
    await expectRefused(env.kernel, TABLES, () => cai.request('POST', `/api/me/decisions/${d.id}/proxies/${second.body.id}/revoke`), 409, 'PROXY_ALREADY_VOTED');
    const staff = await as('committee_staff');
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', `/api/decisions/${d.id}/proxies/${second.body.id}/check`, { verdict: 'accept' }), 409, 'SAME_USER_CHECK');
    const accepted = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/proxies/${second.body.id}/check`, { verdict: 'accept' });
    assert.equal(accepted.body.status, 'checked', JSON.stringify(accepted.body));
    assert.equal(accepted.body.voted, true);
    assert.deepEqual(await participating(d.id), { heads: 2, areaCenti: 28000 }, 'the proxy ballot counts now');
    const told = await (await as(owners.logins.dai.phone)).request('GET', '/api/notify/inbox');
    assert.ok(told.body.items.some((m: { body: string }) => m.body.includes('委托投票')), 'the co-owner hears a proxy ballot counts');
  });

  test('a rejected power of attorney makes the proxy’s sheet invalid', async () => {
    const proxy = await registerProxy(d.id, d.entries.developer, '13900000003', '钱受托');
    assert.equal(proxy.status, 201, JSON.stringify(proxy.body));
    const entered = await enter('committee_staff', d.id, codes[d.entries.developer]!, { choices: '{"1":"against"}', byProxy: 'true' });
    const held = await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${entered.body.id}/check`, { verdict: 'match' });
    assert.equal(held.body.status, 'held');
    const committee = await as('owners_committee_member');
    assert.equal((await committee.request('POST', `/api/decisions/${d.id}/proxies/${proxy.body.id}/check`, { verdict: 'reject' })).status, 400);
    const rejected = await committee.request('POST', `/api/decisions/${d.id}/proxies/${proxy.body.id}/check`, { verdict: 'reject', reason: '委托书无业主签名' });
    assert.equal(rejected.body.status, 'rejected');
    const row = (await ballotsOf(d.id)).find((r) => r.id === entered.body.id)!;
    assert.deepEqual([row.status, row.invalid_reason], ['invalid', 'proxy_rejected']);
    assert.deepEqual(await participating(d.id), { heads: 2, areaCenti: 28000 });
  });
});

describe('proof of notice and canvassing calls', () => {
  let d = { id: '', entries: { bo: '', cai: '', developer: '' } };

  test('the delivery report equals the recorded deliveries: SMS delivered, messages opened, materials read, signed receipts', async () => {
    d = await openDecision('3栋屋面防水（送达）');
    await open(d.id);
    await deliverDue(env.kernel);
    // 波 opens the decision on the H5 (materials read); 蔡's signed paper receipt is uploaded; the posting is photographed.
    assert.equal((await (await as(owners.logins.bo.phone)).request('POST', `/api/me/decisions/${d.id}/opened`)).status, 200);
    const receipt = await postForm('committee_staff', `/api/decisions/${d.id}/receipts`, { entryId: d.entries.cai, signedOn: '2026-12-01' }, scan);
    assert.equal(receipt.status, 201, JSON.stringify(receipt.body));
    const posting = await postForm('committee_staff', `/api/decisions/${d.id}/postings`, { postedOn: '2026-12-01', location: '3栋大堂公告栏' }, { ...scan, field: 'photo' });
    assert.equal(posting.status, 201, JSON.stringify(posting.body));

    const report = await (await as('owners_committee_member')).request('GET', `/api/decisions/${d.id}/delivery`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    // Recorded, counted straight from the rows: heads whose owner got an SMS sent about this decision, etc.
    const db = env.kernel.db;
    const smsPersons = await db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('a.person_id')
      .where('b.subject_id', '=', d.id)
      .where('m.channel', '=', 'sms')
      .where('m.status', '=', 'sent')
      .execute();
    const heads = [
      { id: d.entries.bo, persons: [owners.persons.bo] },
      { id: d.entries.cai, persons: [owners.persons.cai, owners.persons.dai] },
    ];
    const smsHeads = heads.filter((h) => h.persons.some((p) => smsPersons.some((s) => s.person_id === p))).length;
    assert.ok(smsHeads > 0, 'the opening was texted');
    const materials = (await db.selectFrom('dec_deliveries' as never).select('entry_id' as never).where('decision_id' as never, '=', d.id as never).execute()).length;
    const receipts = (await db.selectFrom('dec_proofs' as never).select('id' as never).where('decision_id' as never, '=', d.id as never).where('kind' as never, '=', 'paper_receipt' as never).execute()).length;
    assert.deepEqual(
      { heads: report.body.totals.heads, sms: report.body.totals.sms, materials: report.body.totals.materials, receipt: report.body.totals.receipt, inbox: report.body.totals.inbox },
      { heads: 2, sms: smsHeads, materials, receipt: receipts, inbox: 0 },
    );
    assert.deepEqual([materials, receipts], [1, 1]);
    const bo = report.body.items.find((r: { entryId: string }) => r.entryId === d.entries.bo);
    const cai = report.body.items.find((r: { entryId: string }) => r.entryId === d.entries.cai);
    assert.ok(bo.materials && bo.reached);
    assert.equal(cai.receipt.signedOn, '2026-12-01');
    assert.equal(report.body.buildings.find((b: { building: string }) => b.building === '3栋').reached, report.body.totals.reached);
    assert.deepEqual(report.body.postings.map((p: { location: string }) => p.location), ['3栋大堂公告栏']);
    // Reading the in-app message counts as a way it reached them.
    const inbox = await (await as(owners.logins.dai.phone)).request('GET', '/api/notify/inbox');
    const message = inbox.body.items.find((m: { title: string }) => m.title.includes('3栋屋面防水'));
    await (await as(owners.logins.dai.phone)).request('POST', `/api/notify/inbox/${message.id}/read`);
    const after = await (await as('owners_committee_member')).request('GET', `/api/decisions/${d.id}/delivery?unreached=false`);
    assert.equal(after.body.totals.inbox, 1);
    assert.ok(after.body.items.find((r: { entryId: string }) => r.entryId === d.entries.cai).inbox);
    const unreached = await (await as('owners_committee_member')).request('GET', `/api/decisions/${d.id}/delivery?unreached=true`);
    assert.equal(unreached.body.total, after.body.totals.heads - after.body.totals.reached);
    const xlsx = await env.app.inject({ method: 'GET', url: `/api/decisions/${d.id}/delivery.xlsx`, headers: await cookieOf('owners_committee_member') });
    assert.equal(xlsx.statusCode, 200);
  });

  test('tap-to-call: the full phone for the roles that canvass, audited; masked for everyone else, inside and outside', async () => {
    const list = await (await as('committee_staff')).request('GET', `/api/decisions/${d.id}/canvass`);
    const row = list.body.items.find((e: { id: string }) => e.id === d.entries.bo);
    const person = (await env.kernel.db.selectFrom('reg_persons' as never).select(['phone_enc', 'phone_masked'] as never).where('id' as never, '=', owners.persons.bo as never).executeTakeFirstOrThrow()) as { phone_enc: string; phone_masked: string };
    assert.equal(row.phoneMasked, person.phone_masked);
    assert.match(row.phoneMasked, /^1\d\d\*{4}\d{4}$/);
    const expected: Partial<Record<StaffRole, number>> = { community_secretary: 200, committee_staff: 200, owners_committee_member: 200, platform_admin: 403, street_official: 403, property_committee_member: 403 };
    for (const role of STAFF_ROLES) {
      const s = await as(role);
      const res = await s.request('POST', `/api/decisions/${d.id}/canvass/${d.entries.bo}/phone`);
      assert.equal(res.status, expected[role] ?? 404, `${role}`);
      if (res.status === 200) assert.equal(res.body.phone, env.kernel.pii.decrypt(person.phone_enc));
    }
    const audited = await env.kernel.db.selectFrom('audit_log').select('action').where('action', '=', 'decisions.phone.revealed').execute();
    assert.equal(audited.length, 3, 'each reveal audited');
  });

  test('closing waits for the paper: a sheet entered and not checked is refused with its count', async () => {
    await (await as('committee_staff')).request('POST', `/api/decisions/${d.id}/sheets`, {});
    const codes = await sheetCodes(d.id);
    assert.equal((await enter('committee_staff', d.id, codes[d.entries.bo]!)).status, 201);
    advance(16 * DAY);
    const committee = await as('owners_committee_member');
    const refused = await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${d.id}/close`, { confirm: true }), 409, 'PAPER_UNCHECKED');
    assert.match(refused.message, /1/);
  });
});
