import { isValidIdNumber, isValidMobile, normalise } from '../../../kernel/pii/pii.ts';
import type { Relation } from '../registry.tables.ts';
import { type ColumnInfo, type Field, halfWidth } from './columns.ts';
import type { Issue, IssueCode, IssueParams } from './issues.ts';
import type { SheetRow } from './read-file.ts';

/**
 * One data row of the file, read and checked on its own: the room it names and, when it names a
 * person, that person's relation to the room. Checks across rows and against the registry come
 * later (plan.ts).
 */
export type AreaSource = 'register' | 'surveyed' | 'contract';
export type RoomUse = 'residential' | 'commercial' | 'parking';
export type Tag = 'party_member' | 'low_income' | 'extreme_hardship' | 'elderly' | 'disabled' | 'volunteer';

export interface Line {
  row: number;
  compound: string | null;
  building: string;
  unit: string;
  room: string;
  floor: number | null;
  areaCenti: number | null;
  areaSource: AreaSource | null;
  use: RoomUse | null;
  person: {
    name: string;
    idNumber: string | null;
    /** Keyed hashes (pii.hash) of the ID number and mobile: how the registry finds a person. */
    idHash: string | null;
    phone: string | null;
    phoneHash: string | null;
    relation: Relation;
    shareBp: number | null;
    tags: Tag[];
  } | null;
}

const AREA_SOURCES: Record<string, AreaSource> = {
  不动产登记: 'register', 不动产登记簿: 'register', 登记簿: 'register', 登记: 'register', 产权证: 'register', 房产证: 'register', 产权: 'register', register: 'register',
  实测: 'surveyed', 实测面积: 'surveyed', 测绘: 'surveyed', 测量: 'surveyed', surveyed: 'surveyed', survey: 'surveyed',
  合同: 'contract', 合同面积: 'contract', 预售: 'contract', 预测: 'contract', 购房合同: 'contract', contract: 'contract',
};
const USES: Record<string, RoomUse> = {
  住宅: 'residential', 住房: 'residential', 居住: 'residential', 公寓: 'residential', residential: 'residential', home: 'residential',
  商业: 'commercial', 商铺: 'commercial', 底商: 'commercial', 商用: 'commercial', 门面: 'commercial', 办公: 'commercial', commercial: 'commercial', shop: 'commercial',
  车位: 'parking', 车库: 'parking', 停车位: 'parking', 地下车位: 'parking', 储藏室: 'parking', parking: 'parking',
};
const RELATIONS: Record<string, Relation> = {
  业主: 'owner', 产权人: 'owner', 房主: 'owner', 所有权人: 'owner', 户主: 'owner', owner: 'owner',
  共有人: 'co_owner', 共同所有人: 'co_owner', 共有产权人: 'co_owner', 产权共有人: 'co_owner', coowner: 'co_owner', 'co-owner': 'co_owner', co_owner: 'co_owner',
  租户: 'tenant', 承租人: 'tenant', 租客: 'tenant', 租住: 'tenant', tenant: 'tenant',
  家属: 'family', 家庭成员: 'family', 家人: 'family', 同住人: 'family', 共同居住人: 'family', 成员: 'family', family: 'family',
};
const TAGS: Record<string, Tag> = {
  党员: 'party_member', 中共党员: 'party_member', 低保: 'low_income', 低保户: 'low_income', 特困: 'extreme_hardship', 特困户: 'extreme_hardship',
  老年人: 'elderly', 老人: 'elderly', 高龄: 'elderly', 老年: 'elderly', 残疾人: 'disabled', 残疾: 'disabled', 志愿者: 'volunteer',
  party_member: 'party_member', low_income: 'low_income', extreme_hardship: 'extreme_hardship', elderly: 'elderly', disabled: 'disabled', volunteer: 'volunteer',
};
const ALLOWED = {
  areaSource: '不动产登记、实测、合同',
  use: '住宅、商业、车位',
  relation: '业主、共有人、租户、家属',
  tags: '党员、低保、特困、老年人、残疾人、志愿者',
};

