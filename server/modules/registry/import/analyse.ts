import type { PlaceRow } from '../../../kernel/access/index.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { type ColumnInfo, type ColumnMapping, findHeaderRow, looksLikeHeader, mapColumns, REQUIRED_FIELDS } from './columns.ts';
import type { Issue } from './issues.ts';
import { isBlank, type Line, lineReader } from './lines.ts';
import { buildPlan, type Plan } from './plan.ts';
import { readSheet, type Sheet, yieldToLoop } from './read-file.ts';
import { loadSnapshot } from './snapshot.ts';

/**
 * One pass over a file: read it, find the header, map the columns, check every row, compare with
 * the registry and plan the writes. A dry run stops here; a commit writes the plan (commit.ts).
 */
export interface Analysis {
  sheet: Pick<Sheet, 'format' | 'encoding' | 'sheetName'>;
  headerRow: number | null;
  columns: ColumnInfo[];
  issues: Issue[];
  /** Null when the file cannot be imported at all (no header, a required column missing). */
  plan: Plan | null;
  /** Data rows (after the header), blank ones included. */
  dataRows: number;
  /** The file's rows by row number, for the report. */
  rowsByNumber: Map<number, string[]>;
  headers: string[];
}

export type AnalyseProgress = (done: number, total: number) => Promise<void> | void;

export async function analyse(
  kernel: Kernel,
  target: PlaceRow,
  content: Buffer,
  mapping: ColumnMapping | undefined,
  opts: { materialise: boolean; progress?: AnalyseProgress },
): Promise<Analysis> {
  const sheet = await readSheet(content, looksLikeHeader);
  const issues: Issue[] = [];
  const base = { sheet: { format: sheet.format, encoding: sheet.encoding, sheetName: sheet.sheetName } };
  const rowsByNumber = new Map<number, string[]>();
  const h = findHeaderRow(sheet.rows);
  const explicit = mapping && Object.keys(mapping).length > 0;
  // With an explicit mapping and no recognisable header, the first row is the header.
  const headerIndex = h >= 0 ? h : explicit ? 0 : -1;
  if (headerIndex < 0 || sheet.rows.length === 0) {
    issues.push({ row: 0, column: null, header: null, field: null, level: 'error', code: sheet.rows.length ? 'NO_HEADER' : 'NO_ROWS', params: {} });
    return { ...base, headerRow: null, columns: [], issues, plan: null, dataRows: 0, rowsByNumber, headers: [] };
  }
  const headerRow = sheet.rows[headerIndex]!;
  const columns = mapColumns(headerRow.cells, mapping);
  const headers = columns.map((c) => c.header);
  const data = sheet.rows.slice(headerIndex + 1);
  const missing = REQUIRED_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  if (missing.length > 0) {
    issues.push({ row: headerRow.row, column: null, header: null, field: null, level: 'error', code: 'REQUIRED_COLUMNS', params: { fields: missing.join(',') } });
    return { ...base, headerRow: headerRow.row, columns, issues, plan: null, dataRows: data.length, rowsByNumber, headers };
  }

  const read = lineReader(columns);
  const lines: Line[] = [];
  let blank = 0;
  const total = data.length;
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!;
    if (i % 2000 === 0) {
      await opts.progress?.(i, total);
      await yieldToLoop();
    }
    if (isBlank(row)) {
      blank++;
      continue;
    }
    rowsByNumber.set(row.row, row.cells);
    const r = read(row);
    if (r.line) lines.push(r.line);
    else issues.push(...r.issues);
  }
  // Trailing blank rows (Excel keeps formatted empty rows) are not counted at all.
  let trailing = 0;
  for (let i = data.length - 1; i >= 0 && isBlank(data[i]!); i--) trailing++;

  const idHashes = new Set<string>();
  const phoneHashes = new Set<string>();
  for (const l of lines) {
    if (l.person?.idNumber) idHashes.add(kernel.pii.hash(l.person.idNumber));
    if (l.person?.phone) phoneHashes.add(kernel.pii.hash(l.person.phone));
  }
  const snapshot = await loadSnapshot(kernel.db, target, [...idHashes], [...phoneHashes]);
  const plan = await buildPlan({
    lines,
    columns,
    snapshot,
    pii: kernel.pii,
    materialise: opts.materialise,
    issues,
    totalRows: total - trailing - (blank - trailing),
    blankRows: blank - trailing,
  });
  await opts.progress?.(total, total);
  issues.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  return { ...base, headerRow: headerRow.row, columns, issues, plan, dataRows: total - trailing, rowsByNumber, headers };
}
