import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { FUND_COLUMNS, FUND_ENTRY_KINDS, FUND_KIND_ZH, type FundEntryKind, type FundRowError } from '../fees.fund.constants.ts';
import { FeesErrors } from '../fees.errors.ts';

/** A street's statement for a quarter is a few thousand rows; a year of a large street's about 20,000. */
export const FUND_MAX_ROWS = 20_000;

/** One row of the authority's statement as read, before it is matched to places. */
export interface StatementRow {
  row: number;
  serial: string;
  day: string;
  compound: string;
  room: string | null;
  kind: FundEntryKind;
  amountFen: number;
  balanceFen: number | null;
  summary: string;
}

const ZH_KIND = new Map<string, FundEntryKind>(FUND_ENTRY_KINDS.map((k) => [FUND_KIND_ZH[k], k]));
/** Full-width parentheses and spaces are what people type into headers: read them as the template's. */
const normalHeader = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');

/** A cell's text, whatever exceljs made of it (rich text, a formula's result, a hyperlink, a date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/**
 * Yuan as written (12.5, 1,280.00) to integer fen, or null for anything else: more than two decimals (1.234),
 * a sign (-0, +5), or not a number. The arithmetic is on the digits, never on a float.
 */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A day written 2026-07-01, 2026/7/1 or 2026.07.01 (or a date cell), as YYYY-MM-DD; null when not a real day. */
export function readDay(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1990) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads the authority's statement (the template of fund-template.ts): a file that is not xlsx, a header row that
 * is not the template's, or no rows at all is refused as a whole (400, nothing kept); each row that cannot be
 * read is an error row (its number and why), the others are read.
 */
export async function readFundStatement(content: Buffer): Promise<{ rows: StatementRow[]; errors: FundRowError[]; total: number }> {
  // The commit reads the file its dry run just read: the same bytes give the same rows, so the last few are kept.
  const sha = createHash('sha256').update(content).digest('hex');
  const seen = lastRead.get(sha);
  if (seen) return seen;
  const read = await parseStatement(content);
  lastRead.set(sha, read);
  if (lastRead.size > 4) lastRead.delete(lastRead.keys().next().value!);
  return read;
}
type ReadStatement = { rows: StatementRow[]; errors: FundRowError[]; total: number };
const lastRead = new Map<string, ReadStatement>();

async function parseStatement(content: Buffer): Promise<ReadStatement> {
  // An xlsx is a zip: refuse anything else before handing it to the parser.
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) throw FeesErrors.FUND_FILE_NOT_XLSX();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw FeesErrors.FUND_FILE_NOT_XLSX();
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw FeesErrors.FUND_FILE_NOT_XLSX();
  const header = FUND_COLUMNS.map((_, i) => normalHeader(cellText(sheet.getRow(1).getCell(i + 1).value)));
  if (header.some((h, i) => h !== normalHeader(FUND_COLUMNS[i]!))) throw FeesErrors.FUND_FILE_HEADERS({ header: FUND_COLUMNS.join(' | ') });
  if (sheet.rowCount - 1 > FUND_MAX_ROWS) throw FeesErrors.FUND_FILE_TOO_MANY({ max: FUND_MAX_ROWS });

  const rows: StatementRow[] = [];
  const errors: FundRowError[] = [];
  let total = 0;
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = FUND_COLUMNS.map((_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
    if (cells.every((c) => c === '')) continue;
    total++;
    const [serial, dayText, compound, room, kindText, amountText, balanceText, summary] = cells as [string, string, string, string, string, string, string, string];
    const fail = (zh: string, en: string) => errors.push({ row: n, serial: serial || null, zh, en });
    if (!serial) {
      fail('缺少流水号', 'The serial (流水号) is missing');
      continue;
    }
    if (serial.length > 60) {
      fail('流水号超过60个字符', 'The serial is longer than 60 characters');
      continue;
    }
    const day = readDay(dayText);
    if (!day) {
      fail(`日期“${dayText}”无法识别（应为 2026-07-01）`, `The date "${dayText}" is not a date (2026-07-01)`);
      continue;
    }
    if (!compound) {
      fail('缺少小区名称', 'The compound is missing');
      continue;
    }
    const kind = ZH_KIND.get(kindText);
    if (!kind) {
      fail(`类型“${kindText}”应为 交存、使用、利息 或 退还`, `The type "${kindText}" must be 交存, 使用, 利息 or 退还`);
      continue;
    }
    const amountFen = yuanToFen(amountText);
    if (amountFen === null || amountFen === 0) {
      fail(`金额“${amountText}”应为大于0、最多两位小数的数字（元）`, `The amount "${amountText}" must be a positive number of yuan with at most two decimals`);
      continue;
    }
    let balanceFen: number | null = null;
    if (balanceText) {
      balanceFen = yuanToFen(balanceText);
      if (balanceFen === null) {
        fail(`余额“${balanceText}”应为最多两位小数的数字（元）`, `The balance "${balanceText}" must be a number of yuan with at most two decimals`);
        continue;
      }
    }
    if (summary.length > 200) {
      fail('摘要超过200个字符', 'The summary is longer than 200 characters');
      continue;
    }
    rows.push({ row: n, serial, day, compound, room: room || null, kind, amountFen, balanceFen, summary });
  }
  if (total === 0) throw FeesErrors.FUND_FILE_EMPTY();
  return { rows, errors, total };
}

/** The statement's rows as the template lays them out (the demo's generated statement, tests' files). */
export async function fundStatementXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('维修资金对账单');
  sheet.columns = FUND_COLUMNS.map((header, i) => ({ header, width: [18, 12, 14, 18, 8, 12, 14, 30][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The template offered for download: the header row on the first sheet (what is read), and a second sheet that
 * explains each column with an example — so an unchanged template imports nothing.
 */
export async function fundTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('维修资金对账单');
  sheet.columns = FUND_COLUMNS.map((header, i) => ({ header, width: [18, 12, 14, 18, 8, 12, 14, 30][i] }));
  sheet.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 12 }, { header: '说明', width: 60 }, { header: '示例', width: 20 }];
  help.getRow(1).font = { bold: true };
  for (const r of [
    ['流水号', '住建部门（维修资金管理中心）的流水号，必填；同一流水号重复导入不会重复记账', 'WX2026070001'],
    ['日期', '记账日期，必填', '2026-07-01'],
    ['小区', '小区名称，须与平台上的小区名称一致', '阳光花园'],
    ['楼栋/房号', '选填；分户账填写，如 1栋1单元1201 或 1栋/1单元/1201', '1栋1单元1201'],
    ['类型', '交存、使用、利息 或 退还', '交存'],
    ['金额(元)', '大于0，最多两位小数', '3560.00'],
    ['余额(元)', '选填：管理中心账面余额', '125600.00'],
    ['摘要', '选填，200字以内', '首期交存'],
  ]) help.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
