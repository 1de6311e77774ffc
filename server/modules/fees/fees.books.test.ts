import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR, STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { type Ctx, write } from '../../kernel/context.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { read } from './fees.db.ts';
import { openBill } from './fees.test-support.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { remunerationOf } from './use-cases/book-computed-lines.ts';
import { createBookStatement } from './use-cases/create-book-statement.ts';
import { setBookAccount } from './use-cases/set-book-account.ts';

/**
 * The books part (issue 19 §3, 信托制 open books): the remuneration by the contract at its rounding boundary; the
 * totals equal the lines; the fees line comes from the compound's own payments; both confirmations before owners
 * see a statement, and any change after a confirmation clears it; vouchers checked by content and size, required
 * for an expense, marked masked before publishing; a questioned line is an opinion to the owners' committee
 * linked both ways; what owners see carries no personal data; and the access matrix. The clock stands at
 * 2026-11-22 (Shanghai): '2026-11' is this month.
 */
let env: TestEnv;
let w: World;
let system: Ctx;
const MONTH = '2026-11';

interface Client {
  login: string;
  req(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  upload(url: string, fields: Record<string, string>, file?: { filename: string; type: string; content: Buffer }): Promise<{ status: number; body: any }>;
}
type Who = StaffRole | 'alice' | 'tom' | 'bob';
const clients = new Map<Who, Client>();
const as = (who: Who) => clients.get(who)!;

async function client(login: string): Promise<Client> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  const parse = (text: string) => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  return {
    login,
    async req(method, url, body) {
      const r = await env.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body !== undefined ? { payload: body as object } : {}) });
      return { status: r.statusCode, body: r.body ? parse(r.body) : null, headers: r.headers };
    },
    async upload(url, fields, file) {
      const B = '----books-test';
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      if (file) {
        parts.push(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${B}--\r\n`));
      const r = await env.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${B}` }, payload: Buffer.concat(parts) });
      return { status: r.statusCode, body: parse(r.body) };
    },
  };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 3)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(100, 1)]);

const BOOK_TABLES = ['fee_book_accounts', 'fee_book_statements', 'fee_book_lines', 'fee_book_vouchers', 'op_opinions', 'audit_log'];
async function counts() {
  const out: Record<string, number> = {};
  for (const t of BOOK_TABLES) out[t] = Number((await env.kernel.db.selectFrom(t as 'places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}
const files = () => (env.kernel.files as unknown as { size(): number }).size();

/** Refused, with its code, and nothing written: no row in the books' tables, the opinions or the audit log, no file. */
async function refused(send: () => Promise<{ status: number; body: any }>, status: number, code: string) {
  const [rows, stored] = [await counts(), files()];
  const res = await send();
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  assert.deepEqual(await counts(), rows, 'nothing written');
  assert.equal(files(), stored, 'no file stored');
}

const expense = (over: Record<string, unknown> = {}) => ({
  direction: 'expense',
  category: 'repairs',
  amountFen: 46_800,
  counterparty: '李建国',
  counterpartyKind: 'person',
  description: '3 栋屋面防水修补',
  occurredOn: '2026-11-12',
  basisKind: 'contract',
  basisRef: 'HT-2024-001',
  ...over,
});
const income = (amountFen: number, over: Record<string, unknown> = {}) => ({
  direction: 'income',
  category: 'parking',
  amountFen,
  counterparty: '本小区车主',
  counterpartyKind: 'organisation',
  description: '月租车位',
  occurredOn: '2026-11-05',
  basisKind: 'contract',
  basisRef: 'TC-2024-003',
  ...over,
});

async function statement(id: string) {
  const r = await as('property_staff').req('GET', `/api/fees/books/statements/${id}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
/** A fresh month's draft of compound A (each test its own month, so tests do not share lines). */
let monthSeq = 0;
async function draftOfA(): Promise<string> {
  const n = monthSeq++;
  const month = `${2010 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  const r = await as('property_staff').req('POST', '/api/fees/books/statements', { compoundId: w.places.A, month });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
async function addLine(id: string, body: object) {
  const r = await as('property_staff').req('POST', `/api/fees/books/statements/${id}/lines`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}
async function voucher(lineId: string, masked = true, file = { filename: '发票-李建国.png', type: 'image/png', content: PNG }) {
  const r = await as('property_staff').upload(`/api/fees/books/lines/${lineId}/vouchers`, { masked: String(masked) }, file);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}
async function confirmBoth(id: string) {
  assert.equal((await as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'committee' })).status, 200);
  assert.equal((await as('property_manager').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'company' })).status, 200);
}
/** A published statement of A with one expense line (person counterparty, voucher) and one income line. */
async function publishedOfA() {
  const id = await draftOfA();
  const line = await addLine(id, expense());
  await voucher(line);
  await addLine(id, income(150_000));
  await confirmBoth(id);
  const p = await as('property_manager').req('POST', `/api/fees/books/statements/${id}/publish`);
  assert.equal(p.status, 200, JSON.stringify(p.body));
  return { id, line };
}

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  await write(system, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000002', displayName: '陈涛', password: PASSWORD, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000003', displayName: '李波', password: PASSWORD, personId: w.persons.bob });
  });
  for (const role of STAFF_ROLES) clients.set(role, await client(role));
  clients.set('alice', await client('13800000001'));
  clients.set('tom', await client('13800000002'));
  clients.set('bob', await client('13800000003'));
  // 10% of the month's income, by the contract.
  const set = await as('owners_committee_member').req('PUT', `/api/fees/books/accounts/${w.places.A}`, { mode: 'share_bp', shareBp: 1000, contractNo: 'HT-2024-001' });
  assert.equal(set.status, 200, JSON.stringify(set.body));
});
after(() => env.close());

