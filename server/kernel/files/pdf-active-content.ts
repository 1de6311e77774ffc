import { constants, inflateSync } from 'node:zlib';
import { defineErrors } from '../errors.ts';

/**
 * Uploaded PDFs (notice attachments, payout vouchers) must not carry active content. Every stored file
 * is already served as a download under a sandboxing CSP (storedFileHeaders in files.ts), so nothing in
 * it runs in the app's origin; but a resident who downloads a notice's PDF opens it in a desktop or
 * phone reader where JavaScript, launch actions and embedded files are live. So such PDFs are refused
 * at upload, before anything is stored.
 *
 * Why this small parser is enough: a reader acts on a JavaScript or launch action only through a
 * dictionary key or action type *name* (/JS, /JavaScript, /Launch, /AA, ...). Names live in
 * dictionaries, which are either plain text in the file or packed into object streams. Both are read
 * here, by the rules a reader uses:
 * - names are compared after decoding their `#xx` escapes (`/J#61vaScript` is `/JavaScript`);
 * - object streams (/Type /ObjStm, or any stream with /N and /First — what a reader needs to use one)
 *   are decoded (FlateDecode with PNG/TIFF predictors, ASCIIHex, ASCII85) and their objects read the same
 *   way; object streams cannot nest (they hold no streams).
 * Other streams (page content, images, fonts, a script's own text) are not objects: whatever they hold
 * acts only when a dictionary names it, and that name is seen. Their bodies are left out of the scan,
 * so random bytes in an image do not look like a name.
 * What cannot be read is refused as unverifiable rather than let through: an encrypted file (its
 * object streams are ciphertext), an object stream with another filter (LZW, RunLength, Crypt, ...), a
 * filter given by reference, a stream that does not decode or whose dictionary is not found, and object
 * streams inflating past 64 MiB together (the work a crafted file can cause is bounded).
 */

export const FileErrors = defineErrors({
  FILE_PDF_ACTIVE_CONTENT: [
    400,
    'PDF 文件含有可执行内容（{what}），不能上传；请用“打印为 PDF”另存后再上传',
    'The PDF contains active content ({what}) and cannot be uploaded; save it again with "Print to PDF" and upload that',
  ],
  FILE_PDF_UNVERIFIABLE: [
    400,
    'PDF 文件无法检查（{why}），不能上传；请用“打印为 PDF”另存后再上传',
    'The PDF cannot be checked ({why}) and cannot be uploaded; save it again with "Print to PDF" and upload that',
  ],
});

/** Names that make a PDF act: scripts, actions run on open or on events, launching programs, embedded files and forms that submit. */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'AA',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
]);

export type PdfVerdict = { ok: true } | { ok: false; active: string } | { ok: false; unverifiable: string };

// A name: `/` and the regular characters after it (PDF 32000 7.3.5; delimiters and white space end it).
const NAME_RE = /\/([^\s()<>[\]{}/%]*)/g;

