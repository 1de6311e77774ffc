import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { assertNoActiveContent, inspectPdf } from './pdf-active-content.ts';
import { cleanPdf, pdfWithEscapedJavaScript, pdfWithJavaScriptInObjectStream, pdfWithObjectStream } from './pdf.test-support.ts';

describe('PDFs with active content are refused', () => {
  test('sample 1: /J#61vaScript in a plain object — the name is read with its escapes decoded', () => {
    const pdf = pdfWithEscapedJavaScript();
    assert.ok(!pdf.toString('latin1').includes('/JavaScript') && !pdf.toString('latin1').includes('/JS'), 'no plain name to find');
    assert.deepEqual(inspectPdf(pdf), { ok: false, active: 'JavaScript' });
    assert.throws(() => assertNoActiveContent(pdf), (e: { code: string; status: number }) => e.code === 'FILE_PDF_ACTIVE_CONTENT' && e.status === 400);
  });

  test('sample 2: /OpenAction << /S /JavaScript /JS (...) >> inside a FlateDecode object stream', () => {
    const pdf = pdfWithJavaScriptInObjectStream();
    const text = pdf.toString('latin1');
    assert.ok(!text.includes('JavaScript') && !text.includes('OpenAction'), 'nothing visible without inflating');
    assert.ok(text.includes('/Type /ObjStm') && text.includes('/FlateDecode'));
    assert.deepEqual(inspectPdf(pdf), { ok: false, active: 'JavaScript' });
    // The same, packed with a PNG predictor as well (what /DecodeParms << /Predictor 12 >> means).
    assert.deepEqual(inspectPdf(pdfWithObjectStream('/OpenAction << /S /JavaScript /JS (x) >>', { predictor: true })), { ok: false, active: 'JavaScript' });
    // Escaped inside the object stream too.
    assert.deepEqual(inspectPdf(pdfWithObjectStream('/OpenAction << /S /L#61unch /F (calc.exe) >>')), { ok: false, active: 'Launch' });
  });

  test('other active names: launch actions, additional actions, embedded files, XFA forms', () => {
    for (const [entry, name] of [
      ['/OpenAction << /S /Launch /F (cmd.exe) >>', 'Launch'],
      ['/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>', 'AA'],
      ['/Names << /EmbeddedFiles << /Names [] >> >>', 'EmbeddedFiles'],
      ['/AcroForm << /Fields [] /XFA 9 0 R >>', 'XFA'],
    ] as const) {
      assert.deepEqual(inspectPdf(pdfWithObjectStream(entry)), { ok: false, active: name }, entry);
    }
  });

  test('what cannot be read is refused as unverifiable: an object stream under LZW, an encrypted file', () => {
    assert.deepEqual(inspectPdf(pdfWithObjectStream('', { lzw: true })), { ok: false, unverifiable: 'LZWDecode' });
    const encrypted = Buffer.from(pdfWithObjectStream('').toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 6 0 R'), 'latin1');
    assert.throws(() => assertNoActiveContent(encrypted), (e: { code: string }) => e.code === 'FILE_PDF_UNVERIFIABLE');
  });

  test('a crafted file costs bounded work: an object stream inflating past 64 MiB is refused, not expanded', () => {
    const bomb = pdfWithObjectStream(`/Padding (${' '.repeat(70 * 1024 * 1024)})`);
    assert.ok(bomb.length < 1024 * 1024, 'small on the wire');
    assert.deepEqual(inspectPdf(bomb), { ok: false, unverifiable: 'too large when decoded' });
    // `>>stream` with no dictionary in reach: cannot tell whether it is an object stream.
    assert.equal((inspectPdf(Buffer.from('%PDF-1.4\n>>stream\nxx\nendstream\n', 'latin1')) as { unverifiable?: string }).unverifiable, 'stream dictionary');
  });

  test('clean PDFs pass: a writer’s own (compressed content, a font, a web link), and a clean object stream', async () => {
    const clean = await cleanPdf();
    assert.equal(clean.toString('latin1', 0, 5), '%PDF-');
    assert.match(clean.toString('latin1'), /\/FlateDecode/, 'its content streams are compressed');
    assert.deepEqual(inspectPdf(clean), { ok: true });
    assertNoActiveContent(clean);
    const objStm = pdfWithObjectStream('/OpenAction [3 0 R /Fit] /PageMode /UseNone');
    assert.deepEqual(inspectPdf(objStm), { ok: true });
    assert.deepEqual(inspectPdf(pdfWithObjectStream('/PageLayout /OneColumn', { predictor: true })), { ok: true });
  });

  test('names in page content or image data are not actions: stream bodies are not read as objects', () => {
    // A content stream (not an object stream) that happens to hold "/JS" bytes.
    const content = 'BT /JS 12 Tf (x) Tj ET';
    const pdf = Buffer.from(
      `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
      'latin1',
    );
    assert.deepEqual(inspectPdf(pdf), { ok: true });
    // The sample's object stream really holds what the test says (the check is not passing by accident).
    const sample = pdfWithJavaScriptInObjectStream();
    const start = sample.indexOf('stream\n') + 7;
    assert.match(inflateSync(sample.subarray(start, sample.indexOf('\nendstream', start))).toString('latin1'), /\/OpenAction << \/S \/JavaScript/);
  });
});
