import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { type Ctx, write as kernelWrite } from '../../kernel/context.ts';
import { generatePayouts, payStatement, statementTotal } from '../../kernel/payouts/payouts.ts';
import { sourceStatements } from '../../kernel/payouts/payouts-read.ts';
import { updatePerson } from '../registry/index.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { SUBSIDY_PAYOUT_KIND } from './fees.constants.ts';
import { read, write } from './fees.db.ts';
import { openBill } from './fees.test-support.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { grantSubsidiesForPaidBills } from './use-cases/grant-subsidies.ts';
import { SubsidyLinesSort } from './use-cases/subsidy-reads.ts';
import { monthsBilled, subsidyFor } from './use-cases/subsidy-rules.ts';

/**
 * 先缴后补 (issue 19 §2) against its rules: the amount by hand at the cap's boundary in both modes; a subsidy for a
 * 低保 household and not for others, by the tag held on the bill's date (not today's); the cap per household and
 * period; one line however often a payment is notified; a refund reverses the line (before and after it is paid
 * out); the statement's total is the sum of its lines; approval by the reviewer refused; the household's stages;
 * and the access matrix of the routes. The clock starts at 2027-02-20 10:00 (Shanghai) and moves forward.
 */
let env: TestEnv;
let w: World;
let system: Ctx;
const s = new Map<string, Session>();
let voucherSeq = 0;

/** Moves the clock on (the sessions are made to outlive it: see `before`). */
async function setClock(iso: string) {
  env.clock.advance(Date.parse(iso) - env.clock.now().getTime());
}
/** An open bill issued on `day` (the bill's date the tags are read on). */
async function billOn(roomId: string, day: string, amountFen: number, periodLabel: string) {
  const compound = roomId === w.rooms.B101 ? { compoundId: w.places.B, companyId: null } : { compoundId: w.places.A, companyId: w.organisations.pc1 };
  const id = await openBill(env.kernel, { roomId, ...compound, amountFen, periodLabel, periodStart: `${day.slice(0, 7)}-01`, periodEnd: '2027-12-01' });
  await write(system, (tx) => tx.updateTable('fee_bills').set({ issued_at: new Date(`${day}T09:00:00+08:00`), period_end: nextMonth(day) }).where('id', '=', id).execute());
  return id;
}
const nextMonth = (day: string) => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const pay = (billIds: string[], amountFen: number, payerAccountId: string | null = null) =>
  write(system, (tx) => bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo: `XJ-${++voucherSeq}`, amountFen, billIds, payerAccountId, payerNameMasked: '王*', bookedBy: null }));
const linesOf = (billId: string) => read(env.kernel).selectFrom('fee_subsidy_lines').selectAll().where('bill_id', '=', billId).orderBy('granted_at').execute();

before(async () => {
  // The clock moves over months: sessions that last a year, so the logins sign in once.
  env = await startTestEnv({ sessionIdleMs: 366 * 86_400_000, sessionMaxMs: 366 * 86_400_000 });
  w = await buildWorld(env.kernel);
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  await setClock('2027-02-20T10:00:00+08:00');
  for (const login of [...STAFF_ROLES, '13800000001']) s.set(login, await signIn(env.app, login, PASSWORD));
});
after(() => env.close());
const as = (login: string) => s.get(login)!;