/** A name's text with its `#xx` escapes decoded. */
const decodeName = (raw: string) => raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The active names in some PDF syntax, decoded; the first one found, or null. */
function findActiveName(text: string): string | null {
  for (const m of text.matchAll(NAME_RE)) {
    const name = decodeName(m[1]!);
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return null;
}

/** Dictionary syntax with every name decoded, so keys can be matched with plain patterns. */
const decodeNames = (text: string) => text.replace(NAME_RE, (_, raw: string) => `/${decodeName(raw)}`);

class Unverifiable extends Error {}

interface Stream {
  /** The stream's dictionary, names decoded. */
  dict: string;
  /** Where the dictionary begins and the body ends (`endstream` included), in the file. */
  from: number;
  to: number;
  body: Buffer;
}

/** How far back a stream's dictionary may begin: bounds the work a crafted file can cause. */
const MAX_DICT_CHARS = 64 * 1024;
/** How many bytes the object streams of one file may inflate to, together (a zip bomb stops here). */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/** The dictionary that ends at `end` (the index just after its `>>`): its start, nesting counted backwards; -1 if none near. */
function dictStart(text: string, end: number): number {
  let depth = 0;
  for (let i = end - 1; i > 0 && i > end - MAX_DICT_CHARS; i--) {
    if (text[i] === '>' && text[i - 1] === '>') {
      depth++;
      i--;
    } else if (text[i] === '<' && text[i - 1] === '<') {
      depth--;
      i--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Every stream in the file: its dictionary and its raw body. */
function findStreams(pdf: Buffer, text: string): Stream[] {
  const streams: Stream[] = [];
  // `>>` then `stream` (never `endstream`: that follows no `>>` directly), then the end of line readers skip.
  const STREAM_RE = />>\s*stream(\r\n|\r|\n)?/g;
  let m: RegExpExecArray | null;
  while ((m = STREAM_RE.exec(text))) {
    const dictEnd = m.index + 2;
    const from = dictStart(text, dictEnd);
    // A stream whose dictionary cannot be found might be an object stream: not something to let through.
    if (from < 0) throw new Unverifiable('stream dictionary');
    const dict = decodeNames(text.slice(from, dictEnd));
    const start = m.index + m[0].length;
    // The body's end: by a direct /Length when `endstream` is found there, else at the next `endstream`.
    let end = -1;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (length) {
      const at = start + Number(length[1]);
      if (/^\s*endstream/.test(text.slice(at, at + 20))) end = at;
    }
    if (end < 0) {
      end = text.indexOf('endstream', start);
      if (end < 0) end = text.length;
      else if (text[end - 1] === '\n') end -= text[end - 2] === '\r' ? 2 : 1;
      else if (text[end - 1] === '\r') end -= 1;
    }
    const endKeyword = text.indexOf('endstream', end);
    const to = endKeyword < 0 ? text.length : endKeyword + 'endstream'.length;
    streams.push({ dict, from, to, body: pdf.subarray(start, end) });
    STREAM_RE.lastIndex = Math.max(STREAM_RE.lastIndex, to);
  }
  return streams;
}

const intOf = (dict: string, key: string, fallback: number) => {
  const m = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
  return m ? Number(m[1]) : fallback;
};

/** Undoes a FlateDecode predictor (PNG 10–15, TIFF 2 at 8 bits), as /DecodeParms asks. */
function unpredict(data: Buffer, dict: string): Buffer {
  const predictor = intOf(dict, 'Predictor', 1);
  if (predictor === 1) return data;
  const colors = intOf(dict, 'Colors', 1);
  const bpc = intOf(dict, 'BitsPerComponent', 8);
  const columns = intOf(dict, 'Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new Unverifiable('TIFF predictor');
    const out = Buffer.from(data);
    for (let row = 0; row < out.length; row += rowLength)
      for (let i = row + bpp; i < Math.min(row + rowLength, out.length); i++) out[i] = (out[i]! + out[i - bpp]!) & 0xff;
    return out;
  }
  if (predictor < 10) throw new Unverifiable(`predictor ${predictor}`);
  const out = Buffer.alloc(Math.floor(data.length / (rowLength + 1)) * rowLength);
  let prev = Buffer.alloc(rowLength);
  for (let r = 0, o = 0; r + rowLength < data.length + 1 && o < out.length; r += rowLength + 1, o += rowLength) {
    const type = data[r]!;
    const row = out.subarray(o, o + rowLength);
    data.copy(row, 0, r + 1, r + 1 + rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? row[i - bpp]! : 0;
      const up = prev[i]!;
      const upLeft = i >= bpp ? prev[i - bpp]! : 0;
      let add = 0;
      if (type === 1) add = left;
      else if (type === 2) add = up;
      else if (type === 3) add = (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (type !== 0) throw new Unverifiable('PNG predictor');
      row[i] = (row[i]! + add) & 0xff;
    }
    prev = row;
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  const hex = data.toString('latin1').split('>')[0]!.replace(/\s/g, '');
  if (/[^0-9a-fA-F]/.test(hex)) throw new Unverifiable('ASCIIHex');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/^\s*<~/, '').split('~>')[0]!.replace(/\s/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < n - 1; i++) out.push((value >>> (24 - 8 * i)) & 0xff);
    group = [];
  };
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) throw new Unverifiable('ASCII85');
    group.push(c);
    if (group.length === 5) flush(5);
  }
  if (group.length) flush(group.length);
  return Buffer.from(out);
}

/** An object stream's decoded text, by its /Filter chain. */
function decodeObjectStream(s: Stream, budget: { left: number }): string {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+|\d+\s+\d+\s+R)/.exec(s.dict);
  const filters = filter ? [...filter[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((f) => f[1]!) : [];
  if (filter && filters.length === 0) throw new Unverifiable('filter by reference');
  let data: Buffer = s.body;
  for (const f of filters) {
    if (f === 'FlateDecode' || f === 'Fl') {
      try {
        // Readers are lenient about a missing checksum or a cut-off end: so is this.
        data = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget.left) });
      } catch (e) {
        throw new Unverifiable(e instanceof RangeError ? 'too large when decoded' : 'FlateDecode');
      }
      budget.left -= data.length;
      data = unpredict(data, s.dict);
    } else if (f === 'ASCIIHexDecode' || f === 'AHx') data = asciiHex(data);
    else if (f === 'ASCII85Decode' || f === 'A85') data = ascii85(data);
    else throw new Unverifiable(f);
  }
  return data.toString('latin1');
}

