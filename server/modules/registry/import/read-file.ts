import ExcelJS from 'exceljs';

/**
 * Reads an uploaded spreadsheet into rows of strings, as a person sees them in Excel: merged cells
 * carry their master cell's value, formulas their cached result, numbers their shortest decimal
 * form. CSV files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030.
 */
export interface SheetRow {
  /** The row number in the file as a person sees it (1-based; in a CSV the line the record starts on). */
  row: number;
  cells: string[];
  /** Columns whose cell was a number in the file (an 18-digit ID number stored as a number loses digits). */
  numeric?: Set<number>;
  /** Columns whose value comes from a merged cell's master in another row (not the row's own content). */
  merged?: Set<number>;
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  rows: SheetRow[];
}

export class FileFormatError extends Error {
  readonly reason: 'xls' | 'unreadable' | 'empty';
  constructor(reason: 'xls' | 'unreadable' | 'empty', message: string) {
    super(message);
    this.reason = reason;
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle2 = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Hands the event loop back between chunks of work, so other requests are served meanwhile. */
export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** `looksLikeHeader` picks, in a workbook of several sheets, the first whose opening rows hold our header. */
export async function readSheet(content: Buffer, looksLikeHeader: (rows: SheetRow[]) => boolean = () => true): Promise<Sheet> {
  if (content.length === 0) throw new FileFormatError('empty', 'empty file');
  if (isOle2(content)) throw new FileFormatError('xls', 'legacy .xls');
  if (isZip(content)) return readXlsx(content, looksLikeHeader);
  const { text, encoding } = decodeText(content);
  return { format: 'csv', encoding, sheetName: null, rows: await parseCsv(text) };
}

/** BOM → its encoding; valid UTF-8 → UTF-8; anything else → GB18030 (a superset of GBK and GB2312). */
export function decodeText(content: Uint8Array): { text: string; encoding: string } {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(content.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (content[0] === 0xff && content[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(content.subarray(2)), encoding: 'utf-16le' };
  if (content[0] === 0xfe && content[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(content.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(content), encoding: 'gb18030' };
  }
}

/** The delimiter of the first non-empty line: comma, tab or semicolon, whichever occurs most outside quotes. */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. */
export async function parseCsv(text: string): Promise<SheetRow[]> {
  const delimiter = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let line = 1;
  let startLine = 1;
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    field = '';
    rows.push({ row: startLine, cells });
    cells = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      startLine = line;
      // Long files: let other requests in every few thousand records.
      if (rows.length % 5000 === 0) await yieldToLoop();
    } else field += ch;
    i++;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}

/** 89.12 stays "89.12"; 0.1 + 0.2 becomes "0.3" (floating-point noise from formulas is dropped). */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  return String(Number(v.toFixed(10)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text: formulas give their cached result, rich text its plain text. */
export function cellText(value: ExcelJS.CellValue | undefined): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: numberText(value), numeric: true };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) {
    return { text: `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`, numeric: false };
  }
  const v = value as unknown as Record<string, unknown>;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result as ExcelJS.CellValue);
  if (Array.isArray(v.richText)) return { text: (v.richText as { text: string }[]).map((r) => r.text).join(''), numeric: false };
  if (typeof v.text === 'string') return { text: v.text, numeric: false };
  if ('error' in v) return { text: '', numeric: false };
  return { text: String(value), numeric: false };
}

async function readXlsx(content: Buffer, looksLikeHeader: (rows: SheetRow[]) => boolean): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('unreadable', 'not a readable xlsx');
  }
  const sheets = book.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  if (sheets.length === 0) throw new FileFormatError('empty', 'no worksheet');
  // The first sheet whose opening rows look like a header; otherwise the first sheet.
  const read = async (sheet: ExcelJS.Worksheet): Promise<SheetRow[]> => {
    const rows: SheetRow[] = [];
    const width = sheet.columnCount;
    let count = 0;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      let numeric: Set<number> | undefined;
      let merged: Set<number> | undefined;
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell shows its master's value; exceljs keeps the value on the master only.
        const source = cell.isMerged ? cell.master : cell;
        const { text, numeric: isNumber } = cellText(source.value);
        cells.push(text);
        if (isNumber) (numeric ??= new Set()).add(c - 1);
        if (source !== cell && Number(source.fullAddress.row) !== r && text) (merged ??= new Set()).add(c - 1);
      }
      const sheetRow: SheetRow = { row: r, cells };
      if (numeric) sheetRow.numeric = numeric;
      if (merged) sheetRow.merged = merged;
      rows.push(sheetRow);
      if (++count % 2000 === 0) await yieldToLoop();
    }
    return rows;
  };
  let first: { sheet: ExcelJS.Worksheet; rows: SheetRow[] } | null = null;
  for (const sheet of sheets) {
    const rows = await read(sheet);
    first ??= { sheet, rows };
    if (looksLikeHeader(rows)) return { format: 'xlsx', encoding: null, sheetName: sheet.name, rows };
  }
  return { format: 'xlsx', encoding: null, sheetName: first!.sheet.name, rows: first!.rows };
}