describe('remuneration by the contract (酬金制)', () => {
  test('a share of the income, rounded half-up once to the fen, at the boundary; a fixed amount as it is', () => {
    const share = (bp: number, incomeFen: number) => remunerationOf({ mode: 'share_bp', share_bp: bp, fixed_fen: null, contract_no: 'HT' }, incomeFen).amountFen;
    // 10% of 123.45 yuan = 12.345 → 12.35 (the half goes up); of 123.44 → 12.344 → 12.34.
    assert.equal(share(1000, 12_345), 1_235);
    assert.equal(share(1000, 12_344), 1_234);
    // 3.33% of 1.50 yuan = 0.04995 yuan = 4.995 fen → 5 fen; of 1.49 yuan = 4.9617 fen → 5; of 0.15 yuan → 0.4995 → 0.
    assert.equal(share(333, 150), 5);
    assert.equal(share(333, 149), 5);
    assert.equal(share(333, 15), 0);
    // 8.5% of 1,000,000.01 yuan = 8,500,000.085 fen → 8,500,000 (one rounding of the exact product, no float).
    assert.equal(share(850, 100_000_001), 8_500_000);
    const f = remunerationOf({ mode: 'share_bp', share_bp: 1000, fixed_fen: null, contract_no: 'HT-9' }, 12_345);
    assert.match(f.formula, /123\.45 元 × 酬金比例 10\.00% = 12\.35 元（合同 HT-9/);
    assert.equal(remunerationOf({ mode: 'fixed_fen', share_bp: null, fixed_fen: 800_000, contract_no: 'HT' }, 99_999).amountFen, 800_000);
  });

  test('the remuneration line follows the income lines, with its formula; setting the account needs the committee or an official', async () => {
    const id = await draftOfA();
    await addLine(id, income(12_345));
    const s = await statement(id);
    const pay = s.lines.find((l: any) => l.source === 'remuneration');
    assert.equal(pay.amountFen, 1_235, 'income 123.45 yuan (no payments this month) × 10% = 12.35');
    assert.equal(pay.direction, 'expense');
    assert.match(pay.formula, /123\.45 元 × 酬金比例 10\.00% = 12\.35 元/);
    await refused(() => as('property_manager').req('PUT', `/api/fees/books/accounts/${w.places.A}`, { mode: 'fixed_fen', fixedFen: 1, contractNo: 'X' }), 403, 'FORBIDDEN');
    await refused(() => as('grid_worker').req('PUT', `/api/fees/books/accounts/${w.places.A}`, { mode: 'fixed_fen', fixedFen: 1, contractNo: 'X' }), 404, 'PLACE_NOT_FOUND');
    await refused(() => as('owners_committee_member').req('PUT', `/api/fees/books/accounts/${w.places.A}`, { mode: 'share_bp', fixedFen: 1, contractNo: 'X' }), 400, 'VALIDATION_FAILED');
  });
});