const isObjectStream = (dict: string) => /\/Type\s*\/ObjStm\b/.test(dict) || (/\/N\s+\d/.test(dict) && /\/First\s+\d/.test(dict));

/**
 * Looks for active content in a PDF: the names of scripts and actions in its dictionaries, plain or
 * `#`-escaped, in the file or inside its compressed object streams. Answers what it found, or why the
 * file cannot be checked.
 */
export function inspectPdf(pdf: Buffer): PdfVerdict {
  try {
    return inspect(pdf);
  } catch (e) {
    if (e instanceof Unverifiable) return { ok: false, unverifiable: e.message };
    throw e;
  }
}

function inspect(pdf: Buffer): PdfVerdict {
  const text = pdf.toString('latin1');
  const streams = findStreams(pdf, text);
  // The file's syntax without the stream bodies (dictionaries kept): what a reader parses as objects.
  let outside = '';
  let at = 0;
  for (const s of streams) {
    if (s.from < at) continue;
    outside += `${text.slice(at, s.from)}${s.dict} `;
    at = s.to;
  }
  outside += text.slice(at);
  if (/\/Encrypt\b/.test(decodeNames(outside))) return { ok: false, unverifiable: 'Encrypt' };
  const found = findActiveName(outside);
  if (found) return { ok: false, active: found };
  const budget = { left: MAX_DECODED_BYTES };
  for (const s of streams) {
    if (!isObjectStream(s.dict)) continue;
    const inside = findActiveName(decodeObjectStream(s, budget));
    if (inside) return { ok: false, active: inside };
  }
  return { ok: true };
}

/** Refuses a PDF with active content (400 FILE_PDF_ACTIVE_CONTENT) or one that cannot be checked (400 FILE_PDF_UNVERIFIABLE). */
export function assertNoActiveContent(pdf: Buffer): void {
  const verdict = inspectPdf(pdf);
  if ('active' in verdict) throw FileErrors.FILE_PDF_ACTIVE_CONTENT({ what: `/${verdict.active}` });
  if ('unverifiable' in verdict) throw FileErrors.FILE_PDF_UNVERIFIABLE({ why: verdict.unverifiable });
}