describe('the amount, by hand', () => {
  test('share: half of what was paid, half-up once, capped at 300 元 (cap − 1, cap, cap + 1 fen)', () => {
    const terms = { mode: 'share' as const, shareBp: 5000, perAreaFen: null, capFen: 30_000 };
    const of = (paidFen: number, before = 0) => subsidyFor(terms, { paidFen, areaCenti: 0, months: 1 }, before).amountFen;
    assert.equal(of(59_998), 29_999, 'cap − 1');
    assert.equal(of(60_000), 30_000, 'cap');
    assert.equal(of(60_002), 30_000, 'cap + 1 is capped');
    assert.equal(of(59_999), 30_000, '29 999.5 fen rounds half up');
    assert.equal(of(20_001), 10_001);
    assert.equal(of(50_000, 10_001), 19_999, 'what the period already got counts against the cap');
    assert.equal(of(50_000, 30_000), 0);
    assert.equal(subsidyFor(terms, { paidFen: 60_002, areaCenti: 0, months: 1 }, 0).formula, '已缴 600.02 元 × 50% = 300.01 元；每户每期上限 300.00 元，补 300.00 元');
  });

  test('per area: fen per m² per month × area × months, one rounding, capped (cap − 1, cap, cap + 1 fen)', () => {
    const terms = { mode: 'per_area' as const, shareBp: null, perAreaFen: 50, capFen: 30_000 };
    const of = (areaCenti: number, months = 1) => subsidyFor(terms, { paidFen: 0, areaCenti, months }, 0).amountFen;
    assert.equal(of(59_998), 29_999, '0.50 × 599.98 m² = 299.99 元: cap − 1');
    assert.equal(of(60_000), 30_000, 'cap');
    assert.equal(of(60_002), 30_000, 'cap + 1 is capped');
    assert.equal(of(8_950), 4_475, '0.50 × 89.50 m²');
    assert.equal(of(8_951), 4_476, '4475.5 fen rounds half up');
    assert.equal(of(8_950, 3), 13_425, 'a quarter: three months');
    assert.equal(subsidyFor({ ...terms, perAreaFen: 33 }, { paidFen: 0, areaCenti: 101, months: 3 }, 0).amountFen, 100, '33 × 1.01 × 3 = 99.99 fen → 100');
  });

  test('months billed: a month begun counts', () => {
    assert.equal(monthsBilled('2027-01-01', '2027-02-01'), 1);
    assert.equal(monthsBilled('2027-01-01', '2027-04-01'), 3);
    assert.equal(monthsBilled('2027-01-15', '2027-02-01'), 1);
    assert.equal(monthsBilled('2027-01-01', '2028-01-01'), 12);
  });
});