describe('lines and totals', () => {
  test('the totals are the sums of the lines (SQL against a hand sum), in the statement and the list', async () => {
    const id = await draftOfA();
    await addLine(id, income(100_001));
    await addLine(id, income(33_333, { category: 'advertising' }));
    const l = await addLine(id, expense({ amountFen: 50_505 }));
    await voucher(l);
    const s = await statement(id);
    const byHand = (dir: string) => s.lines.filter((x: any) => x.direction === dir).reduce((a: number, x: any) => a + x.amountFen, 0);
    assert.equal(s.incomeFen, 133_334);
    assert.equal(s.incomeFen, byHand('income'));
    // 50,505 + the remuneration: 10% of 1,333.34 yuan = 133.334 → 133.33 yuan.
    assert.equal(s.expenseFen, 50_505 + 13_333);
    assert.equal(s.expenseFen, byHand('expense'));
    assert.equal(s.balanceFen, s.incomeFen - s.expenseFen);
    const list = await as('property_staff').req('GET', `/api/fees/books/statements?q=${s.month}`);
    const row = list.body.items.find((r: any) => r.id === id);
    assert.deepEqual([row.incomeFen, row.expenseFen, row.balanceFen], [s.incomeFen, s.expenseFen, s.balanceFen]);
  });

  test("the fees line is the compound's own payments booked in the month, another compound's not", async () => {
    const billA = await openBill(env.kernel, { roomId: w.rooms.A101, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 26_850 });
    const billB = await openBill(env.kernel, { roomId: w.rooms.B101, compoundId: w.places.B, companyId: null, amountFen: 99_900 });
    await write(system, (tx) => bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo: 'BK-1', amountFen: 26_850, billIds: [billA], payerAccountId: null, payerNameMasked: null, bookedBy: null }));
    await write(system, (tx) => bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo: 'BK-2', amountFen: 99_900, billIds: [billB], payerAccountId: null, payerNameMasked: null, bookedBy: null }));
    const r = await as('property_staff').req('POST', '/api/fees/books/statements', { compoundId: w.places.A, month: MONTH });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const s = await statement(r.body.id);
    const fees = s.lines.find((l: any) => l.source === 'fees');
    assert.equal(fees.amountFen, 26_850);
    assert.match(fees.formula, /2026-11 物业费实收 1 笔，合计 268\.50 元/);
    assert.equal(s.lines.find((l: any) => l.source === 'remuneration').amountFen, 2_685);
    // A computed line is not edited by hand, and a second statement of the month is refused.
    await refused(() => as('property_staff').req('PATCH', `/api/fees/books/lines/${fees.id}`, income(1)), 409, 'BOOK_LINE_COMPUTED');
    await refused(() => as('property_staff').req('POST', '/api/fees/books/statements', { compoundId: w.places.A, month: MONTH }), 409, 'BOOK_STATEMENT_EXISTS');
    await refused(() => as('property_staff').req('POST', '/api/fees/books/statements', { compoundId: w.places.A, month: '2026-12' }), 400, 'BOOK_MONTH_FUTURE');
  });

  test('a category of the other direction and a decision that is not the compound’s are refused', async () => {
    const id = await draftOfA();
    await refused(() => as('property_staff').req('POST', `/api/fees/books/statements/${id}/lines`, expense({ category: 'parking' })), 400, 'BOOK_CATEGORY_DIRECTION');
    await refused(() => as('property_staff').req('POST', `/api/fees/books/statements/${id}/lines`, expense({ basisKind: 'decision', basisRef: '018f0000-0000-7000-8000-000000000000' })), 400, 'BOOK_DECISION_NOT_FOUND');
    await refused(() => as('property_staff').req('POST', `/api/fees/books/statements/${id}/lines`, expense({ category: 'remuneration' })), 400, 'VALIDATION_FAILED');
  });
});

