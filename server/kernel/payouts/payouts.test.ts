import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR, type StaffRole } from '../access/index.ts';
import { createAccount, grantRole } from '../auth/accounts.ts';
import { pdfWithEscapedJavaScript, pdfWithJavaScriptInObjectStream } from '../files/pdf.test-support.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type Ctx, write } from '../context.ts';
import { newId } from '../ids.ts';
import { expectRefused, type Session } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { StatementsSort } from './payouts-read.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import {
  correctLine,
  declarePayoutKind,
  generateEndedPeriods,
  generatePayouts,
  parsePeriod,
  type PayoutKind,
  previousPeriod,
  statementTotal,
} from './payouts.ts';

/**
 * Payout statements (kernel/payouts) with a kind of the test's own: its lines come from `sources`, a
 * list the tests change, as a module's would come from its tables. The world's clock stands at
 * 2026-11-22 (China), so the period the job pays is 2026-10.
 */
interface Source { id: string; streetId: string; payeeId: string; payeeName: string; placeId: string; quantity: number; unitFen: number; amountFen?: number }
let sources: Source[] = [];
const KIND = 'test.allowance';
const testKind: PayoutKind = {
  key: KIND,
  name: { zh: '测试补贴', en: 'Test allowance' },
  period: 'month',
  // Like an allowance: a record backs a line every month (paid once per month).
  perPeriod: true,
  payee: { zh: '人员', en: 'Person' },
  reviewerRoles: ['community_secretary', 'committee_staff', 'street_official'],
  approverRoles: ['street_official', 'platform_admin'],
  async lines(_db, { streetId, period }) {
    return sources
      .filter((s) => s.streetId === streetId)
      .map((s) => ({
        payeeType: 'person',
        payeeId: s.payeeId,
        payeeName: s.payeeName,
        placeId: s.placeId,
        sourceType: 'test_record',
        sourceId: s.id,
        description: `${period.label} ${s.payeeName}`,
        quantity: s.quantity,
        unitFen: s.unitFen,
        amountFen: s.amountFen ?? s.quantity * s.unitFen,
      }));
  },
};
declarePayoutKind(testKind);

const { env, w, setUp } = useKernelWorld();
const TABLES = ['payout_statements', 'payout_lines', 'payout_sources', 'audit_log'];
const OCTOBER = '2026-10';

// An official of the neighbouring street: an approver whose grant does not reach the statements.
setUp('an official of the other street', async () => {
  const passwordHash = await hashPassword(PASSWORD);
  return write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'other_street', displayName: 'other_street', password: PASSWORD, passwordHash });
    await grantRole(tx, id, 'street_official', w.places.S2);
    return { id };
  });
});
/** The session of a login signed in by the hook below, usable before it has run. */
function as(login: string): Session {
  const get = () => signedInCookies.get(login)?.session;
  return { login, request: (method, url, body) => get()!.request(method, url, body) };
}
const official = as('street_official');
const official2 = as('street2');
const secretary = as('community_secretary');
const staff = as('committee_staff');
const admin = as('platform_admin');

const system = (): Ctx => ({ kernel: env.kernel, actor: SYSTEM_ACTOR });
/** A source at the building for a new payee (one statement each). */
function addSource(name: string, opts: Partial<Source> = {}): Source {
  const s: Source = { id: newId(), streetId: w.places.S, payeeId: newId(), payeeName: name, placeId: w.places.A1, quantity: 1, unitFen: 20_000, ...opts };
  sources.push(s);
  return s;
}
const statementOf = (payeeId: string, period = OCTOBER) =>
  env.kernel.db.selectFrom('payout_statements').selectAll().where('payee_id', '=', payeeId).where('period', '=', period).executeTakeFirstOrThrow();
