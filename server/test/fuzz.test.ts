import { DEFAULT_RULES, ITEM_ATTACHMENT_MAX_BYTES, EVIDENCE_MAX_BYTES } from '../modules/decisions/decisions.constants.ts';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { MODULES, WRITES_WITHOUT_AUDIT } from '../app.ts';
import { write } from '../kernel/context.ts';
import { CommonErrors } from '../kernel/errors.ts';
import { buildServer, ctxOf } from '../kernel/http/server.ts';
import type { App, Module } from '../kernel/module.ts';
import { publicPages } from '../kernel/public/public-pages.ts';
import { VOUCHER_MAX_BYTES } from '../kernel/payouts/payouts.ts';
import { withIdChecksum } from '../kernel/pii/pii.ts';
import { ATTACHMENT_MAX_BYTES } from '../modules/notices/notices.constants.ts';
import { MEETING_ATTACHMENT_MAX_BYTES } from '../modules/deliberation/meetings.constants.ts';
import { IMPORT_MAX_BYTES } from '../modules/registry/registry.import.routes.ts';
import { FUND_STATEMENT_MAX_BYTES } from '../modules/fees/fees.fund.routes.ts';
import { FUND_DOCUMENT_MAX_BYTES } from '../modules/fees/use-cases/link-fund-use.ts';
import { fundStatementXlsx } from '../modules/fees/use-cases/read-fund-statement.ts';
import { MAX_PHOTO_BYTES } from '../modules/repairs/repairs.constants.ts';
import { MAX_PHOTO_BYTES as TASK_PHOTO_BYTES } from '../modules/deliberation/execution.schemas.ts';
import { MAX_PHOTO_BYTES as VOLUNTEER_PHOTO_BYTES } from '../modules/volunteers/volunteers.constants.ts';
import { BOOK_VOUCHER_MAX_BYTES } from '../modules/fees/fees.constants.ts';
import { EVIDENCE_MAX_BYTES as INSPECTION_EVIDENCE_MAX_BYTES } from '../modules/supervision/supervision.sheets.constants.ts';
import { NOTICE_MAX_FILE_BYTES } from '../modules/supervision/supervision.rectification.constants.ts';
import { LIST_MAX_FILE_BYTES } from '../modules/supervision/supervision.lists.constants.ts';
import { CREDIT_FILE_MAX_BYTES } from '../modules/supervision/supervision.credit.constants.ts';
import { COMMITTEE_EVIDENCE_MAX_BYTES } from '../modules/supervision/supervision.committees.constants.ts';
// grid, collection part: a component's photos (5 MB each).
import { MAX_FILE_BYTES as GRID_COLLECTION_FILE_BYTES } from '../modules/grid/grid.constants.ts';
import { PASSWORD, useWorld } from './fixture.ts';
import { type Known, type Schema, bodyValues, fieldPaths, formValues, isUuid, urlValues, validValue } from './fuzz-values.ts';

/**
 * The fuzz test: every route of the OpenAPI document (/api/docs), signed in as a role it lets in, sent a
 * valid request and then the same request with ONE field replaced (a path or query parameter, a body
 * field or a nested one, a multipart part) by hostile values (fuzz-values.ts): NUL, lone surrogates,
 * 1 MB strings, wrong types, nested objects and arrays, numbers at and past their bounds, malformed ids;
 * for uploads truncated, oversized and mislabelled files, and missing and extra parts.
 *
 * Every answer must be below 500; a refusal (4xx) must be `{error:{code,message}}` with a stable code
 * and must have written nothing: the row count of every table (but the bookkeeping ones below) and the
 * stored files are unchanged. A success is allowed (some hostile strings are valid text), and the audit
 * guard, on in every test, already answers 500 for a success without its audit entry.
 *
 * Routes come from the document, so a new route is fuzzed without anyone adding it; the last test
 * checks that every registered route was (but the SKIPPED ones). Upload routes are not described by the
 * document (their bodies are multipart): UPLOADS says what a valid upload is, and a route whose
 * document mentions multipart must be in it.
 *
 * To stay within CI's time: each login signs in once for the file; the 1 MB string goes to the first
 * path parameter, the first query parameter, the first body field and the first form part of each route
 * only (enough to show size is checked before work is done); numeric and date extremes go to the
 * fields that take numbers and dates. A valid DELETE is sent for an id that exists nowhere (pathId).
 * FUZZ_ONLY=<regex> fuzzes only the matching routes, FUZZ_VERBOSE=1 lists the slowest routes and requests.
 */
const { env, w, afterSetUp } = useWorld();

/**
 * Tables a refused request may still write, each for its reason; every other table must keep its
 * row count. audit_log is checked: a refusal must leave no entry.
 */