describe('the street’s policy', () => {
  test('a street official sets it, audited before and after; a version never reaches back', async () => {
    const r = await as('street_official').request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S, effectiveFrom: '2027-01-01', mode: 'share', shareBp: 5000, capFen: 30_000 });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const got = await as('street_official').request('GET', `/api/fees/subsidies/policy?placeId=${w.places.A}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.current.shareBp, 5000);
    assert.deepEqual(got.body.current.tags, ['low_income', 'extreme_hardship'], 'the default tags: 低保 and 特困');
    const before = await countRows(env.kernel, ['fee_subsidy_policies', 'audit_log']);
    const back = await as('street_official').request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S, effectiveFrom: '2026-12-31', mode: 'share', shareBp: 4000, capFen: 30_000 });
    assert.equal(back.status, 409);
    assert.equal(back.body.error.code, 'SUBSIDY_POLICY_BACKDATED');
    const noRate = await as('street_official').request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S, effectiveFrom: '2027-03-01', mode: 'per_area', capFen: 30_000 });
    assert.equal(noRate.status, 400);
    const notStreet = await as('street_official').request('POST', '/api/fees/subsidies/policy', { streetId: w.places.A, effectiveFrom: '2027-03-01', mode: 'share', shareBp: 100, capFen: 30_000 });
    assert.equal(notStreet.status, 400);
    assert.deepEqual(await countRows(env.kernel, ['fee_subsidy_policies', 'audit_log']), before, 'refusals write nothing');
    const entry = await read(env.kernel).selectFrom('audit_log').select(['before_digest', 'after_digest', 'detail']).where('action', '=', 'fees.subsidy_policy.set').executeTakeFirstOrThrow();
    assert.equal(entry.before_digest, null);
    assert.ok(entry.after_digest);
    assert.equal((entry.detail as { terms: { shareBp: number } }).terms.shareBp, 5000);
  });
});

let alicePaidBill = '';
let alicePaymentOfBill2 = '';
describe('who gets a subsidy: the tag held on the bill’s date', () => {
  test('a 低保 household gets half of what it paid; a bill dated before the certificate, and others, get nothing', async () => {
    // 王丽 (A101): 低保 certified from 2027-02-01.
    await updatePerson(system, w.persons.alice, { tags: ['low_income'], tagsChangedOn: '2027-02-01' });
    const before = await billOn(w.rooms.A101, '2027-01-20', 20_000, '2027-01');
    const after = await billOn(w.rooms.A101, '2027-02-05', 20_001, '2027-02');
    const neighbour = await billOn(w.rooms.A102, '2027-02-05', 20_000, '2027-02');
    await pay([before], 20_000);
    const booked = await pay([after], 20_001, null);
    alicePaymentOfBill2 = booked.paymentId;
    await pay([neighbour], 20_000);
    assert.deepEqual(await linesOf(before), [], 'the tag was added after the bill’s date: no line, though she holds it today');
    const [line] = await linesOf(after);
    assert.equal(line?.amount_fen, 10_001, '20 001 × 50 % = 10 000.5 → 10 001 fen');
    assert.equal(line?.payee_name, '王丽');
    assert.deepEqual(line?.tags, ['low_income']);
    assert.equal(line?.bill_day, '2027-02-05');
    assert.deepEqual(await linesOf(neighbour), [], 'a household without the tag');
    alicePaidBill = after;
  });

  test('a tag removed after the bill’s date still counts for it; a bill after the removal gets nothing', async () => {
    // 李波 (B101): 特困 from 2026-12-01 until 2027-02-10.
    await updatePerson(system, w.persons.bob, { tags: ['extreme_hardship'], tagsChangedOn: '2026-12-01' });
    await updatePerson(system, w.persons.bob, { tags: [], tagsChangedOn: '2027-02-10' });
    const held = await billOn(w.rooms.B101, '2027-02-01', 12_000, '2027-02');
    const gone = await billOn(w.rooms.B101, '2027-02-15', 12_000, '2027-02b');
    await pay([held], 12_000);
    await pay([gone], 12_000);
    assert.equal((await linesOf(held))[0]?.amount_fen, 6_000, 'tag removed after the bill’s date: a line');
    assert.deepEqual(await linesOf(gone), [], 'bill dated after the tag ended');
  });

  test('the cap is per household and period: a second bill of the period gets only what is left', async () => {
    const second = await billOn(w.rooms.A101, '2027-02-06', 50_000, '2027-02');
    await pay([second], 50_000);
    const [line] = await linesOf(second);
    assert.equal(line?.amount_fen, 19_999, '25 000 asked, 30 000 − 10 001 left');
    assert.match(line!.formula, /本期已补 100\.01 元/);
  });

  test('one line however often the payment is notified', async () => {
    const bill = await billOn(w.rooms.A101, '2027-02-07', 1_000, 'P-dup');
    const input = { streetId: w.places.S, channel: 'gateway' as const, provider: 'sandbox', providerTxnId: 'T-DUP-1', amountFen: 1_000, billIds: [bill], payerAccountId: null, payerNameMasked: null, bookedBy: null };
    const first = await write(system, (tx) => bookPayment(tx, system, input));
    const again = await write(system, (tx) => bookPayment(tx, system, input));
    assert.equal(again.duplicate, true);
    assert.equal(again.paymentId, first.paymentId);
    assert.equal((await write(system, (tx) => grantSubsidiesForPaidBills(tx, system, [bill]))).length, 0, 'granting again adds nothing');
    const lines = await linesOf(bill);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.amount_fen, 500);
  });

  test('a refund before the line is paid out reverses it (never paid)', async () => {
    const bill = await billOn(w.rooms.A101, '2027-02-08', 2_000, 'P-ref');
    const p = await pay([bill], 2_000);
    assert.equal((await linesOf(bill))[0]?.status, 'granted');
    const r = await as('property_manager').request('POST', `/api/fees/payments/${p.paymentId}/refunds`, { amountFen: 2_000, reason: '重复缴费退回', voucherNo: 'TK-1' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const [line] = await linesOf(bill);
    assert.equal(line?.status, 'reversed');
    assert.equal(line?.reversal_id, null, 'not on a statement: nothing to reverse there');
  });
});

describe('paid through the payout statements', () => {
  let statementId = '';
  test('the month’s statement: the household’s lines, its total their sum; the household sees each stage', async () => {
    const mine = async () => (await as('13800000001').request('GET', '/api/me/fees/subsidies')).body;
    const stageOf = async (billId: string) => (await mine()).items.find((i: { billId: string }) => i.billId === billId)?.stage;
    assert.equal(await stageOf(alicePaidBill), 'pending');
    await setClock('2027-03-10T10:00:00+08:00');
    const made = await generatePayouts(system, { kind: SUBSIDY_PAYOUT_KIND, streetId: w.places.S, period: '2027-02' });
    assert.equal(made.created, 2, '王丽 and 李波');
    const st = await read(env.kernel).selectFrom('payout_statements').selectAll().where('kind', '=', SUBSIDY_PAYOUT_KIND).where('payee_id', '=', w.persons.alice).executeTakeFirstOrThrow();
    statementId = st.id;
    const granted = await read(env.kernel).selectFrom('fee_subsidy_lines').select('amount_fen').where('payee_person_id', '=', w.persons.alice).where('status', '=', 'granted').execute();
    const sum = granted.reduce((a, l) => a + l.amount_fen, 0);
    assert.equal(sum, 10_001 + 19_999 + 500);
    assert.equal(await statementTotal(env.kernel.db, w.places.S, st.id), sum, 'the statement’s total is the sum of the subsidy lines (the reversed one left out)');
    const detail = await as('street_official').request('GET', `/api/payouts/${st.id}`);
    assert.equal(detail.body.totalFen, sum);
    assert.equal(detail.body.lines.length, 3);
    assert.equal(await stageOf(alicePaidBill), 'reviewing');
    assert.equal((await sourceStatements(env.kernel.db, { streetId: w.places.S, kind: SUBSIDY_PAYOUT_KIND, sourceType: 'fee_subsidy', sourceIds: [(await linesOf(alicePaidBill))[0]!.id] })).size, 1);
  });

  test('the reviewer cannot approve; another street official does; paid with a voucher it reads 已发放', async () => {
    // One account that is both the community's reviewer and a street official.
    const passwordHash = await hashPassword(PASSWORD);
    await kernelWrite(system, async (tx) => {
      const id = await createAccount(tx, env.kernel.pii, { username: 'both_roles', displayName: '兼职审核人', password: PASSWORD, passwordHash });
      await grantRole(tx, id, 'committee_staff', w.places.C1);
      await grantRole(tx, id, 'street_official', w.places.S);
    });
    const both = await signIn(env.app, 'both_roles', PASSWORD);
    assert.equal((await both.request('POST', `/api/payouts/${statementId}/review`, {})).status, 200);
    const before = await countRows(env.kernel, ['payout_statements', 'audit_log']);
    const self = await both.request('POST', `/api/payouts/${statementId}/approve`, {});
    assert.equal(self.status, 403);
    assert.equal(self.body.error.code, 'PAYOUT_SELF_APPROVAL');
    assert.deepEqual(await countRows(env.kernel, ['payout_statements', 'audit_log']), before);
    assert.equal((await as('street_official').request('POST', `/api/payouts/${statementId}/approve`, {})).status, 200);
    const mine = async () => (await as('13800000001').request('GET', '/api/me/fees/subsidies')).body;
    assert.equal((await mine()).items.find((i: { billId: string }) => i.billId === alicePaidBill).stage, 'approved');
    await payStatement(system, statementId, async () => ({ voucherNo: 'BT-2027-02-1', upload: { filename: 'v.pdf', mimetype: 'application/pdf', content: Buffer.from('%PDF-1.4\ntrailer<<>>\n%%EOF\n') } }));
    const after = await mine();
    assert.equal(after.items.find((i: { billId: string }) => i.billId === alicePaidBill).stage, 'paid');
    assert.equal(after.totals.paidFen, 10_001 + 19_999 + 500);
  });

  test('a refund after the line was paid out puts a reversing line on the next statement', async () => {
    const r = await as('property_manager').request('POST', `/api/fees/payments/${alicePaymentOfBill2}/refunds`, { amountFen: 20_001, reason: '账单错误，全额退回', voucherNo: 'TK-2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const [line] = await linesOf(alicePaidBill);
    assert.equal(line?.status, 'reversed');
    assert.ok(line?.reversal_id);
    await setClock('2027-04-02T10:00:00+08:00');
    await generatePayouts(system, { kind: SUBSIDY_PAYOUT_KIND, streetId: w.places.S, period: '2027-03' });
    const march = await read(env.kernel).selectFrom('payout_statements').select('id').where('kind', '=', SUBSIDY_PAYOUT_KIND).where('payee_id', '=', w.persons.alice).where('period', '=', '2027-03').executeTakeFirstOrThrow();
    const lines = await read(env.kernel).selectFrom('payout_lines').select(['source_type', 'amount_fen']).where('statement_id', '=', march.id).execute();
    assert.deepEqual(lines, [{ source_type: 'fee_subsidy_reversal', amount_fen: -10_001 }]);
    assert.equal((await as('13800000001').request('GET', '/api/me/fees/subsidies')).body.items.find((i: { billId: string }) => i.billId === alicePaidBill).stage, 'reversed');
  });

  test('per area: a new version of the policy from a later day', async () => {
    const r = await as('street_official').request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S, effectiveFrom: '2027-04-01', mode: 'per_area', perAreaFen: 50, capFen: 30_000, tags: ['low_income'] });
    assert.equal(r.status, 201);
    const bill = await billOn(w.rooms.A101, '2027-04-01', 30_000, '2027-04');
    await pay([bill], 30_000);
    const [line] = await linesOf(bill);
    assert.equal(line?.amount_fen, 4_475, '0.50 元 × 89.50 m² × 1 month');
    assert.match(line!.formula, /89\.50 ㎡/);
    const audit = await read(env.kernel).selectFrom('audit_log').select(['before_digest', 'detail']).where('action', '=', 'fees.subsidy_policy.set').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.ok(audit.before_digest, 'the change records the version before');
    assert.equal((audit.detail as { previous: { mode: string } }).previous.mode, 'share');
  });
});

describe('access', () => {
  const READ: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
  const SEE_POLICY: StaffRole[] = [...READ, 'property_manager'];
  const SET_POLICY: StaffRole[] = ['platform_admin', 'street_official'];

  test('the policy: who sees it and who sets it, inside the street and outside', async () => {
    for (const role of STAFF_ROLES) {
      const r = await as(role).request('GET', `/api/fees/subsidies/policy?placeId=${w.places.S}`);
      assert.equal(r.status, SEE_POLICY.includes(role) ? 200 : 404, `${role} reads`);
      const outside = await as(role).request('GET', `/api/fees/subsidies/policy?placeId=${w.places.Z}`);
      assert.equal(outside.status, 404, `${role} outside`);
      const before = await countRows(env.kernel, ['fee_subsidy_policies', 'audit_log']);
      const set = await as(role).request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S2, effectiveFrom: '2027-04-01', mode: 'share', shareBp: 5000, capFen: 30_000 });
      assert.equal(set.status, 404, `${role} sets at the other street`);
      if (!SET_POLICY.includes(role)) {
        const here = await as(role).request('POST', '/api/fees/subsidies/policy', { streetId: w.places.S, effectiveFrom: '2027-04-02', mode: 'share', shareBp: 5000, capFen: 30_000 });
        assert.equal(here.status, SEE_POLICY.includes(role) ? 403 : 404, `${role} sets`);
        assert.deepEqual(await countRows(env.kernel, ['fee_subsidy_policies', 'audit_log']), before, `${role}: nothing written`);
      }
    }
    assert.equal((await as('13800000001').request('GET', `/api/fees/subsidies/policy?placeId=${w.places.S}`)).status, 404, 'a resident');
  });

  test('the lines: the street and the residents’ committees over them; nobody else', async () => {
    for (const role of STAFF_ROLES) {
      const all = await as(role).request('GET', '/api/fees/subsidies/lines');
      assert.equal(all.status, 200);
      assert.equal(all.body.total > 0, READ.includes(role), `${role} lists`);
      const inA = await as(role).request('GET', `/api/fees/subsidies/lines?placeId=${w.places.A}`);
      assert.equal(inA.status, READ.includes(role) ? 200 : 404, `${role} at A`);
      const outside = await as(role).request('GET', `/api/fees/subsidies/lines?placeId=${w.places.Z}`);
      assert.equal(outside.status, 404, `${role} outside`);
    }
    // The community of B (C2) is not the committee's: 李波's line is not theirs.
    const committee = await as('committee_staff').request('GET', '/api/fees/subsidies/lines?pageSize=100');
    assert.ok(committee.body.items.every((l: { payeeName: string }) => l.payeeName !== '李波'));
    const street = await as('street_official').request('GET', '/api/fees/subsidies/lines?pageSize=100&q=李波');
    assert.equal(street.body.total, 1);
    const xlsx = await env.app.inject({ method: 'GET', url: '/api/fees/subsidies/lines/export.xlsx', headers: { cookie: '' } });
    assert.equal(xlsx.statusCode, 401);
  });

  test('the lines sort by each column', async () => {
    // Three lines given distinct values in every sorted column (set directly: the test's rows).
    const ids = (await read(env.kernel).selectFrom('fee_subsidy_lines').select('id').where('street_id', '=', w.places.S).orderBy('id').limit(3).execute()).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      await write(system, (tx) =>
        tx.updateTable('fee_subsidy_lines').set({ granted_at: new Date(Date.parse('2026-01-01T09:00:00+08:00') + i * 60_000), amount_fen: i + 1, period_label: `S-${i + 1}`, payee_name: `A-${i + 1}` }).where('id', '=', id).execute(),
      );
    }
    await expectSorts(env.kernel, as('street_official'), '/api/fees/subsidies/lines', SubsidyLinesSort, { grantedAt: ids, amount: ids, period: ids, payee: ids });
  });

  test('a household sees only its own rooms’ subsidies', async () => {
    const mine = await as('13800000001').request('GET', '/api/me/fees/subsidies');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.length > 0);
    assert.ok(mine.body.items.every((l: { roomId: string }) => l.roomId === w.rooms.A101));
    const staff = await as('street_official').request('GET', '/api/me/fees/subsidies');
    assert.equal(staff.body.total, 0);
  });
});