const linesOf = (statementId: string) => env.kernel.db.selectFrom('payout_lines').selectAll().where('statement_id', '=', statementId).orderBy('created_at').orderBy('id').execute();
/** A fresh draft statement of one line (made by the job, as the system). */
async function draft(name: string, opts: Partial<Source> = {}) {
  const src = addSource(name, opts);
  await generateEndedPeriods(env.kernel);
  return (await statementOf(src.payeeId)).id;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A multipart body (fields, then a file) as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const b = `----gz${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
/**
 * One sign-in per login for the whole file, made before the tests (signing in writes an audit entry,
 * which a refusal must not see, and sign-in is rate-limited): its cookie, CSRF token and a session.
 */
const signedInCookies = new Map<string, { cookie: string; csrf: string; session: Session }>();
async function cookieOf(login: string) {
  if (!signedInCookies.has(login)) {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    const csrf = res.json().csrfToken as string;
    const session: Session = {
      login,
      async request(method, url, body) {
        const r = await env.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body !== undefined ? { payload: body as object } : {}) });
        let parsed: any = r.body;
        try {
          parsed = JSON.parse(r.body);
        } catch {}
        return { status: r.statusCode, body: parsed };
      },
    };
    signedInCookies.set(login, { cookie, csrf, session });
  }
  return signedInCookies.get(login)!;
}

/** POST /api/payouts/:id/pay as `login`, multipart (sign in first, outside what a refusal counts). */
async function pay(login: string, id: string, fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const { cookie, csrf } = await cookieOf(login);
  const body = multipart(fields, file);
  const r = await env.app.inject({ method: 'POST', url: `/api/payouts/${id}/pay`, headers: { ...body.headers, cookie, 'x-csrf-token': csrf }, payload: body.payload });
  return { status: r.statusCode, body: r.json() };
}
// Every login signs in before the tests: signing in writes an audit entry, which a refusal must not see.
setUp('signed-in cookies', async () => {
  for (const login of ['other_street', '13800000001', 'platform_admin', 'street_official', 'street2', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker',
    'building_leader', 'owners_committee_member', 'property_manager', 'property_staff', 'department_reviewer', 'assessor']) await cookieOf(login);
  return {};
});
/** The kernel as it will be a month on: the job then pays November (sessions keep the test's clock). */
const monthLater = () => {
  const at = new Date(env.clock.now().getTime() + 31 * 24 * 3_600_000);
  return { ...env.kernel, clock: { now: () => at } };
};
const voucher = { name: '凭证.pdf', type: 'application/pdf', content: PDF };
async function expectOk(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}
/** Review (secretary), approve (official2), pay and close (admin): as far as `until`. */
async function walk(id: string, until: 'reviewed' | 'approved' | 'paid' | 'closed') {
  await expectOk(secretary.request('POST', `/api/payouts/${id}/review`, {}));
  if (until === 'reviewed') return;
  await expectOk(official2.request('POST', `/api/payouts/${id}/approve`, {}));
  if (until === 'approved') return;
  await expectOk(pay('platform_admin', id, { voucherNo: 'V-001' }, voucher));
  if (until === 'paid') return;
  await expectOk(admin.request('POST', `/api/payouts/${id}/close`, {}));
}

describe('periods', () => {
  test('months and quarters in China time, the previous period, and labels of the wrong length refused', () => {
    const oct = parsePeriod('month', '2026-10')!;
    assert.equal(oct.start.toISOString(), '2026-09-30T16:00:00.000Z');
    assert.equal(oct.end.toISOString(), '2026-10-31T16:00:00.000Z');
    assert.deepEqual([oct.firstDay, oct.lastDay], ['2026-10-01', '2026-10-31']);
    assert.equal(parsePeriod('quarter', '2026-Q1')!.lastDay, '2026-03-31');
    assert.equal(parsePeriod('month', '2026-Q1'), null);
    assert.equal(parsePeriod('month', '2026-13'), null);
    // 00:30 on 1 November in China is still 31 October in UTC: the previous month is October.
    assert.equal(previousPeriod('month', new Date('2026-10-31T16:30:00Z')).label, '2026-10');
    assert.equal(previousPeriod('month', new Date('2026-10-31T15:30:00Z')).label, '2026-09');
    assert.equal(previousPeriod('quarter', new Date('2026-01-05T00:00:00Z')).label, '2025-Q4');
  });
});

describe('generation', () => {
  test('the job makes one statement per payee; running it twice adds nothing; a draft gains lines for new records only', async () => {
    const a = addSource('甲');
    const b = addSource('乙', { quantity: 3, unitFen: 1_500 });
    await generateEndedPeriods(env.kernel);
    const counts = async () => ({
      statements: (await env.kernel.db.selectFrom('payout_statements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      lines: (await env.kernel.db.selectFrom('payout_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      audit: (await env.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const once = await counts();
    await generateEndedPeriods(env.kernel);
    assert.deepEqual(await counts(), once, 'a second run writes nothing, not even an audit entry');
    const sa = await statementOf(a.payeeId);
    assert.equal(sa.status, 'draft');
    assert.equal(sa.generated_by, null, 'made by the system');
    assert.equal(sa.place_id, w.places.A1);
    assert.equal(await statementTotal(env.kernel.db, sa.street_id, sa.id), 20_000);
    assert.equal(await statementTotal(env.kernel.db, sa.street_id, (await statementOf(b.payeeId)).id), 4_500);

    // A new record of the same payee at another place: the draft gains that line, and its place widens.
    sources.push({ ...a, id: newId(), placeId: w.places.C1 });
    await generateEndedPeriods(env.kernel);
    assert.equal((await linesOf(sa.id)).length, 2);
    assert.equal((await statementOf(a.payeeId)).place_id, w.places.C1);
    assert.equal((await counts()).lines, once.lines + 1);
  });

  test('a statement past draft takes no new lines: they are counted as skipped', async () => {
    const s = addSource('丙');
    await generateEndedPeriods(env.kernel);
    const id = (await statementOf(s.payeeId)).id;
    await walk(id, 'reviewed');
    sources.push({ ...s, id: newId() });
    const results = await generateEndedPeriods(env.kernel);
    assert.equal(results.find((r) => r.kind === KIND && r.streetId === w.places.S)!.skipped, 1);
    assert.equal((await linesOf(id)).length, 1);
  });

  test('on demand: reviewers and approvers over the street, for an ended period; the run is audited even when it adds nothing', async () => {
    const s = addSource('丁');
    const body = await expectOk(official.request('POST', '/api/payouts/generate', { kind: KIND, placeId: w.places.A, period: OCTOBER }));
    assert.equal(body.created, 1);
    assert.equal((await statementOf(s.payeeId)).generated_by, w.accounts.street_official);
    const again = await expectOk(official.request('POST', '/api/payouts/generate', { kind: KIND, placeId: w.places.S, period: OCTOBER }));
    assert.deepEqual([again.created, again.lines], [0, 0]);
    // A reviewer whose grant is on the community does not cover the street.
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', '/api/payouts/generate', { kind: KIND, placeId: w.places.S, period: OCTOBER }), 403, 'FORBIDDEN');
    const grid = as('grid_worker');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', '/api/payouts/generate', { kind: KIND, placeId: w.places.S, period: OCTOBER }), 403, 'FORBIDDEN');
  });

  test('a kind whose line breaks amount = quantity × unit is refused, and nothing is written', async () => {
    addSource('坏', { quantity: 2, unitFen: 100, amountFen: 201 });
    const before = await env.kernel.db.selectFrom('payout_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(generatePayouts(system(), { kind: KIND, streetId: w.places.S, period: OCTOBER }), (e: { code: string }) => e.code === 'PAYOUT_KIND_BROKEN');
    const results = await generateEndedPeriods(env.kernel);
    assert.ok(!results.some((r) => r.kind === KIND && r.streetId === w.places.S), 'the job logs the broken street and goes on');
    assert.deepEqual(await env.kernel.db.selectFrom('payout_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), before);
    sources = sources.filter((s) => s.payeeName !== '坏');
  });

  test('a source record is never paid twice: concurrent runs, and after a reversal', async () => {
    const fresh = [addSource('戊'), addSource('己'), addSource('庚')];
    await Promise.all([1, 2, 3].map(() => generatePayouts(system(), { kind: KIND, streetId: w.places.S, period: OCTOBER }, { auditEmpty: false })));
    for (const s of fresh) {
      const lines = await env.kernel.db.selectFrom('payout_lines').select('id').where('source_id', '=', s.id).execute();
      assert.equal(lines.length, 1, 'one line per record however many runs raced');
    }
    // Reversed without a replacement: the record is not generated again.
    const id = (await statementOf(fresh[0]!.payeeId)).id;
    const [line] = await linesOf(id);
    await expectOk(secretary.request('POST', `/api/payouts/${id}/corrections`, { lineId: line!.id, reason: '不符合条件' }), 201);
    await generateEndedPeriods(env.kernel);
    assert.equal((await linesOf(id)).length, 2);
    assert.equal(await statementTotal(env.kernel.db, w.places.S, id), 0);
    // And a line is reversed once; a reversal is never reversed.
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/payouts/${id}/corrections`, { lineId: line!.id, reason: '再次' }), 409, 'PAYOUT_LINE_REVERSED');
    const reversal = (await linesOf(id)).find((l) => l.reverses_line_id)!;
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/payouts/${id}/corrections`, { lineId: reversal.id, reason: '再次' }), 409, 'PAYOUT_LINE_IS_REVERSAL');
  });
});

describe('approval: a different account with a grant at or above the place', () => {
  test('the reviewer cannot approve; an approver outside the place does not see it; another approver above it may', async () => {
    const id = await draft('审批甲');
    await expectOk(official.request('POST', `/api/payouts/${id}/review`, {}));
    const self = await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/payouts/${id}/approve`, {}), 403, 'PAYOUT_SELF_APPROVAL');
    assert.match(self.message, /审批|approve/);
    const other = as('other_street');
    await expectRefused(env.kernel, TABLES, () => other.request('POST', `/api/payouts/${id}/approve`, {}), 404, 'PAYOUT_NOT_FOUND');
    // A reviewer (not an approver) who did not review it: seen, not allowed.
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', `/api/payouts/${id}/approve`, {}), 403, 'FORBIDDEN');
    const ok = await expectOk(official2.request('POST', `/api/payouts/${id}/approve`, {}));
    assert.equal(ok.status, 'approved');
    const row = await statementOf((await env.kernel.db.selectFrom('payout_statements').select('payee_id').where('id', '=', id).executeTakeFirstOrThrow()).payee_id);
    assert.deepEqual([row.reviewed_by, row.approved_by], [w.accounts.street_official, w.accounts.street_official2]);
  });

  test('who generated it on demand cannot approve it, though someone else reviewed it', async () => {
    const s = addSource('审批乙');
    await expectOk(official.request('POST', '/api/payouts/generate', { kind: KIND, placeId: w.places.S, period: OCTOBER }));
    const id = (await statementOf(s.payeeId)).id;
    await expectOk(secretary.request('POST', `/api/payouts/${id}/review`, {}));
    await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/payouts/${id}/approve`, {}), 403, 'PAYOUT_SELF_APPROVAL');
    const detail = await expectOk(official.request('GET', `/api/payouts/${id}`));
    assert.ok(!detail.actions.includes('approve'), 'the button is not offered either');
    assert.ok((await expectOk(official2.request('GET', `/api/payouts/${id}`))).actions.includes('approve'));
  });
});

describe('corrections', () => {
  test('a correction is a reversing line: the original untouched, original + reversal = 0, the total the sum of the lines', async () => {
    const id = await draft('更正甲', { quantity: 2, unitFen: 7_500 });
    const [original] = await linesOf(id);
    const res = await expectOk(
      staff.request('POST', `/api/payouts/${id}/corrections`, { lineId: original!.id, reason: '只在岗一个月', replacement: { quantity: 1, unitFen: 7_500 } }),
      201,
    );
    const lines = await linesOf(id);
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0], original, 'the original line is untouched');
    const reversal = lines.find((l) => l.id === res.reversalId)!;
    assert.equal(reversal.reverses_line_id, original!.id);
    assert.equal(reversal.reason, '只在岗一个月');
    assert.deepEqual([reversal.quantity, reversal.unit_fen, reversal.amount_fen], [-2, 7_500, -15_000]);
    assert.equal(original!.amount_fen + reversal.amount_fen, 0);
    const total = await statementTotal(env.kernel.db, w.places.S, id);
    assert.equal(total, lines.reduce((a, l) => a + l.amount_fen, 0));
    assert.equal(total, 7_500);
    // The detail, the list and the figures say the same total.
    assert.equal((await expectOk(official.request('GET', `/api/payouts/${id}`))).totalFen, 7_500);
    const list = await expectOk(official.request('GET', `/api/payouts?q=${encodeURIComponent('更正甲')}`));
    assert.equal(list.items[0].totalFen, 7_500);
    // The replacement now holds the record's claim.
    const claim = await env.kernel.db.selectFrom('payout_sources').select('line_id').where('source_id', '=', original!.source_id).executeTakeFirstOrThrow();
    assert.equal(claim.line_id, res.replacementId);
    // A reason is required.
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', `/api/payouts/${id}/corrections`, { lineId: res.replacementId, reason: '  ' }), 400, 'VALIDATION_FAILED');
  });

  test('after approval a correction sends the statement back to reviewed; the corrector cannot approve it again', async () => {
    const id = await draft('更正乙');
    await walk(id, 'approved');
    const [line] = await linesOf(id);
    const res = await expectOk(official.request('POST', `/api/payouts/${id}/corrections`, { lineId: line!.id, reason: '金额有误', replacement: { quantity: 1, unitFen: 15_000 } }), 201);
    assert.equal(res.status, 'reviewed');
    const row = await env.kernel.db.selectFrom('payout_statements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.approved_by], ['reviewed', null]);
    await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/payouts/${id}/approve`, {}), 403, 'PAYOUT_SELF_APPROVAL');
    await expectRefused(env.kernel, TABLES, () => pay('platform_admin', id, { voucherNo: 'V-9' }, voucher), 409, 'PAYOUT_WRONG_STATUS');
    await expectOk(admin.request('POST', `/api/payouts/${id}/approve`, {}));
    assert.equal(await statementTotal(env.kernel.db, w.places.S, id), 15_000);
  });

  test("after payment a correction goes on the payee's next-period statement; refused once that one is past draft", async () => {
    const src = addSource('更正丙');
    await generateEndedPeriods(env.kernel);
    const oct = (await statementOf(src.payeeId)).id;
    await walk(oct, 'closed');
    const before = await linesOf(oct);
    const res = await expectOk(secretary.request('POST', `/api/payouts/${oct}/corrections`, { lineId: before[0]!.id, reason: '10 月多发' }), 201);
    assert.equal(res.period, '2026-11');
    assert.deepEqual(await linesOf(oct), before, 'the paid statement is not changed');
    assert.equal((await env.kernel.db.selectFrom('payout_statements').select('status').where('id', '=', oct).executeTakeFirstOrThrow()).status, 'closed');
    const nov = await statementOf(src.payeeId, '2026-11');
    assert.equal(nov.id, res.statementId);
    assert.equal(nov.status, 'draft');
    assert.equal(await statementTotal(env.kernel.db, w.places.S, nov.id), -20_000);
    // A month later the job pays November into that draft: 200 元 less the 200 元 paid too much in October.
    await generateEndedPeriods(monthLater());
    assert.equal((await linesOf(nov.id)).length, 2);
    assert.equal(await statementTotal(env.kernel.db, w.places.S, nov.id), 0);
    const paidLine = (await linesOf(oct))[0]!;
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/payouts/${oct}/corrections`, { lineId: paidLine.id, reason: 'x' }), 409, 'PAYOUT_LINE_REVERSED');
  });

  test('a correction of a paid statement whose next statement is reviewed already is refused', async () => {
    const src = addSource('更正戊');
    await generateEndedPeriods(env.kernel);
    const oct = (await statementOf(src.payeeId)).id;
    await walk(oct, 'paid');
    // November's statement exists (the job, a month on) and is past draft.
    await generateEndedPeriods(monthLater());
    const nov = await statementOf(src.payeeId, '2026-11');
    await expectOk(secretary.request('POST', `/api/payouts/${nov.id}/review`, {}));
    const [line] = await linesOf(oct);
    const e = await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/payouts/${oct}/corrections`, { lineId: line!.id, reason: '多发' }), 409, 'PAYOUT_NEXT_NOT_DRAFT');
    assert.match(e.message, /2026-11/);
  });
});

