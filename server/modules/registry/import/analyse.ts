import { type PlaceRow, streetOf } from '../../../kernel/access/places.ts';
import type { Pii } from '../../../kernel/pii/pii.ts';
import { type ColumnInfo, type ColumnMapping, findHeaderRow, looksLikeHeader, mapColumns, REQUIRED_FIELDS } from './columns.ts';
import { type CopyLoad, entityDigest, planLoads } from './copy-loads.ts';
import type { Issue } from './issues.ts';
import { isBlank, type Line, lineReader } from './lines.ts';
import { buildPlan, type Counts } from './plan.ts';
import { readSheet, type Sheet } from './read-file.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * One pass over a file: read it, find the header, map the columns, check every row, compare with
 * the registry and plan the writes. It runs in a worker thread (analyse-in-worker.ts): reading,
 * checking, hashing and encrypting 200,000 rows is seconds of CPU that must not stall the server.
 * A dry run stops at the counts; a commit also gets the planned rows as COPY loads to write.
 */
export interface Analysis {
  sheet: Pick<Sheet, 'format' | 'encoding' | 'sheetName'>;
  headerRow: number | null;
  columns: ColumnInfo[];
  issues: Issue[];
  /** Null when the file cannot be imported at all (no header, a required column missing). */
  plan: PlanSummary | null;
  /** Data rows (after the header), blank ones included. */
  dataRows: number;
  headers: string[];
}

export interface PlanSummary {
  counts: Counts;
  validRowCount: number;
  /** The rows to write, in order (empty for a dry run). */
  loads: CopyLoad[];
  /** sha256 over every entity the batch creates or updates: the audit entry pins the batch's content. */
  entityDigest: string;
}

export interface AnalyseInput {
  target: PlaceRow;
  content: Uint8Array;
  mapping: ColumnMapping | undefined;
  /** Encrypt personal data and produce the rows to write (staged updates are keyed by the import). */
  materialise: { importId: string } | null;
}

export interface AnalyseDeps {
  pii: Pii;
  /** What the registry holds under the target, for the file's ID numbers and mobiles (by keyed hash). */
  loadSnapshot(idHashes: string[], phoneHashes: string[]): Promise<Snapshot>;
  progress?: AnalyseProgress;
}

export type AnalyseProgress = (done: number, total: number) => Promise<void> | void;

export async function analyse(input: AnalyseInput, deps: AnalyseDeps): Promise<Analysis> {
  const sheet = await readSheet(Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength), looksLikeHeader);
  const issues: Issue[] = [];
  const base = { sheet: { format: sheet.format, encoding: sheet.encoding, sheetName: sheet.sheetName } };
  const h = findHeaderRow(sheet.rows);
  const explicit = input.mapping && Object.keys(input.mapping).length > 0;
  // With an explicit mapping and no recognisable header, the first row is the header.
  const headerIndex = h >= 0 ? h : explicit ? 0 : -1;
  if (headerIndex < 0 || sheet.rows.length === 0) {
    issues.push({ row: 0, column: null, header: null, field: null, level: 'error', code: sheet.rows.length ? 'NO_HEADER' : 'NO_ROWS', params: {} });
    return { ...base, headerRow: null, columns: [], issues, plan: null, dataRows: 0, headers: [] };
  }
  const headerRow = sheet.rows[headerIndex]!;
  const columns = mapColumns(headerRow.cells, input.mapping);
  const headers = columns.map((c) => c.header);
  const data = sheet.rows.slice(headerIndex + 1);
  const missing = REQUIRED_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  if (missing.length > 0) {
    issues.push({ row: headerRow.row, column: null, header: null, field: null, level: 'error', code: 'REQUIRED_COLUMNS', params: { fields: missing.join(',') } });
    return { ...base, headerRow: headerRow.row, columns, issues, plan: null, dataRows: data.length, headers };
  }

  const read = lineReader(columns, deps.pii.hash);
  const lines: Line[] = [];
  let blank = 0;
  const total = data.length;
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!;
    if (i % 5000 === 0) await deps.progress?.(i, total);
    if (isBlank(row)) {
      blank++;
      continue;
    }
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
    if (l.person?.idHash) idHashes.add(l.person.idHash);
    if (l.person?.phoneHash) phoneHashes.add(l.person.phoneHash);
  }
  const snapshot = await deps.loadSnapshot([...idHashes], [...phoneHashes]);
  const plan = buildPlan({
    lines,
    columns,
    snapshot,
    pii: deps.pii,
    materialise: input.materialise !== null,
    issues,
    totalRows: total - trailing - (blank - trailing),
    blankRows: blank - trailing,
  });
  await deps.progress?.(total, total);
  issues.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  const summary: PlanSummary = {
    counts: plan.counts,
    validRowCount: plan.validRows.size,
    loads: input.materialise ? planLoads(plan, input.materialise.importId, streetOf(input.target)) : [],
    entityDigest: input.materialise ? entityDigest(plan) : '',
  };
  return { ...base, headerRow: headerRow.row, columns, issues, plan: summary, dataRows: total - trailing, headers };
}
