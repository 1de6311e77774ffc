import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, rawSender, expectRefused as refused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { cleanPdf, pdfWithEscapedJavaScript, pdfWithJavaScriptInObjectStream, pdfWithObjectStream } from '../../kernel/files/pdf.test-support.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_NOTICE } from './notices.constants.ts';
import { samples, uploader } from './notices.test-support.ts';

/**
 * Bad input gets a 4xx with a stable code and writes nothing: row counts before = after, and for
 * uploads nothing reaches the file store either.
 */
const TABLES = ['ntc_notices', 'ntc_attachments', 'ntc_reads', 'audit_log'];
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

const { env, w, signedIn, afterSetUp } = useWorld();
const official = signedIn('committee_staff');
let upload: Awaited<ReturnType<typeof uploader>>;
let draft: string;

afterSetUp(async () => {
  upload = await uploader(env.app, 'committee_staff');
  draft = (await official.request('POST', '/api/notices', { placeId: w.places.A, category: 'policy', title: '草稿', body: '' })).body.id;
});

const expectRefused = (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => refused(env.kernel, TABLES, send, status, code);

const notice = (over: Record<string, unknown> = {}) => ({ placeId: w.places.A, category: 'announcement', title: '通知', body: '正文', ...over });

describe('notices: bad input', () => {
  test('wrong types → 400 VALIDATION_FAILED naming the fields', async () => {
    const err = await expectRefused(() => official.request('POST', '/api/notices', notice({ title: 42, category: 'gossip', pinned: 'yes' })), 400, 'VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path).join(' ');
    for (const field of ['title', 'category', 'pinned']) assert.match(paths, new RegExp(field));
    await expectRefused(() => official.request('POST', '/api/notices', notice({ validFrom: 'tomorrow' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', '/api/notices', notice({ validUntil: '2026-02-30' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', '/api/notices', notice({ placeId: 'A' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', '/api/notices', notice({ title: ' ' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('PATCH', `/api/notices/${draft}`, { pinned: 1 }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('GET', '/api/notices?status=forever'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('GET', '/api/notices/123'), 400, 'VALIDATION_FAILED');
  });

  test('an unknown place → 404; a room → 400; validity out of order → 400', async () => {
    await expectRefused(() => official.request('POST', '/api/notices', notice({ placeId: UNKNOWN })), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('GET', `/api/notices?placeId=${UNKNOWN}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('POST', '/api/notices', notice({ placeId: w.rooms.A101 })), 400, 'PLACE_KIND_NOT_ALLOWED');
    await expectRefused(() => official.request('POST', '/api/notices', notice({ validFrom: '2026-12-01', validUntil: '2026-11-01' })), 400, 'VALIDITY_ORDER');
    await expectRefused(() => official.request('PATCH', `/api/notices/${draft}`, { placeId: UNKNOWN }), 404, 'PLACE_NOT_FOUND');
  });

  test('unknown notices and attachments → 404', async () => {
    await expectRefused(() => official.request('GET', `/api/notices/${UNKNOWN}`), 404, 'NOTICE_NOT_FOUND');
    await expectRefused(() => official.request('POST', `/api/notices/${UNKNOWN}/publish`), 404, 'NOTICE_NOT_FOUND');
    await expectRefused(() => official.request('DELETE', `/api/notices/${draft}/attachments/${UNKNOWN}`), 404, 'ATTACHMENT_NOT_FOUND');
    await expectRefused(() => upload(UNKNOWN, 'a.png', 'image/png', samples.jpeg), 404, 'NOTICE_NOT_FOUND');
  });

  test('mislabeled attachments are refused by their content, nothing stored', async () => {
    const png = await samples.png();
    // A PNG calling itself a PDF, by type and by name.
    await expectRefused(() => upload(draft, 'scan.pdf', 'application/pdf', png), 400, 'ATTACHMENT_MISLABELED');
    await expectRefused(() => upload(draft, 'scan.pdf', 'application/octet-stream', png), 400, 'ATTACHMENT_MISLABELED');
    // A JPEG declared as PNG; a PDF named .jpg.
    await expectRefused(() => upload(draft, 'photo.png', 'image/png', samples.jpeg), 400, 'ATTACHMENT_MISLABELED');
    await expectRefused(() => upload(draft, 'photo.jpg', 'image/jpeg', samples.pdf), 400, 'ATTACHMENT_MISLABELED');
    // Content that is neither an image we take nor a PDF, whatever it claims.
    await expectRefused(() => upload(draft, 'photo.png', 'image/png', Buffer.from('<script>alert(1)</script>')), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    await expectRefused(() => upload(draft, 'a.gif', 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00')), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    await expectRefused(() => upload(draft, 'empty.pdf', 'application/pdf', Buffer.alloc(0)), 400, 'FILE_REQUIRED');
  });

  test('PDFs with active content are refused, nothing stored: an escaped name, a script in an object stream', async () => {
    await expectRefused(() => upload(draft, 'notice.pdf', 'application/pdf', pdfWithEscapedJavaScript()), 400, 'FILE_PDF_ACTIVE_CONTENT');
    await expectRefused(() => upload(draft, 'notice.pdf', 'application/pdf', pdfWithJavaScriptInObjectStream()), 400, 'FILE_PDF_ACTIVE_CONTENT');
    await expectRefused(() => upload(draft, 'notice.pdf', 'application/pdf', pdfWithObjectStream('', { lzw: true })), 400, 'FILE_PDF_UNVERIFIABLE');
    const clean = await upload(draft, 'notice.pdf', 'application/pdf', await cleanPdf());
    assert.equal(clean.status, 201, JSON.stringify(clean.body));
  });

  test('an oversized attachment → 413, nothing stored', async () => {
    const big = Buffer.concat([samples.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    await expectRefused(() => upload(draft, 'big.pdf', 'application/pdf', big), 413, 'ATTACHMENT_TOO_LARGE');
  });

  test('an upload without a file part → 400 FILE_REQUIRED', async () => {
    await expectRefused(() => official.request('POST', `/api/notices/${draft}/attachments`, { file: 'x' }), 400, 'FILE_REQUIRED');
  });

  test(`more than ${ATTACHMENTS_PER_NOTICE} attachments → 409`, async () => {
    const n = (await official.request('POST', '/api/notices', notice({ title: '多附件' }))).body.id;
    for (let i = 0; i < ATTACHMENTS_PER_NOTICE; i++) {
      // Distinct content each time (the store deduplicates by content).
      const res = await upload(n, `p${i}.pdf`, 'application/pdf', Buffer.concat([samples.pdf, Buffer.from(`%${i}\n`)]));
      assert.equal(res.status, 201);
    }
    await expectRefused(() => upload(n, 'one-more.pdf', 'application/pdf', Buffer.concat([samples.pdf, Buffer.from('%x\n')])), 409, 'TOO_MANY_ATTACHMENTS');
  });

  test('malformed JSON → 400 MALFORMED_JSON', async () => {
    const raw = await rawSender(env.app, 'committee_staff', PASSWORD);
    await expectRefused(() => raw('POST', '/api/notices', 'application/json', '{"title": ['), 400, 'MALFORMED_JSON');
  });
});