const BOOKKEEPING: Record<string, string> = {
  sessions: 'a refused request still touches its session (last seen), and a refused sign-in may not have one',
  auth_failures: 'a refused sign-in is counted, to slow down password guessing',
  auth_known_clients: 'sign-in throttling remembers the clients that signed in before',
  act_claim_attempts: 'a wrong activation code or claim is counted, to slow down guessing (activation.repository.ts)',
};

/**
 * Routes whose refusals are recorded on purpose, and where (server/app.ts WRITES_WITHOUT_AUDIT says why
 * the audit guard lets them): any other table they write when refused is still a failure.
 */
const REFUSALS_RECORDED: Record<string, string[]> = {
  // A failed sign-in is a security event (auth.login_failed), recorded though the request is refused.
  'POST /api/auth/login': ['audit_log', 'audit_head'],
  // An unknown activation code counts as a failed claim, audited (activation.code_unknown), so that
  // codes cannot be guessed faster than the claim limit allows (activation/use-cases/claim-room.ts).
  'GET /api/activation/codes/:code': ['audit_log', 'audit_head'],
  'POST /api/activation/claims/by-code': ['audit_log', 'audit_head'],
  // A refused gateway notification (forged, unknown order) is kept with its outcome and audited (fees.gateway.refused).
  'POST /api/fees/gateway/:provider/notify': ['audit_log', 'audit_head', 'fee_gateway_events'],
};

/** FUZZ_ONLY=regex: only the routes it matches ("POST /api/notices/:id/publish"), while working on them. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;

/** Routes not fuzzed, each for its reason. */
const SKIPPED: Record<string, string> = {};

/** The logins tried for each route, in this order: the first not refused with 401/403 is used. */
const LOGINS = ['platform_admin', 'street_official', 'committee_staff', 'property_manager', '13800000001'];

interface Session {
  login: string;
  cookie: string;
  csrf: string;
}
let sessions: Session[] = [];
/** Signed out by POST /api/auth/logout, so that the others live on. */
let throwaway: Session;
/** Records the routes act on, made through the API: ids that exist where the world has none. */
const rec = { notice: '', attachment: '', order: '', opinion: '', import: '', rules: '', decision: '' };

async function open(login: string): Promise<Session> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  assert.equal(res.statusCode, 200, `sign-in of ${login}: ${res.body}`);
  return { login, cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`, csrf: res.json().csrfToken };
}

// ——— Requests ———

interface Upload {
  fields: Record<string, string | undefined>;
  files: { name: string; filename: string; type: string; content: Buffer }[];
}
interface Req {
  method: string;
  /** The document's path, {name} for each parameter. */
  path: string;
  params: Record<string, string>;
  query: [string, string | string[]][];
  body?: unknown;
  /** A raw body with its content type (multipart), instead of `body`. */
  raw?: { type: string; payload: Buffer };
}

let sent = 0;
/** The app requests go to: the test env's, or one with planted routes (the last test). */
let target: App | null = null;
async function send(s: Session | null, r: Req): Promise<{ status: number; body: any }> {
  const url = r.path.replace(/\{(\w+)\}/g, (_, name: string) => r.params[name] ?? '');
  const qs = r.query.flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`)).join('&');
  const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
  let payload: string | Buffer | undefined;
  if (r.raw) {
    headers['content-type'] = r.raw.type;
    payload = r.raw.payload;
  } else if (r.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(r.body);
  }
  // Each request from an address of its own: the public pages' per-address rate limit would
  // otherwise answer 429 to most of them, and the fuzz would never reach their handlers.
  const n = ++sent;
  const res = await (target ?? env.app).inject({
    method: r.method as 'GET',
    url: qs ? `${url}?${qs}` : url,
    headers,
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    ...(payload !== undefined ? { payload } : {}),
  });
  let body: any = null;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    body = res.body.slice(0, 200);
  }
  return { status: res.statusCode, body };
}

const BOUNDARY = '----gz-fuzz-boundary';
function multipart(u: Upload): Buffer {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(u.fields)) {
    if (v !== undefined) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of u.files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
const asMultipart = (u: Upload) => ({ type: `multipart/form-data; boundary=${BOUNDARY}`, payload: multipart(u) });

// ——— Valid values ———

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 1), Buffer.from([0xff, 0xd9])]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1000, 2)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CSV = Buffer.from('小区,楼栋,单元,房号,姓名,关系\n阳光花园,1栋,1单元,101,王丽,业主\n');