const key = (v: string) => halfWidth(v).replace(/\s+/g, '').toLowerCase();

/** A place name as stored: half-width digits, trimmed, inner runs of spaces collapsed. */
export const placeName = (v: string) => halfWidth(v).trim().replace(/\s+/g, ' ');

/** A person's name: spaces between Chinese characters dropped ("张 三" → 张三), other runs collapsed. */
export const personName = (v: string) =>
  halfWidth(v)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3400-\u9fff\u00b7]) (?=[\u3400-\u9fff\u00b7])/g, '');

const AREA_MAX_CENTI = 1_000_000; // 10,000 m²
const AREA_MIN_CENTI = 100; // 1 m²

/** "89.12", "89.12㎡", "89.12 平方米" → 8912; exact, no floating point. */
export function parseArea(raw: string): { centi: number } | { code: IssueCode } {
  const v = halfWidth(raw).replace(/\s|㎡|平方米|平米|m²|m2/gi, '').replace(/,/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(v) || Number(v) <= 0) return { code: 'AREA_INVALID' };
  const [whole, frac = ''] = v.replace(/^\+/, '').split('.');
  const fraction = frac.replace(/0+$/, '');
  if (fraction.length > 2) return { code: 'AREA_DECIMALS' };
  if (whole!.length > 9) return { code: 'AREA_ABSURD' };
  const centi = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (centi < AREA_MIN_CENTI || centi > AREA_MAX_CENTI) return { code: 'AREA_ABSURD' };
  return { centi };
}

/** 100% → 10000 bp; 50% → 5000; 1/3 → 3333; 0.5 → 5000; 50 (no sign) → 5000. */
export function parseShare(raw: string): number | null {
  const v = halfWidth(raw).replace(/\s/g, '').replace('％', '%');
  let fraction: number;
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
  const ratio = /^(\d+)\/(\d+)$/.exec(v);
  if (pct) fraction = Number(pct[1]) / 100;
  else if (ratio) fraction = Number(ratio[1]) / Number(ratio[2]);
  else if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    fraction = n <= 1 ? n : n <= 100 ? n / 100 : Number.NaN;
  } else return null;
  const bp = Math.round(fraction * 10000);
  return Number.isFinite(bp) && bp >= 1 && bp <= 10000 ? bp : null;
}

export const centiText = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

/** A reader of rows for the given columns. It returns the line and the row's issues; a row with any error yields no line. */
export function lineReader(columns: ColumnInfo[], hash: (value: string) => string) {
  const colOf = new Map<Field, ColumnInfo>();
  for (const c of columns) if (c.field) colOf.set(c.field, c);
  return (sheetRow: SheetRow) => readLine(sheetRow, colOf, hash);
}