describe('the state machine', () => {
  test('every wrong transition answers 409 and writes nothing', async () => {
    const states = ['draft', 'reviewed', 'approved', 'paid', 'closed'] as const;
    const allowed: Record<(typeof states)[number], string | null> = { draft: 'review', reviewed: 'approve', approved: 'pay', paid: 'close', closed: null };
    for (const st of states) {
      const id = await draft(`状态${st}`);
      if (st !== 'draft') await walk(id, st);
      for (const action of ['review', 'approve', 'pay', 'close']) {
        if (allowed[st] === action) continue;
        // Each by someone whose role allows the action, and who has not touched the statement (approve).
        const send =
          action === 'pay'
            ? () => pay('platform_admin', id, { voucherNo: 'V-1' }, voucher)
            : () => (action === 'review' ? staff : admin).request('POST', `/api/payouts/${id}/${action}`, {});
        const e = await expectRefused(env.kernel, TABLES, send, 409, 'PAYOUT_WRONG_STATUS');
        assert.ok(e.message.length > 0);
      }
    }
  });
});

describe('access', () => {
  // The kind's roles written out again: reviewers community_secretary, committee_staff, street_official;
  // approvers street_official, platform_admin. Everyone else sees nothing of it.
  const READERS: StaffRole[] = ['community_secretary', 'committee_staff', 'street_official', 'platform_admin'];
  const REVIEWERS: StaffRole[] = ['community_secretary', 'committee_staff', 'street_official'];
  const APPROVERS: StaffRole[] = ['street_official', 'platform_admin'];
  const ROLES: StaffRole[] = [
    'platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker',
    'building_leader', 'owners_committee_member', 'property_manager', 'property_staff', 'department_reviewer', 'assessor',
  ];
  const sessions = Object.fromEntries([...ROLES, 'resident'].map((r) => [r, as(r === 'resident' ? '13800000001' : r)])) as Record<StaffRole | 'resident', Session>;

  test('list and read: the kind\'s reviewers and approvers over the place; 404 to everyone else', async () => {
    const id = await draft('权限读');
    for (const role of [...ROLES, 'resident'] as const) {
      const reader = (READERS as string[]).includes(role);
      const detail = await sessions[role]!.request('GET', `/api/payouts/${id}`);
      assert.equal(detail.status, reader ? 200 : 404, `${role} read`);
      const list = await sessions[role]!.request('GET', '/api/payouts?pageSize=200');
      assert.equal(list.status, 200, role);
      assert.equal(list.body.items.some((i: { id: string }) => i.id === id), reader, `${role} list`);
      const xlsx = await sessions[role]!.request('GET', `/api/payouts/${id}/export.xlsx`);
      assert.equal(xlsx.status, reader ? 200 : 404, `${role} export`);
    }
    const other = as('other_street');
    assert.equal((await other.request('GET', `/api/payouts/${id}`)).status, 404, 'an official of another street');
    assert.ok(!(await other.request('GET', '/api/payouts?pageSize=200')).body.items.some((i: { id: string }) => i.id === id));
  });

  test('review, approve, pay: each role allowed or refused (403 seen, 404 unseen)', async () => {
    for (const role of ROLES) {
      const reader = READERS.includes(role);
      const refused: [number, string] = reader ? [403, 'FORBIDDEN'] : [404, 'PAYOUT_NOT_FOUND'];
      const s = sessions[role]!;
      const id = await draft(`矩阵${role}`);
      if (REVIEWERS.includes(role)) await expectOk(s.request('POST', `/api/payouts/${id}/review`, {}));
      else {
        await expectRefused(env.kernel, TABLES, () => s.request('POST', `/api/payouts/${id}/review`, {}), ...refused);
        await expectOk(staff.request('POST', `/api/payouts/${id}/review`, {}));
      }
      // An approver who reviewed it is refused for that reason; the others by their role.
      if (APPROVERS.includes(role) && !REVIEWERS.includes(role)) await expectOk(s.request('POST', `/api/payouts/${id}/approve`, {}));
      else if (APPROVERS.includes(role)) {
        await expectRefused(env.kernel, TABLES, () => s.request('POST', `/api/payouts/${id}/approve`, {}), 403, 'PAYOUT_SELF_APPROVAL');
        await expectOk(admin.request('POST', `/api/payouts/${id}/approve`, {}));
      } else {
        await expectRefused(env.kernel, TABLES, () => s.request('POST', `/api/payouts/${id}/approve`, {}), ...refused);
        await expectOk(admin.request('POST', `/api/payouts/${id}/approve`, {}));
      }
      if (APPROVERS.includes(role)) await expectOk(pay(role, id, { voucherNo: `V-${role}` }, voucher));
      else await expectRefused(env.kernel, TABLES, () => pay(role, id, { voucherNo: 'V-x' }, voucher), ...refused);
    }
  });
});