/** Valid values by field name (body, query): ids of the world, and texts whose form the schema does not give. */
const known = (): Known => ({
  placeId: () => w.places.A,
  roomId: () => w.rooms.A101,
  personId: () => w.persons.tom,
  residentPersonId: () => w.persons.alice,
  organisationId: () => w.organisations.ownersCommitteeA,
  propertyCompanyId: () => w.organisations.pc1,
  parentId: () => w.places.A,
  compoundId: () => w.places.A,
  subjectId: () => w.places.A,
  phone: () => '13800000009',
  contactPhone: () => '057088880002',
  idNumber: () => withIdChecksum('33080219900101777'),
  idLast4: () => '0011',
  login: () => 'street_official',
  password: () => PASSWORD,
  key: () => publicPages()[0]!.key,
  code: () => 'ABCD2345',
});

/** The real record a path's {id} names, by the path; any other {id} is an unknown uuid (answered 404). */
function pathId(method: string, path: string, name: string): string {
  // A valid DELETE would remove a record later routes use: it is sent for an id that exists nowhere
  // (the body and every other parameter are still fuzzed; validation runs before the lookup).
  if (method === 'DELETE' && !path.endsWith('/me-too')) return randomUUID();
  if (name === 'attachmentId') return rec.attachment;
  if (name === 'compoundId') return w.places.A;
  const table: [RegExp, () => string][] = [
    [/^\/api\/places\//, () => w.places.A],
    [/^\/api\/persons\//, () => w.persons.tom],
    [/^\/api\/organisations\//, () => w.organisations.ownersCommitteeA],
    [/^\/api\/positions\//, () => w.positions.positionA],
    [/^\/api\/households\//, () => w.households.aliceTenantOfA201],
    [/^\/api\/(activation\/)?rooms\//, () => w.rooms.A102],
    [/^\/api\/activation\/buildings\//, () => w.places.A1.building],
    [/^\/api\/(me\/)?notices\//, () => rec.notice],
    [/^\/api\/repairs\/orders\//, () => rec.order],
    [/^\/api\/opinions\//, () => rec.opinion],
    [/^\/api\/registry\/imports\//, () => rec.import],
    [/^\/api\/decisions\/rules\//, () => rec.rules],
    [/^\/api\/(me\/)?decisions\//, () => rec.decision],
  ];
  return table.find(([re]) => re.test(path))?.[1]() ?? randomUUID();
}

/** What a valid upload is, for each route that takes multipart (the document does not describe the parts). */
const UPLOADS: Record<string, { upload: () => Upload; maxBytes: number }> = {
  'POST /api/repairs/orders': {
    upload: () => ({
      fields: { category: 'water', description: '水管漏水', placeId: w.rooms.A101 },
      files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }],
    }),
    maxBytes: MAX_PHOTO_BYTES,
  },
  'POST /api/repairs/orders/:id/finish': {
    upload: () => ({ fields: { note: '已修好' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: MAX_PHOTO_BYTES,
  },
  'POST /api/deliberation/tasks/:id/progress': {
    upload: () => ({ fields: { percent: '10', note: '进行中' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: TASK_PHOTO_BYTES,
  },
  'POST /api/registry/imports': {
    upload: () => ({ fields: { placeId: w.places.A }, files: [{ name: 'file', filename: 'a.csv', type: 'text/csv', content: CSV }] }),
    maxBytes: IMPORT_MAX_BYTES,
  },
  'POST /api/notices/:id/attachments': {
    upload: () => ({ fields: {}, files: [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: ATTACHMENT_MAX_BYTES,
  },
  'POST /api/decisions/:id/items/:no/attachments': {
    upload: () => ({ fields: {}, files: [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: ITEM_ATTACHMENT_MAX_BYTES,
  },
  'POST /api/decisions/:id/paper-ballots': {
    upload: () => ({ fields: { sheet: 'K7M2Q9XA', choices: '{"1":"for"}', byProxy: 'false' }, files: [{ name: 'scan', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: EVIDENCE_MAX_BYTES,
  },
  'POST /api/decisions/:id/proxies': {
    upload: () => ({ fields: { entryId: w.rooms.A101, name: '王受托', phone: '13900000000' }, files: [{ name: 'poa', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: EVIDENCE_MAX_BYTES,
  },
  'POST /api/decisions/:id/receipts': {
    upload: () => ({ fields: { entryId: w.rooms.A101, signedOn: '2026-11-01' }, files: [{ name: 'scan', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: EVIDENCE_MAX_BYTES,
  },
  'POST /api/decisions/:id/postings': {
    upload: () => ({ fields: { postedOn: '2026-11-01', location: '1栋大堂' }, files: [{ name: 'photo', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: EVIDENCE_MAX_BYTES,
  },
  'POST /api/decisions/:id/filings/:filingId/submit': {
    upload: () => ({ fields: { note: '已补充签到表' }, files: [{ name: 'minutes', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: EVIDENCE_MAX_BYTES,
  },
  'POST /api/deliberation/meetings/:id/attachments': {
    upload: () => ({ fields: {}, files: [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: MEETING_ATTACHMENT_MAX_BYTES,
  },
  'POST /api/payouts/:id/pay': {
    upload: () => ({ fields: { voucherNo: 'V-001' }, files: [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: VOUCHER_MAX_BYTES,
  },  'POST /api/fees/books/lines/:id/vouchers': {
    upload: () => ({ fields: { masked: 'true' }, files: [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: BOOK_VOUCHER_MAX_BYTES,
  },
  'POST /api/fees/fund/imports': {
    upload: () => ({ fields: { placeId: w.places.S }, files: [{ name: 'file', filename: 'a.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: FUND_XLSX }] }),
    maxBytes: FUND_STATEMENT_MAX_BYTES,
  },
  'POST /api/supervision/notices': {
    upload: () => ({
      fields: { placeId: w.places.A, title: '楼道堆放杂物', description: '请清理', deadline: '2026-12-31' },
      files: [{ name: 'files', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }],
    }),
    maxBytes: NOTICE_MAX_FILE_BYTES,
  },
  'POST /api/supervision/notices/:id/respond': {
    upload: () => ({ fields: { text: '已清理' }, files: [{ name: 'files', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: NOTICE_MAX_FILE_BYTES,
  },
  'POST /api/fees/fund/entries/:id/basis': {
    upload: () => ({ fields: { kind: 'emergency', what: '电梯困人', day: '2026-10-01', certifiedBy: '测试街道办事处' }, files: [{ name: 'document', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: FUND_DOCUMENT_MAX_BYTES,
  },
  'POST /api/supervision/lists/entries/:id/appeal': {
    upload: () => ({ fields: { reasons: '扣分有误' }, files: [{ name: 'files', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: LIST_MAX_FILE_BYTES,
  },
  'POST /api/supervision/lists/measures/:id/plan': {
    upload: () => ({ fields: { note: '整改方案' }, files: [{ name: 'files', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: LIST_MAX_FILE_BYTES,
  },
  'POST /api/supervision/credit/records': {
    upload: () => ({ fields: { companyId: w.organisations.pc1, kind: 'award', pointsCenti: '500', note: '获评示范项目' }, files: [{ name: 'files', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: CREDIT_FILE_MAX_BYTES,
  },
  'POST /api/supervision/credit/records/:id/repairs': {
    upload: () => ({ fields: { statement: '已整改到位' }, files: [{ name: 'files', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: CREDIT_FILE_MAX_BYTES,
  },
  'POST /api/supervision/inspections/:id/items/:indicatorId/files': {
    upload: () => ({ fields: { kind: 'photo' }, files: [{ name: 'file', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: INSPECTION_EVIDENCE_MAX_BYTES,
  },
  'POST /api/supervision/committees/ratings/:id/scores/:dimension/files': {
    upload: () => ({ fields: {}, files: [{ name: 'file', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: COMMITTEE_EVIDENCE_MAX_BYTES,
  },
  // volunteers tasks part: 完成任务 (a note and at least one photo).
  'POST /api/me/volunteers/tasks/:id/done': {
    upload: () => ({ fields: { note: '已完成' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: VOLUNTEER_PHOTO_BYTES,
  },
  // volunteers, boards part: a second-hand item with its photo (5 MB, as repairs' photos).
  'POST /api/volunteers/boards/listings': {
    upload: () => ({ fields: { compoundId: w.places.A, kind: 'secondhand', title: '婴儿推车' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: VOLUNTEER_PHOTO_BYTES,
  },
  // volunteers, green part: a care record of an adoption with its photos.
  'POST /api/me/volunteers/green/adoptions/:id/care': {
    upload: () => ({ fields: { kind: 'watering', note: '浇水' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: VOLUNTEER_PHOTO_BYTES,
  },
  // grid events part: an event's report (staff, resident), its resolution and a joint patrol, each with a photo (5 MB).
  'POST /api/grid/events': {
    upload: () => ({ fields: { placeId: w.places.A, category: 'sanitation', description: '垃圾满溢' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  'POST /api/me/grid/events': {
    upload: () => ({ fields: { placeId: w.places.A, category: 'sanitation', description: '垃圾满溢' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  'POST /api/grid/events/:id/resolve': {
    upload: () => ({ fields: { note: '已处理' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  'POST /api/grid/patrols': {
    upload: () => ({ fields: { compoundId: w.places.A, patrolOn: '2026-11-20', findings: '楼道堆物' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  // grid, collection part: a component (实有部件) at a compound, with a photo.
  'POST /api/grid/collection/records': {
    upload: () => ({ fields: { kind: 'component', placeId: w.places.A, componentKind: 'street_lamp', condition: 'damaged' }, files: [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }] }),
    maxBytes: GRID_COLLECTION_FILE_BYTES,
  },
  // grid, agency part: a case opened with its documents (grid MAX_FILE_BYTES, 5 MB); the world has no point (404).
  'POST /api/grid/agency/cases': {
    upload: () => ({ fields: { pointId: randomUUID(), serviceId: randomUUID(), personId: w.persons.alice, idNumber: withIdChecksum('33010619500101123') }, files: [{ name: 'documents', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  // grid, mediation part: the signed agreement's scan with the day signed (the world has no case: 404).
  'POST /api/grid/mediation/cases/:id/signed': {
    upload: () => ({ fields: { signedOn: '2026-11-20' }, files: [{ name: 'documents', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: 5 * 1024 * 1024,
  },
  // grid, social part: a milestone report with its evidence (grid MAX_FILE_BYTES, 5 MB); the world has no milestone (404).
  'POST /api/grid/social/milestones/:id/reports': {
    upload: () => ({ fields: { note: '阶段执行情况' }, files: [{ name: 'evidence', filename: 'a.pdf', type: 'application/pdf', content: PDF }] }),
    maxBytes: 5 * 1024 * 1024,
  },
};
/** A maintenance-fund statement of one row (the fees fund part's import). */
const FUND_XLSX = await fundStatementXlsx([['FUZZ-1', '2026-10-01', '阳光花园', '', '交存', '1.00', '', '模糊测试']]);

/** The hostile variants of a valid upload: each text part replaced, the file broken, parts missing or extra. */
function uploadVariants(valid: Upload, maxBytes: number): { field: string; label: string; upload: Upload }[] {
  const out: { field: string; label: string; upload: Upload }[] = [];
  Object.keys(valid.fields).forEach((name, i) => {
    for (const [label, value] of formValues(i === 0)) {
      out.push({ field: `part ${name}`, label, upload: { ...valid, fields: { ...valid.fields, [name]: value } } });
    }
  });
  out.push({ field: 'part unknownField', label: 'an extra unknown part', upload: { ...valid, fields: { ...valid.fields, unknownField: 'x' } } });
  const file = valid.files[0]!;
  const withFile = (label: string, f: Partial<typeof file> | null, extra: (typeof file)[] = []) =>
    out.push({ field: `file ${file.name}`, label, upload: { ...valid, files: [...(f ? [{ ...file, ...f }] : []), ...extra] } });
  withFile('truncated', { content: file.content.subarray(0, 3) });
  withFile('empty', { content: Buffer.alloc(0) });
  withFile('oversized', { content: Buffer.alloc(maxBytes + 1, 0x41) });
  withFile('PNG named .pdf, declared image/jpeg', { filename: 'a.pdf', type: 'image/jpeg', content: PNG });
  withFile('PDF named .jpg', { filename: 'a.jpg', type: 'image/jpeg', content: PDF });
  withFile('text named .png', { filename: 'a.png', type: 'image/png', content: Buffer.from('not an image') });
  withFile('filename with NUL', { filename: 'a\u0000.pdf' });
  withFile('filename a path', { filename: '../../etc/passwd' });
  withFile('filename 1000 chars', { filename: `${'长'.repeat(1000)}.pdf` });
  withFile('missing', null);
  withFile('an extra unknown file part', {}, [{ ...file, name: 'unknownFile' }]);
  return out;
}

// ——— Checks ———

/**
 * What a request wrote, exactly and cheaply: a row trigger on every table (but the bookkeeping ones)
 * logs each inserted, updated or deleted row into fuzz_writes, in the writing transaction, so a
 * rolled-back write leaves nothing there. Counting every table's rows around each of thousands of
 * requests took two thirds of the file's time; this is one index lookup. It is stricter than row
 * counts, too: an update is a write.
 */
let tables: string[] = [];
let allTables: string[] = [];
const snapshot = async () => {
  const { rows } = await sql<{ n: string }>`select coalesce(max(id), 0)::text as n from fuzz_writes`.execute(env.kernel.db);
  return { lastWrite: Number(rows[0]!.n), files: (env.kernel.files as { size?: () => number }).size?.() ?? 0 };
};
type Snapshot = Awaited<ReturnType<typeof snapshot>>;
const changed = async (a: Snapshot, b: Snapshot) => {
  const out: string[] = [];
  if (a.lastWrite !== b.lastWrite) {
    const { rows } = await sql<{ t: string; op: string; n: number }>`select tbl as t, op, count(*)::int as n from fuzz_writes
      where id > ${a.lastWrite} group by tbl, op order by tbl, op`.execute(env.kernel.db);
    out.push(...rows.map((r) => `${r.op} ${r.n} row(s) of ${r.t}`));
  }
  if (a.files !== b.files) out.push(`files ${a.files}→${b.files}`);
  return out;
};

/** Background tasks (an import's dry run) write after their request has been answered: wait for them. */
async function settle() {
  for (let i = 0; i < 400; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from tasks where status = 'running'`.execute(env.kernel.db);
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('background tasks still running after 10 s');
}

const CODE = /^[A-Z][A-Z0-9_]+$/;
const totals = { routes: new Set<string>(), fields: 0, values: new Set<string>(), requests: 0, serverErrors: 0 };
/** The state before the next request: the last request's after, unless a success changed it. */
let last: Snapshot;

/** Sends one request and holds its answer to the rules; returns what is wrong with it, or null. */
const slowest: [number, string][] = [];
async function check(s: Session | null, r: Req, what: string): Promise<{ status: number; problem: string | null }> {
  const t0 = performance.now();
  try {
    return await judge(s, r, what);
  } finally {
    slowest.push([Math.round(performance.now() - t0), what]);
  }
}
async function judge(s: Session | null, r: Req, what: string): Promise<{ status: number; problem: string | null }> {
  const res = await send(s, r);
  totals.requests++;
  const after = await snapshot();
  const before = last;
  last = after;
  if (res.status >= 500) {
    totals.serverErrors++;
    return { status: res.status, problem: `${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}` };
  }
  if (res.status < 400) {
    // A success may have started a task: the next request's state is taken once it is done.
    await settle();
    last = await snapshot();
    return { status: res.status, problem: null };
  }
  const err = res.body?.error;
  if (!err || typeof err.code !== 'string' || !CODE.test(err.code) || typeof err.message !== 'string' || !err.message) {
    return { status: res.status, problem: `${what} answered ${res.status} without a stable error: ${JSON.stringify(res.body).slice(0, 300)}` };
  }
  if (JSON.stringify(res.body).includes('    at ')) return { status: res.status, problem: `${what}: a stack trace in the answer` };
  const route = `${r.method} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`;
  const diff = (await changed(before, after)).filter((d) => !REFUSALS_RECORDED[route]?.some((t) => d.endsWith(` of ${t}`)));
  if (diff.length) return { status: res.status, problem: `${what} was refused (${res.status} ${err.code}) yet wrote: ${diff.join(', ')}` };
  return { status: res.status, problem: null };
}

// ——— Setup: sessions (each login signs in once: sign-in is rate-limited), records, the counting statement ———

afterSetUp(async () => {
  sessions = [];
  for (const login of LOGINS) sessions.push(await open(login));
  throwaway = await open('street2');
  const [official, resident] = [sessions[1]!, sessions[4]!];
  const made = async (s: Session, r: Partial<Req> & { method: string; path: string }) => {
    const res = await send(s, { params: {}, query: [], ...r });
    assert.ok(res.status < 300, `${r.method} ${r.path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const notice = { placeId: w.places.A, category: 'announcement', title: '模糊测试' };
  rec.notice = (await made(official, { method: 'POST', path: '/api/notices', body: notice })).id;
  const attachment = asMultipart(UPLOADS['POST /api/notices/:id/attachments']!.upload());
  rec.attachment = (await made(official, { method: 'POST', path: `/api/notices/${rec.notice}/attachments`, raw: attachment })).id;
  const order = { category: 'water', description: '水管漏水', placeId: w.rooms.A101 };
  rec.order = (await made(resident, { method: 'POST', path: '/api/repairs/orders', body: order })).id;
  rec.opinion = (
    await made(resident, { method: 'POST', path: '/api/opinions', body: { visibility: 'public', addressee: 'property_company', title: '路灯', body: '路灯坏了' } })
  ).id;
  const file = asMultipart(UPLOADS['POST /api/registry/imports']!.upload());
  rec.import = (await made(official, { method: 'POST', path: '/api/registry/imports', raw: file })).importId;
  const rules = { compoundId: w.places.A, title: '议事规则', settings: DEFAULT_RULES };
  rec.rules = (await made(official, { method: 'POST', path: '/api/decisions/rules', body: rules })).id;
  const decision = { placeId: w.places.A, title: '模糊测试表决', organiserKind: 'owners_committee', organiserAuthority: '决议', items: [{ title: '事项', matter: 4 }] };
  rec.decision = (await made(official, { method: 'POST', path: '/api/decisions', body: decision })).id;
  await made(official, { method: 'POST', path: `/api/decisions/${rec.decision}/roll` });
  for (const [k, v] of Object.entries(rec)) assert.ok(isUuid(v), `the ${k} made for the fuzz`);

  await settle();
  allTables = (
    await sql<{ t: string }>`select table_name as t from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(env.kernel.db)
  ).rows.map((r) => r.t);
  tables = allTables.filter((t) => !(t in BOOKKEEPING) && !t.startsWith('kysely_'));
  await sql`create table fuzz_writes (id bigserial primary key, tbl text not null, op text not null)`.execute(env.kernel.db);
  await sql`create function fuzz_log() returns trigger language plpgsql as $$
    begin insert into fuzz_writes (tbl, op) values (tg_table_name, tg_op); return null; end $$`.execute(env.kernel.db);
  for (const t of tables) {
    await sql.raw(`create trigger fuzz_log after insert or update or delete on "${t}" for each row execute function fuzz_log()`).execute(env.kernel.db);
  }
  last = await snapshot();
});

// ——— The fuzz ———

interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  summary?: string;
  description?: string;
  consumes?: string[];
}

test('every route, one field at a time: never 5xx, refusals with a stable code that write nothing', { timeout: 15 * 60_000 }, async (t) => {
  const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  const problems: string[] = [];
  const timings: [number, string][] = [];
  const usedBy = new Map<string, string[]>();
  const started = Date.now();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      const route = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      if (route in SKIPPED) continue;
      if (ONLY && !ONLY.test(route)) continue;
      const routeStarted = Date.now();
      const k = known();
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queries = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      const upload = UPLOADS[route];
      if (!upload && !bodySchema && /multipart/i.test(`${op.summary} ${op.description} ${op.consumes}`)) {
        problems.push(`${route} takes multipart: say in UPLOADS what a valid upload is`);
        continue;
      }
      const valid = (): Req => ({
        method,
        path,
        params: Object.fromEntries(
          params.map((p) => [p.name, encodeURIComponent(p.name in k ? String(validValue(p.schema, p.name, k)) : pathId(method, path, p.name))]),
        ),
        query: queries.filter((q) => q.required).map((q) => [q.name, encodeURIComponent(String(validValue(q.schema, q.name, k)))]),
        ...(upload ? { raw: asMultipart(upload.upload()) } : bodySchema ? { body: validValue(bodySchema, '', k) } : {}),
      });

      // The session: the first login the valid request succeeds for, else the first it is not refused
      // for (401/403: a resident's route tried by staff) — a record's state may refuse everyone (409).
      // Signing out ends the session it is sent with: that route gets a throwaway one.
      let session = route === 'POST /api/auth/logout' ? throwaway : sessions[0]!;
      if (route !== 'POST /api/auth/logout') {
        let admitted: Session | null = null;
        for (const s of sessions) {
          const { status, problem } = await check(s, valid(), `${route} (valid, as ${s.login})`);
          if (problem) problems.push(problem);
          if (status < 400) {
            admitted = s;
            break;
          }
          if (status !== 401 && status !== 403) admitted ??= s;
        }
        session = admitted ?? sessions[0]!;
      } else {
        const { problem } = await check(session, valid(), `${route} (valid)`);
        if (problem) problems.push(problem);
      }

      // One field at a time. The 1 MB string goes to the first field of each kind only: enough to show
      // that size is checked before work is done, and the file stays within its time budget.
      const mutations: { field: string; label: string; req: Req }[] = [];
      params.forEach((p, i) => {
        for (const [label, value] of urlValues(p.schema, i === 0)) {
          if (Array.isArray(value)) continue; // a path has no repeated parameter
          mutations.push({ field: `path ${p.name}`, label, req: { ...valid(), params: { ...valid().params, [p.name]: value } } });
        }
      });
      queries.forEach((q, i) => {
        for (const [label, value] of urlValues(q.schema, i === 0)) {
          const base = valid();
          mutations.push({ field: `query ${q.name}`, label, req: { ...base, query: [...base.query.filter(([n]) => n !== q.name), [q.name, value]] } });
        }
      });
      if (bodySchema && !upload) {
        fieldPaths(bodySchema).forEach(({ path: at, schema }, i) => {
          for (const [label, value] of bodyValues(schema, i === 0)) {
            const base = valid();
            mutations.push({ field: `body ${at.join('.')}`, label, req: { ...base, body: replaced(base.body, at, value) } });
          }
        });
        const base = valid();
        mutations.push({ field: 'body', label: 'an unknown field', req: { ...base, body: { ...(base.body as object), unknownField: 'x' } } });
        for (const [label, body] of [['an array', [base.body]], ['a string', 'x'], ['null', null]] as const) {
          mutations.push({ field: 'body', label, req: { ...base, body } });
        }
      }
      if (upload) {
        for (const v of uploadVariants(upload.upload(), upload.maxBytes)) {
          mutations.push({ field: v.field, label: v.label, req: { ...valid(), raw: asMultipart(v.upload) } });
        }
        const whole = asMultipart(upload.upload());
        const cut = { ...whole, payload: whole.payload.subarray(0, whole.payload.length - 30) };
        mutations.push({ field: 'body', label: 'truncated multipart', req: { ...valid(), raw: cut } });
        mutations.push({ field: 'body', label: 'JSON instead of multipart', req: { ...valid(), raw: undefined, body: { x: 1 } } });
      }

      const fields = new Set<string>();
      for (const mu of mutations) {
        fields.add(mu.field);
        totals.values.add(mu.label);
        const { problem } = await check(session, mu.req, `${route} [${mu.field} = ${mu.label}] as ${session.login}`);
        if (problem) problems.push(problem);
      }
      totals.routes.add(route);
      totals.fields += fields.size;
      usedBy.set(session.login, [...(usedBy.get(session.login) ?? []), route]);
      timings.push([Date.now() - routeStarted, route]);
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const line =
    `fuzz: ${totals.routes.size} routes × ${totals.fields} fields × ${totals.values.size} values = ${totals.requests} requests, ` +
    `${totals.serverErrors} server errors (${seconds} s)`;
  t.diagnostic(line);
  if (process.env.FUZZ_VERBOSE) {
    console.log(`${tables.length} tables watched`);
    for (const [login, routes] of usedBy) console.log(`AS ${login}: ${routes.length} routes: ${routes.join(', ')}`);
    for (const [ms, route] of timings.sort((a, b) => b[0] - a[0]).slice(0, 15)) console.log(`${ms} ms ${route}`);
    for (const p of problems) console.log(`PROBLEM ${p}`);
    for (const [ms, what] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 25)) console.log(`SLOW ${ms} ms ${what}`);
  }
  assert.deepEqual(problems, []);
});

test('every registered route was fuzzed, but the skipped ones; the lists name real routes and tables', { skip: ONLY !== null }, () => {
  const registered = env.app.apiRoutes.filter((r) => !(r in SKIPPED));
  assert.deepEqual([...totals.routes].sort(), [...registered].sort());
  for (const r of [...Object.keys(SKIPPED), ...Object.keys(UPLOADS), ...Object.keys(REFUSALS_RECORDED)]) {
    assert.ok(env.app.apiRoutes.includes(r), `${r} is not a registered route`);
  }
  for (const t of [...Object.keys(BOOKKEEPING), ...Object.values(REFUSALS_RECORDED).flat()]) assert.ok(allTables.includes(t), `${t} is not a table`);
  assert.ok(tables.length > 30 && tables.includes('audit_log'), 'the counted tables include the audit log');
});

test('the checks catch what they are for: a 5xx, a refusal without a code, a refusal that wrote', async () => {
  const planted: Module = {
    name: 'planted',
    routes: (r, kernel) => {
      r.post('/api/planted/crashes', async () => {
        throw new Error('a bug');
      });
      r.post('/api/planted/shapeless', async (_, reply) => reply.code(400).send({ message: 'no code' }));
      // Commits a change (no audit entry, so the audit guard sees nothing), then refuses.
      r.post('/api/planted/writes-then-refuses', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, (tx) => tx.updateTable('accounts').set({ locale: 'en' }).where('id', '=', ctx.actor.accountId).execute());
        throw CommonErrors.VALIDATION_FAILED();
      });
    },
  };
  target = await buildServer(env.kernel, [...MODULES, planted], { writesWithoutAudit: WRITES_WITHOUT_AUDIT });
  try {
    await target.ready();
    const at = (path: string): Req => ({ method: 'POST', path, params: {}, query: [], body: {} });
    last = await snapshot();
    const official = sessions[1]!;
    assert.match((await check(official, at('/api/planted/crashes'), 'crashes')).problem ?? '', /answered 500/);
    assert.match((await check(official, at('/api/planted/shapeless'), 'shapeless')).problem ?? '', /without a stable error/);
    assert.match((await check(official, at('/api/planted/writes-then-refuses'), 'writes')).problem ?? '', /yet wrote: UPDATE 1 row\(s\) of accounts/);
    assert.equal((await check(official, { ...at('/api/places/{id}'), method: 'GET', params: { id: w.places.A } }, 'reads')).problem, null);
  } finally {
    await target.close();
    target = null;
  }
});

/** `obj` with the value at `path` replaced (`undefined`: removed). */
function replaced(obj: unknown, path: string[], value: unknown): unknown {
  const copy: Record<string, unknown> = { ...(obj && typeof obj === 'object' ? (obj as object) : {}) };
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length) copy[head] = replaced(copy[head], rest, value);
  else if (value === undefined) delete copy[head];
  else copy[head] = value;
  return copy;
}