describe('confirmations and publishing', () => {
  test('owners see a statement only after both confirmations and publishing; every owner is told', async () => {
    const id = await draftOfA();
    const line = await addLine(id, expense());
    await voucher(line);
    const owner = as('alice');
    assert.equal((await owner.req('GET', `/api/me/fees/books/${id}`)).status, 404, 'a draft is not the owners’ yet');
    assert.equal((await as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'committee' })).status, 200);
    assert.equal((await owner.req('GET', `/api/me/fees/books/${id}`)).status, 404, 'one confirmation is not enough');
    await refused(() => as('property_manager').req('POST', `/api/fees/books/statements/${id}/publish`), 409, 'BOOK_NOT_CONFIRMED');
    await refused(() => as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'committee' }), 409, 'BOOK_CONFIRMED_ALREADY');
    // Each side confirms as itself only.
    await refused(() => as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'company' }), 403, 'FORBIDDEN');
    await refused(() => as('property_staff').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'company' }), 403, 'FORBIDDEN');
    assert.equal((await as('property_manager').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'company' })).status, 200);
    assert.equal((await owner.req('GET', `/api/me/fees/books/${id}`)).status, 404, 'confirmed, not yet published');
    const pub = await as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/publish`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    const seen = await owner.req('GET', `/api/me/fees/books/${id}`);
    assert.equal(seen.status, 200);
    assert.ok((await owner.req('GET', '/api/me/fees/books')).body.items.some((s: any) => s.id === id));
    const inbox = await owner.req('GET', '/api/notify/inbox');
    assert.ok(JSON.stringify(inbox.body).includes(`/h5/fees/books/${id}`), 'the owner was told, with the link');
    // Published: nothing changes any more.
    await refused(() => as('property_staff').req('POST', `/api/fees/books/statements/${id}/lines`, income(1)), 409, 'BOOK_PUBLISHED');
    await refused(() => as('property_staff').req('DELETE', `/api/fees/books/lines/${line}`), 409, 'BOOK_PUBLISHED');
    await refused(() => as('property_staff').upload(`/api/fees/books/lines/${line}/vouchers`, { masked: 'true' }, { filename: 'a.png', type: 'image/png', content: PNG }), 409, 'BOOK_PUBLISHED');
  });

  for (const change of ['add a line', 'edit a line', 'remove a line', 'attach a voucher', 'remove a voucher', 'refresh with a new payment'] as const) {
    test(`a change after a confirmation clears both confirmations: ${change}`, async () => {
      const id = await draftOfA();
      const line = await addLine(id, expense());
      const v = await voucher(line);
      const spare = await addLine(id, income(500));
      await confirmBoth(id);
      const before = await statement(id);
      assert.ok(before.committeeConfirmedAt && before.companyConfirmedAt);
      assert.equal(before.can.publish, false, 'property_staff does not publish');
      const staff = as('property_staff');
      if (change === 'add a line') assert.equal((await staff.req('POST', `/api/fees/books/statements/${id}/lines`, income(1))).status, 201);
      if (change === 'edit a line') assert.equal((await staff.req('PATCH', `/api/fees/books/lines/${line}`, expense({ amountFen: 46_801 }))).status, 200);
      if (change === 'remove a line') assert.equal((await staff.req('DELETE', `/api/fees/books/lines/${spare}`)).status, 200);
      if (change === 'attach a voucher') await voucher(line);
      if (change === 'remove a voucher') assert.equal((await staff.req('DELETE', `/api/fees/books/vouchers/${v}`)).status, 200);
      if (change === 'refresh with a new payment') {
        // The draft's month is past; a payment booked in it is placed there by its allocation time.
        const month = before.month as string;
        const bill = await openBill(env.kernel, { roomId: w.rooms.A102, compoundId: w.places.A, companyId: w.organisations.pc1, amountFen: 10_000 });
        await write(system, (tx) => bookPayment(tx, system, { streetId: w.places.S, channel: 'cash', voucherNo: `RF-${month}`, amountFen: 10_000, billIds: [bill], payerAccountId: null, payerNameMasked: null, bookedBy: null }));
        await sql`update fee_payment_allocations set at = ${`${month}-15T10:00:00+08:00`}::timestamptz where bill_id = ${bill}`.execute(env.kernel.db);
        const r = await staff.req('POST', `/api/fees/books/statements/${id}/refresh`);
        assert.equal(r.status, 200);
        assert.deepEqual([r.body.changed, r.body.confirmationsCleared], [true, true]);
      }
      const after = await statement(id);
      assert.equal(after.committeeConfirmedAt, null);
      assert.equal(after.companyConfirmedAt, null);
      await refused(() => as('property_manager').req('POST', `/api/fees/books/statements/${id}/publish`), 409, 'BOOK_NOT_CONFIRMED');
    });
  }

  test('a refresh that moves nothing keeps the confirmations', async () => {
    const id = await draftOfA();
    const line = await addLine(id, expense());
    await voucher(line);
    await confirmBoth(id);
    const r = await as('property_staff').req('POST', `/api/fees/books/statements/${id}/refresh`);
    assert.deepEqual([r.status, r.body.changed], [200, false]);
    assert.ok((await statement(id)).committeeConfirmedAt);
  });

  test('an expense needs a voucher before it is confirmed; a voucher not marked masked stops publishing', async () => {
    const id = await draftOfA();
    const line = await addLine(id, expense());
    await refused(() => as('owners_committee_member').req('POST', `/api/fees/books/statements/${id}/confirm`, { side: 'committee' }), 409, 'BOOK_VOUCHER_MISSING');
    const v = await voucher(line, false);
    await confirmBoth(id);
    await refused(() => as('property_manager').req('POST', `/api/fees/books/statements/${id}/publish`), 409, 'BOOK_VOUCHER_UNMASKED');
    assert.equal((await statement(id)).lines.find((l: any) => l.id === line).vouchers.find((x: any) => x.id === v).masked, false);
  });
});

describe('vouchers', () => {
  test('a voucher is a JPG, PNG or PDF by its content, within 5 MB; anything else is refused and nothing stored', async () => {
    const id = await draftOfA();
    const line = await addLine(id, expense());
    const up = (file?: { filename: string; type: string; content: Buffer }) => () => as('property_staff').upload(`/api/fees/books/lines/${line}/vouchers`, { masked: 'true' }, file);
    await refused(up({ filename: 'a.txt', type: 'text/plain', content: Buffer.from('not an invoice') }), 415, 'BOOK_VOUCHER_TYPE');
    await refused(up({ filename: 'a.webp', type: 'image/webp', content: WEBP }), 415, 'BOOK_VOUCHER_TYPE');
    await refused(up({ filename: 'a.pdf', type: 'application/pdf', content: PNG }), 415, 'BOOK_VOUCHER_TYPE');
    await refused(up({ filename: 'a.png', type: 'image/jpeg', content: PNG }), 415, 'BOOK_VOUCHER_TYPE');
    await refused(up({ filename: 'big.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) }), 413, 'BOOK_VOUCHER_TOO_LARGE');
    await refused(up(), 400, 'BOOK_VOUCHER_FILE_REQUIRED');
    // Owners' committee members read the books but do not keep them.
    await refused(() => as('owners_committee_member').upload(`/api/fees/books/lines/${line}/vouchers`, { masked: 'true' }, { filename: 'a.png', type: 'image/png', content: PNG }), 403, 'FORBIDDEN');
    await voucher(line, true, { filename: 'scan.pdf', type: 'application/pdf', content: PDF });
    await voucher(line, true, { filename: 'photo', type: 'application/octet-stream', content: PNG });
  });

  test('what owners see carries no personal data: a person masked, neutral voucher names, no uploader', async () => {
    const { id, line } = await publishedOfA();
    const owner = await as('alice').req('GET', `/api/me/fees/books/${id}`);
    assert.equal(owner.status, 200);
    const l = owner.body.lines.find((x: any) => x.id === line);
    assert.equal(l.counterparty, '李**');
    assert.equal(l.vouchers[0].name, `凭证-${owner.body.month}-第${l.lineNo}行-1.png`);
    const text = JSON.stringify(owner.body);
    for (const leak of ['李建国', '发票-李建国', 'property_staff', 'uploaded', 'confirmed', 'masked']) assert.ok(!text.includes(leak), `no ${leak} in what owners see`);
    const file = await as('alice').req('GET', `/api/me/fees/books/vouchers/${l.vouchers[0].id}`);
    assert.equal(file.status, 200);
    assert.ok(!String(file.headers['content-disposition']).includes(encodeURIComponent('李建国')));
    assert.ok(String(file.headers['content-disposition']).includes(encodeURIComponent(l.vouchers[0].name)));
    // Staff see the name as recorded; the PDF is the owners' view.
    assert.equal((await statement(id)).lines.find((x: any) => x.id === line).counterparty, '李建国');
    const pdf = await as('alice').req('GET', `/api/me/fees/books/${id}/statement.pdf`);
    assert.equal(pdf.status, 200);
    assert.match(String(pdf.headers['content-type']), /application\/pdf/);
  });
});

describe('questions', () => {
  test('a questioned line is a public opinion to the owners’ committee, linked both ways, answered in public', async () => {
    const { id, line } = await publishedOfA();
    await refused(() => as('tom').req('POST', `/api/me/fees/books/lines/${line}/questions`, { body: '为什么这么贵？' }), 404, 'BOOK_LINE_NOT_FOUND');
    await refused(() => as('bob').req('POST', `/api/me/fees/books/lines/${line}/questions`, { body: '为什么这么贵？' }), 404, 'BOOK_LINE_NOT_FOUND');
    const asked = await as('alice').req('POST', `/api/me/fees/books/lines/${line}/questions`, { body: '修补是否比价？' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const opinionId = asked.body.opinionId;
    const op = await as('owners_committee_member').req('GET', `/api/opinions/${opinionId}`);
    assert.equal(op.status, 200);
    assert.equal(op.body.addressee, 'owners_committee');
    assert.equal(op.body.visibility, 'public');
    assert.equal(op.body.body, '修补是否比价？');
    const lineNo = (await statement(id)).lines.find((l: any) => l.id === line).lineNo;
    assert.deepEqual(op.body.subject, { module: 'fees', type: 'book_line', id: line, label: `${(await statement(id)).month} 账目 第 ${lineNo} 行` });
    // The committee sees it in its inbox, and answers there.
    assert.ok((await as('owners_committee_member').req('GET', '/api/opinions?addressee=owners_committee')).body.items.some((o: any) => o.id === opinionId));
    assert.equal((await as('owners_committee_member').req('POST', `/api/opinions/${opinionId}/answer`, { answer: '经三家比价，选最低价。' })).status, 200);
    const seen = await as('alice').req('GET', `/api/me/fees/books/${id}`);
    const q = seen.body.lines.find((l: any) => l.id === line).questions;
    assert.equal(q.length, 1);
    assert.deepEqual([q[0].id, q[0].body, q[0].answer, q[0].status], [opinionId, '修补是否比价？', '经三家比价，选最低价。', 'answered']);
    assert.equal((await statement(id)).lines.find((l: any) => l.id === line).questions[0].id, opinionId, 'staff see it on the line too');
    // The link back from the opinion: where the line sits.
    const back = await as('alice').req('GET', `/api/me/fees/books/lines/${line}`);
    assert.deepEqual([back.body.statementId, back.body.lineNo], [id, lineNo]);
  });
});

describe('access matrix', () => {
  // Written out again on purpose (not read from the policy): a change there must be made here too.
  const READ: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff'];
  const KEEP: StaffRole[] = ['platform_admin', 'property_manager', 'property_staff'];
  const ACCOUNT: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'];
  let inside: { id: string; line: string };
  let outside: { id: string; line: string };
  let draftB: string;

  before(async () => {
    inside = await publishedOfA();
    // Compound Z (the other street) and B (the street's other community, no company): made as the system would.
    await setBookAccount(system, w.places.Z, { mode: 'fixed_fen', fixedFen: 500_000, contractNo: 'Z-1' });
    const z = await createBookStatement(system, { compoundId: w.places.Z, month: '2026-10' });
    const zLine = (await read(env.kernel).selectFrom('fee_book_lines').select('id').where('statement_id', '=', z.id).executeTakeFirstOrThrow()).id;
    outside = { id: z.id, line: zLine };
    await setBookAccount(system, w.places.B, { mode: 'share_bp', shareBp: 500, contractNo: 'B-1' });
    draftB = (await createBookStatement(system, { compoundId: w.places.B, month: '2026-10' })).id;
  });

  test('staff: read inside their place, 404 outside; keeping and setting by role', async () => {
    for (const role of STAFF_ROLES) {
      const c = as(role);
      const get = await c.req('GET', `/api/fees/books/statements/${inside.id}`);
      assert.equal(get.status, READ.includes(role) ? 200 : 404, `${role} reads A`);
      assert.equal((await c.req('GET', `/api/fees/books/statements/${outside.id}`)).status, 404, `${role} reads Z`);
      // B lies in community 2: the street and the platform see it, community 1's staff and A's do not.
      const seesB = ['platform_admin', 'street_official'].includes(role);
      assert.equal((await c.req('GET', `/api/fees/books/statements/${draftB}`)).status, seesB ? 200 : 404, `${role} reads B`);
      const list = await c.req('GET', '/api/fees/books/statements?pageSize=200');
      assert.equal(list.status, 200);
      const ids = list.body.items.map((s: any) => s.id);
      assert.equal(ids.includes(inside.id), READ.includes(role), `${role} lists A`);
      assert.ok(!ids.includes(outside.id), `${role} does not list Z`);
      const acc = await c.req('GET', `/api/fees/books/accounts/${w.places.A}`);
      assert.equal(acc.status, READ.includes(role) ? 200 : 404);
      if (acc.status === 200) assert.equal(acc.body.can.set, ACCOUNT.includes(role));
      // Opening a month (a draft of A's next free month): keepers only.
      // A month of its own per role: the months of 2024, then of 2023 (there are more roles than months).
      const n = STAFF_ROLES.indexOf(role);
      const month = `${2024 - Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
      const create = await c.req('POST', '/api/fees/books/statements', { compoundId: w.places.A, month });
      assert.equal(create.status, KEEP.includes(role) ? 201 : READ.includes(role) ? 403 : 404, `${role} opens a month of A`);
      assert.equal((await c.req('POST', '/api/fees/books/statements', { compoundId: w.places.Z, month })).status, 404, `${role} opens a month of Z`);
      assert.equal((await c.req('POST', `/api/fees/books/statements/${outside.id}/lines`, income(1))).status, 404, `${role} writes Z`);
      assert.equal((await c.req('GET', `/api/fees/books/statements/${inside.id}/export.xlsx`)).status, READ.includes(role) ? 200 : 404);
      assert.equal((await c.req('GET', `/api/fees/books/statements/${inside.id}/statement.pdf`)).status, READ.includes(role) ? 200 : 404);
    }
  });

  test('residents: the owners of the compound read its published books; tenants, owners elsewhere and staff do not', async () => {
    const expectations: [Who, number][] = [['alice', 200], ['tom', 404], ['bob', 404], ['property_manager', 404], ['street_official', 404]];
    for (const [who, status] of expectations) {
      assert.equal((await as(who).req('GET', `/api/me/fees/books/${inside.id}`)).status, status, `${who} reads A's books as an owner`);
      assert.equal((await as(who).req('GET', `/api/me/fees/books/lines/${inside.line}`)).status, status, `${who} finds A's line`);
      const list = await as(who).req('GET', '/api/me/fees/books');
      assert.equal(list.body.items.some((s: any) => s.id === inside.id), status === 200);
    }
    // Nobody reads Z's draft as an owner, nor A's vouchers through a line they cannot see.
    assert.equal((await as('alice').req('GET', `/api/me/fees/books/${outside.id}`)).status, 404);
    const v = (await statement(inside.id)).lines.find((l: any) => l.id === inside.line).vouchers[0].id;
    assert.equal((await as('alice').req('GET', `/api/me/fees/books/vouchers/${v}`)).status, 200);
    assert.equal((await as('tom').req('GET', `/api/me/fees/books/vouchers/${v}`)).status, 404);
    assert.equal((await as('bob').req('GET', `/api/me/fees/books/vouchers/${v}`)).status, 404);
    assert.equal((await as('grid_worker').req('GET', `/api/fees/books/vouchers/${v}`)).status, 404);
    assert.equal((await as('committee_staff').req('GET', `/api/fees/books/vouchers/${v}`)).status, 200);
  });

  test('confirming and publishing: each side its own, in its compound', async () => {
    for (const role of STAFF_ROLES) {
      const committee = await as(role).req('POST', `/api/fees/books/statements/${draftB}/confirm`, { side: 'committee' });
      // B has no grant of an owners' committee member or a manager; the street reads it but confirms nothing.
      assert.equal(committee.status, ['platform_admin', 'street_official'].includes(role) ? 403 : 404, `${role} confirms B`);
    }
  });
});
