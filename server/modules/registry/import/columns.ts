import type { SheetRow } from './read-file.ts';

/**
 * The fields an import understands, their labels, and the header spellings people actually use
 * (the template's, the housing bureau's, the property company's). Headers are compared after
 * removing spaces, asterisks and notes in brackets: "专有面积（㎡）*" reads as 专有面积.
 */
export const FIELDS = [
  'compound',
  'building',
  'unit',
  'room',
  'floor',
  'area',
  'areaSource',
  'use',
  'name',
  'idNumber',
  'phone',
  'relation',
  'share',
  'tags',
] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, { 'zh-CN': string; en: string }> = {
  compound: { 'zh-CN': '小区', en: 'Compound' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  unit: { 'zh-CN': '单元', en: 'Unit' },
  room: { 'zh-CN': '房号', en: 'Room' },
  floor: { 'zh-CN': '楼层', en: 'Floor' },
  area: { 'zh-CN': '专有面积', en: 'Exclusive area' },
  areaSource: { 'zh-CN': '面积来源', en: 'Area source' },
  use: { 'zh-CN': '用途', en: 'Use' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  phone: { 'zh-CN': '手机号', en: 'Mobile' },
  relation: { 'zh-CN': '关系', en: 'Relation' },
  share: { 'zh-CN': '份额', en: 'Share' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
};

/** The template's headers, in order. */
export const TEMPLATE_HEADERS: Record<Field, string> = {
  compound: '小区',
  building: '楼栋',
  unit: '单元',
  room: '房号',
  floor: '楼层',
  area: '专有面积(㎡)',
  areaSource: '面积来源',
  use: '用途',
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  relation: '关系',
  share: '份额',
  tags: '标签',
};

const VARIANTS: Record<Field, string[]> = {
  compound: ['小区', '小区名称', '小区名', '项目', '项目名称', '楼盘', 'compound', 'estate'],
  building: ['楼栋', '楼号', '楼栋号', '栋', '栋号', '幢', '幢号', '楼', '楼宇', 'building', 'bldg'],
  unit: ['单元', '单元号', 'unit', 'entrance'],
  room: ['房号', '室号', '房间号', '房屋号', '门牌号', '户号', '房屋编号', '房间', '室', 'room', 'roomno', 'roomnumber', 'flat'],
  floor: ['楼层', '层', '所在楼层', '层数', 'floor'],
  area: ['面积', '建筑面积', '专有面积', '专有部分面积', '套内面积', '套内建筑面积', '房屋面积', '产权面积', 'area', 'exclusivearea'],
  areaSource: ['面积来源', '面积依据', 'areasource'],
  use: ['用途', '房屋用途', '房屋性质', '规划用途', 'use', 'usage'],
  name: ['姓名', '业主姓名', '住户姓名', '人员姓名', '名字', '户主姓名', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '证件号', '证号', '身份证', '公民身份号码', 'idnumber', 'idno'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话', 'phone', 'mobile'],
  relation: ['关系', '身份', '人员类型', '住户类型', '与房屋关系', '人员身份', 'relation', 'role'],
  share: ['份额', '产权份额', '占比', '产权比例', '持有份额', 'share'],
  tags: ['标签', '人员标签', '特殊人群', '人员类别', 'tags'],
};

/** Header text as compared: no spaces, asterisks or bracketed notes; full-width letters folded; lower case. */
export function headerKey(text: string): string {
  return halfWidth(text)
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const BY_KEY = new Map<string, Field>();
for (const f of FIELDS) for (const v of VARIANTS[f]) BY_KEY.set(headerKey(v), f);

export const fieldOfHeader = (text: string): Field | null => BY_KEY.get(headerKey(text)) ?? null;

/** Full-width ASCII (digits, letters, punctuation) and the ideographic space to their half-width forms. */
export function halfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** "A", "B" … "Z", "AA": the column letter a person sees in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The header row: the first of the opening ten rows in which at least two cells name known fields. */
export function findHeaderRow(rows: SheetRow[]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const known = rows[i]!.cells.filter((c) => fieldOfHeader(c) !== null).length;
    if (known >= 2) return i;
  }
  return -1;
}

export const looksLikeHeader = (rows: SheetRow[]) => findHeaderRow(rows) >= 0;

export interface ColumnInfo {
  /** 0-based column index and its letter. */
  index: number;
  letter: string;
  header: string;
  field: Field | null;
  /** How the field was chosen: by the header text, by the user's mapping, or not at all. */
  source: 'auto' | 'user' | 'none';
}

/** The user's choice for a column, keyed by its letter: a field, or null to ignore the column. */
export type ColumnMapping = Record<string, Field | null>;

export class MappingError extends Error {
  readonly field: Field;
  constructor(field: Field) {
    super(`two columns are mapped to ${field}`);
    this.field = field;
  }
}

/** Maps each header cell to a field: the user's mapping first, then the header's own name. */
export function mapColumns(headers: string[], mapping: ColumnMapping = {}): ColumnInfo[] {
  const width = headers.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0);
  const cols: ColumnInfo[] = [];
  const taken = new Map<Field, number>();
  for (let i = 0; i < width; i++) {
    const letter = columnLetter(i);
    const header = (headers[i] ?? '').trim();
    let field: Field | null;
    let source: ColumnInfo['source'];
    if (Object.hasOwn(mapping, letter)) {
      field = mapping[letter] ?? null;
      source = field ? 'user' : 'none';
    } else {
      field = header ? fieldOfHeader(header) : null;
      source = field ? 'auto' : 'none';
    }
    cols.push({ index: i, letter, header, field, source });
  }
  // A user's choice wins over an automatic guess for the same field; two user choices conflict.
  for (const c of cols) {
    if (!c.field) continue;
    const other = taken.get(c.field);
    if (other === undefined) {
      taken.set(c.field, c.index);
      continue;
    }
    const prev = cols[other]!;
    if (prev.source === 'user' && c.source === 'user') throw new MappingError(c.field);
    const loser = c.source === 'user' ? prev : c;
    loser.field = null;
    loser.source = 'none';
    if (loser === prev) taken.set(c.field, c.index);
  }
  return cols;
}

export const REQUIRED_FIELDS: Field[] = ['building', 'unit', 'room'];