function readLine(sheetRow: SheetRow, colOf: Map<Field, ColumnInfo>, hash: (value: string) => string): { line: Line | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const get = (f: Field) => {
    const c = colOf.get(f);
    return c ? (sheetRow.cells[c.index] ?? '').trim() : '';
  };
  const err = (f: Field | null, code: IssueCode, params: IssueParams = {}) => {
    const c = f ? colOf.get(f) : undefined;
    issues.push({ row: sheetRow.row, column: c?.letter ?? null, header: c?.header ?? null, field: f, level: 'error', code, params });
  };

  const text = (f: Field, max: number, required: boolean) => {
    const v = placeName(get(f));
    if (!v) {
      if (required) err(f, 'MISSING', { field: f });
      return '';
    }
    if (v.length > max) err(f, 'TOO_LONG', { field: f, max });
    return v;
  };
  const compound = colOf.has('compound') ? text('compound', 100, false) || null : null;
  const building = text('building', 50, true);
  const unit = text('unit', 50, true);
  const room = text('room', 50, true);

  let floor: number | null = null;
  const floorRaw = halfWidth(get('floor')).replace(/[层楼F\s]/gi, '');
  if (floorRaw) {
    if (/^-?\d+$/.test(floorRaw) && Number(floorRaw) >= -10 && Number(floorRaw) <= 200) floor = Number(floorRaw);
    else err('floor', 'FLOOR_INVALID', { value: get('floor') });
  }

  let areaCenti: number | null = null;
  const areaRaw = get('area');
  if (areaRaw) {
    const a = parseArea(areaRaw);
    if ('centi' in a) areaCenti = a.centi;
    else err('area', a.code, { value: areaRaw });
  }

  const pick = <T>(f: 'areaSource' | 'use' | 'relation', table: Record<string, T>): T | null => {
    const raw = get(f);
    if (!raw) return null;
    const v = table[key(raw)];
    if (v === undefined) err(f, 'VALUE_UNKNOWN', { field: f, value: raw, allowed: ALLOWED[f] });
    return v ?? null;
  };
  const areaSource = pick('areaSource', AREA_SOURCES);
  const use = pick('use', USES);

  let person: Line['person'] = null;
  const name = personName(get('name'));
  const idRaw = get('idNumber');
  const phoneRaw = get('phone');
  const relation = pick('relation', RELATIONS);
  const shareRaw = get('share');
  const tagsRaw = get('tags');
  if (!name) {
    for (const [f, v] of [['idNumber', idRaw], ['phone', phoneRaw], ['relation', get('relation')], ['share', shareRaw]] as const) {
      if (v) {
        err('name', 'NAME_REQUIRED', { field: f });
        break;
      }
    }
  } else {
    if (name.length > 100) err('name', 'TOO_LONG', { field: 'name', max: 100 });
    let idNumber: string | null = null;
    if (idRaw) {
      const id = normalise(idRaw);
      const c = colOf.get('idNumber')!;
      if (isValidIdNumber(id)) idNumber = id;
      else if (sheetRow.numeric?.has(c.index) || /E\+?\d+$/i.test(id)) err('idNumber', 'ID_AS_NUMBER', { value: idRaw });
      else err('idNumber', 'ID_INVALID', { value: idRaw });
    }
    let phone: string | null = null;
    if (phoneRaw) {
      const p = normalise(phoneRaw).replace(/^(\+?86)(?=1\d{10}$)/, '').replace(/-/g, '');
      if (isValidMobile(p)) phone = p;
      else err('phone', 'PHONE_INVALID', { value: phoneRaw });
    }
    if (!relation && !get('relation')) err('relation', 'RELATION_REQUIRED');
    let shareBp: number | null = null;
    if (shareRaw && (relation === 'owner' || relation === 'co_owner')) {
      shareBp = parseShare(shareRaw);
      if (shareBp === null) err('share', 'SHARE_INVALID', { value: shareRaw });
    }
    if ((relation === 'owner' || relation === 'co_owner') && !idRaw) err('idNumber', 'OWNER_NEEDS_ID');
    const tags = new Set<Tag>();
    for (const t of tagsRaw.split(/[、,，;；/|\s]+/).filter(Boolean)) {
      const tag = TAGS[key(t)];
      if (tag) tags.add(tag);
      else err('tags', 'VALUE_UNKNOWN', { field: 'tags', value: t, allowed: ALLOWED.tags });
    }
    if (relation) person = { name, idNumber, idHash: idNumber ? hash(idNumber) : null, phone, phoneHash: phone ? hash(phone) : null, relation, shareBp, tags: [...tags].sort() };
  }

  if (issues.length > 0) return { line: null, issues };
  return { line: { row: sheetRow.row, compound, building, unit, room, floor, areaCenti, areaSource, use, person }, issues };
}

/** Blank: nothing of its own (a value merged down from a row above does not count). */
export const isBlank = (row: SheetRow) => row.cells.every((c, i) => c.trim() === '' || row.merged?.has(i));