describe('bad input', () => {
  test('periods, kinds and places: 4xx with a code, nothing written', async () => {
    const gen = (body: unknown) => () => official.request('POST', '/api/payouts/generate', body);
    await expectRefused(env.kernel, TABLES, gen({ kind: KIND, placeId: w.places.S, period: '2026-13' }), 400, 'PAYOUT_PERIOD_INVALID');
    await expectRefused(env.kernel, TABLES, gen({ kind: KIND, placeId: w.places.S, period: '2026-Q3' }), 400, 'PAYOUT_PERIOD_INVALID');
    await expectRefused(env.kernel, TABLES, gen({ kind: KIND, placeId: w.places.S, period: '2026-11' }), 400, 'PAYOUT_PERIOD_OPEN');
    await expectRefused(env.kernel, TABLES, gen({ kind: 'test.nothing', placeId: w.places.S, period: OCTOBER }), 400, 'PAYOUT_KIND_UNKNOWN');
    await expectRefused(env.kernel, TABLES, gen({ kind: KIND, placeId: newId(), period: OCTOBER }), 404, 'PAYOUT_STREET_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, gen({ kind: KIND, placeId: 'x', period: OCTOBER }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => official.request('GET', '/api/payouts?period=2026-1'), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => official.request('GET', '/api/payouts?sort=nothing'), 400, 'VALIDATION_FAILED');
  });

  test('paying: voucher number and a PDF, JPEG or PNG file checked by content; nothing written or stored otherwise', async () => {
    const id = await draft('凭证');
    await walk(id, 'approved');
    const refuse = (fields: Record<string, string>, file: Parameters<typeof pay>[3], status: number, code: string) =>
      expectRefused(env.kernel, TABLES, () => pay('platform_admin', id, fields, file), status, code);
    await refuse({}, voucher, 400, 'PAYOUT_VOUCHER_REQUIRED');
    await refuse({ voucherNo: '   ' }, voucher, 400, 'PAYOUT_VOUCHER_REQUIRED');
    await refuse({ voucherNo: 'x'.repeat(65) }, voucher, 400, 'PAYOUT_VOUCHER_REQUIRED');
    await refuse({ voucherNo: 'V-1' }, undefined, 400, 'PAYOUT_VOUCHER_FILE_REQUIRED');
    await refuse({ voucherNo: 'V-1' }, { name: 'a.pdf', type: 'application/pdf', content: Buffer.from('not a pdf') }, 400, 'PAYOUT_VOUCHER_TYPE');
    await refuse({ voucherNo: 'V-1' }, { name: 'a.pdf', type: 'application/pdf', content: PNG }, 400, 'PAYOUT_VOUCHER_MISLABELED');
    await refuse({ voucherNo: 'V-1' }, { name: 'a.png', type: 'image/jpeg', content: PNG }, 400, 'PAYOUT_VOUCHER_MISLABELED');
    // A PDF with active content: a #-escaped script name; a script inside a compressed object stream.
    await refuse({ voucherNo: 'V-1' }, { name: 'a.pdf', type: 'application/pdf', content: pdfWithEscapedJavaScript() }, 400, 'FILE_PDF_ACTIVE_CONTENT');
    await refuse({ voucherNo: 'V-1' }, { name: 'a.pdf', type: 'application/pdf', content: pdfWithJavaScriptInObjectStream() }, 400, 'FILE_PDF_ACTIVE_CONTENT');
    const ok = await expectOk(pay('platform_admin', id, { voucherNo: ' 记-2026-10-001 ' }, { name: 'scan.png', type: 'image/png', content: PNG }));
    assert.equal(ok.voucherNo, '记-2026-10-001');
    const file = await env.app.inject({ method: 'GET', url: `/api/payouts/${id}/voucher`, headers: { cookie: (await cookieOf('platform_admin')).cookie } });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.deepEqual(file.rawPayload, PNG);
    // A download under a sandboxing CSP, never a document of our origin.
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="scan.png"/);
    assert.equal(file.headers['content-security-policy'], "sandbox; default-src 'none'");
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
  });

  test('corrections: a line of another statement, negative or fractional quantities → 4xx, nothing written', async () => {
    const id = await draft('更正输入');
    const otherId = await draft('更正输入乙');
    const [otherLine] = await linesOf(otherId);
    const [line] = await linesOf(id);
    const c = (body: unknown) => () => staff.request('POST', `/api/payouts/${id}/corrections`, body);
    await expectRefused(env.kernel, TABLES, c({ lineId: otherLine!.id, reason: 'x' }), 404, 'PAYOUT_LINE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, c({ lineId: line!.id, reason: 'x', replacement: { quantity: -1, unitFen: 100 } }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, c({ lineId: line!.id, reason: 'x', replacement: { quantity: 1.5, unitFen: 100 } }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, c({ lineId: line!.id, reason: 'x', replacement: { quantity: 1e9, unitFen: 1e9 } }), 400, 'PAYOUT_AMOUNT_OUT_OF_RANGE');
    await expectRefused(env.kernel, TABLES, c({ lineId: line!.id }), 400, 'VALIDATION_FAILED');
  });
});


describe('export and figures', () => {
  test('a statement and the period as xlsx: read back, their totals are the lines\' sums', async () => {
    const id = await draft('导出甲', { quantity: 3, unitFen: 3_333 });
    const [line] = await linesOf(id);
    await correctLine({ kernel: env.kernel, actor: SYSTEM_ACTOR }, id, { lineId: line!.id, reason: '更正', replacement: { quantity: 2, unitFen: 3_333 } });
    const { cookie } = await cookieOf('street_official');
    const one = await env.app.inject({ method: 'GET', url: `/api/payouts/${id}/export.xlsx`, headers: { cookie } });
    assert.equal(one.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const totalRow = rows.find((r) => r[1] === '合计')!;
    assert.equal(totalRow[7], 6_666, 'fen');
    assert.equal(totalRow[6], 66.66, 'yuan');
    const lineRows = rows.filter((r) => typeof r[1] === 'number');
    assert.equal(lineRows.length, 3);
    assert.equal(lineRows.reduce((a, r) => a + (r[7] as number), 0), 6_666);

    const list = await env.app.inject({ method: 'GET', url: `/api/payouts/export.xlsx?period=${OCTOBER}&kind=${KIND}`, headers: { cookie } });
    assert.equal(list.statusCode, 200);
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    const rows2 = (book2.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
    const sum = rows2.slice(0, -1).reduce((a, r) => a + (r[8] as number), 0);
    assert.equal(rows2.at(-1)![8], sum);
    const figures = await expectOk(official.request('GET', `/api/payouts/summary?period=${OCTOBER}&kind=${KIND}`));
    assert.equal(figures.items[0].totalFen, sum, 'the figures per kind say the same total');
    const listed = await expectOk(official.request('GET', `/api/payouts?period=${OCTOBER}&kind=${KIND}&pageSize=200`));
    assert.equal(listed.total, rows2.length - 1);
    assert.equal(figures.items[0].statements, listed.total);
  });

  test('the timeline is the statement\'s audit entries, in order', async () => {
    const id = await draft('时间线');
    await walk(id, 'closed');
    const d = await expectOk(official.request('GET', `/api/payouts/${id}`));
    assert.deepEqual(
      d.timeline.map((t: { action: string }) => t.action),
      ['payouts.statement.generated', 'payouts.statement.reviewed', 'payouts.statement.approved', 'payouts.statement.paid', 'payouts.statement.closed'],
    );
    assert.equal(d.voucherNo, 'V-001');
    assert.deepEqual(d.actions, ['correct']);
  });
});

describe('the list', () => {
  test('sorts by every declared column, both ways', async () => {
    // Three statements of their own periods, payees, totals and states, made a second apart.
    const saved = sources;
    const made: string[] = [];
    for (const [name, period, unitFen] of [
      ['Sort A', '2026-08', 30_000],
      ['Sort B', '2026-10', 10_000],
      ['Sort C', '2026-09', 20_000],
    ] as const) {
      sources = [];
      const src = addSource(name, { unitFen });
      await generatePayouts(system(), { kind: KIND, streetId: w.places.S, period });
      made.push((await statementOf(src.payeeId, period)).id);
      env.clock.advance(1000);
    }
    sources = saved;
    const [a, b, c] = made as [string, string, string];
    await walk(b, 'reviewed');
    await walk(c, 'approved');
    await expectSorts(env.kernel, official, `/api/payouts?q=Sort&kind=${KIND}`, StatementsSort, {
      period: [a, c, b],
      // One kind: equal values page by id, in creation order.
      kind: [a, b, c],
      payee: [a, b, c],
      status: [a, b, c],
      total: [b, c, a],
      generatedAt: [a, b, c],
    });
  });
});
