import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * Sample PDFs for the active-content check, built here byte by byte so the tests say exactly what they
 * hold. Each is a complete file (objects, cross-reference, trailer) a reader would open.
 */

/** A PDF from its numbered objects, with a classic cross-reference table. */
function classicPdf(objects: string[], trailer: string): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PAGE = (parent: number) => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] >>`;

/** Sample 1: an open action whose type and script key hide behind `#` escapes (`/J#61vaScript`, `/J#53`), in plain objects. */
export function pdfWithEscapedJavaScript(): Buffer {
  return classicPdf(
    ['<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', PAGE(2), '<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>'],
    '/Root 1 0 R',
  );
}

/** PNG "Up" prediction of `data` in rows of `columns` bytes (what /DecodeParms << /Predictor 12 >> undoes). */
function pngUp(data: Buffer, columns: number): Buffer {
  const rows: Buffer[] = [];
  for (let r = 0; r < data.length; r += columns) {
    const row = Buffer.alloc(columns);
    data.copy(row, 0, r, Math.min(r + columns, data.length));
    const prev = Buffer.alloc(columns);
    if (r > 0) data.copy(prev, 0, r - columns, r);
    rows.push(Buffer.from([2]), Buffer.from(row.map((b, i) => (b - prev[i]! + 256) & 0xff)));
  }
  return Buffer.concat(rows);
}

/**
 * A PDF 1.5 file whose catalog lives in a compressed object stream (/Type /ObjStm, /FlateDecode), found
 * through a cross-reference stream: the form where no name of the catalog is visible in the file.
 * `openAction` goes into the catalog as it is; `predictor` packs the stream with PNG prediction too;
 * `lzw` labels it LZWDecode (a filter the check does not decode).
 */
export function pdfWithObjectStream(openAction: string, opts: { lzw?: boolean; predictor?: boolean } = {}): Buffer {
  const packed = [`<< /Type /Catalog /Pages 2 0 R ${openAction} >>`, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', PAGE(2)];
  let header = '';
  let bodies = '';
  packed.forEach((body, i) => {
    header += `${i + 1} ${bodies.length} `;
    bodies += `${body}\n`;
  });
  const plain = Buffer.from(header + bodies, 'latin1');
  const columns = 8;
  const data = opts.lzw ? Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]) : deflateSync(opts.predictor ? pngUp(plain, columns) : plain);
  const parms = opts.predictor ? ` /DecodeParms << /Predictor 12 /Columns ${columns} >>` : '';
  const filter = opts.lzw ? '/LZWDecode' : '/FlateDecode';

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const size = () => chunks.reduce((n, c) => n + c.length, 0);
  const objStmAt = size();
  chunks.push(
    Buffer.from(`4 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter ${filter}${parms} /Length ${data.length} >>\nstream\n`, 'latin1'),
    Buffer.from(data),
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  );
  const xrefAt = size();
  // Entries of /W [1 4 2]: free; three objects in stream 4 (type 2: stream, index); the two streams (type 1: offset).
  const entry = (type: number, a: number, b: number) => {
    const e = Buffer.alloc(7);
    e.writeUInt8(type, 0);
    e.writeUInt32BE(a, 1);
    e.writeUInt16BE(b, 5);
    return e;
  };
  const table = Buffer.concat([entry(0, 0, 0xffff), entry(2, 4, 0), entry(2, 4, 1), entry(2, 4, 2), entry(1, objStmAt, 0), entry(1, xrefAt, 0)]);
  chunks.push(
    Buffer.from(`5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length ${table.length} >>\nstream\n`, 'latin1'),
    table,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(chunks);
}

/** Sample 2: `/OpenAction << /S /JavaScript /JS (...) >>` inside a FlateDecode object stream. */
export const pdfWithJavaScriptInObjectStream = () => pdfWithObjectStream('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>');

/** A clean PDF as a writer makes one (pdfkit): text in compressed content streams, a font, a web link. */
export async function cleanPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Clean' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.fontSize(14).text('Notice: the water is off on Tuesday.', 72, 72);
  doc.text('More at example.org', 72, 120, { link: 'https://example.org/notice' });
  doc.rect(72, 160, 200, 80).fill('#3366cc');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
