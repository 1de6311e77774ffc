import { type Insertable, sql } from 'kysely';
import { type PlaceRow, placeRow, storedPlace, ROLE_LABELS, type Role, type StaffRole, SYSTEM_ACTOR } from '../kernel/access/index.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import { createAccount, grantRole } from '../kernel/auth/accounts.ts';
import { hashPassword } from '../kernel/auth/passwords.ts';
import type { Kernel } from '../kernel/context.ts';
import type { Transaction } from 'kysely';
import { newId } from '../kernel/ids.ts';
import { withIdChecksum } from '../kernel/pii/pii.ts';
import { contactColumns, personPiiColumns } from '../modules/registry/index.ts';
import type { PlaceKind } from '../kernel/db/tables.ts';
import { type AppTables, appDb } from '../app.ts';
import type { ManagementMode, OrganisationKind, PartyLevel, Relation } from '../modules/registry/registry.tables.ts';
import { seedDemoClaims } from './seed-claims.ts';
import { seedDemoPosts } from './seed-posts.ts';
import { seedDemoRepairs } from './seed-repairs.ts';

/**
 * The demo street 安和街道: a deterministic, realistic registry (about 2,800 rooms, 7,000 people,
 * every kind of organisation, cross-appointed office holders) and one login per role, so that a
 * fresh install shows every page with believable data. Content comes from a seeded PRNG, so every
 * run produces the same names, numbers and structure; only the UUIDv7 ids differ.
 */

export interface DemoLogin {
  role: string;
  login: string;
  password: string;
  place: string;
}

export const DEMO_PASSWORD = 'Gongzhi@2026';

/**
 * A demo household member without an account, for trying activation: sign up in the H5 with any
 * phone (the code is in the workbench's 短信沙箱), then claim 阳光花园 2栋 1单元 301 as 吴安然 with
 * the last four characters of her ID number.
 */
export const DEMO_UNACTIVATED = {
  name: '吴安然',
  compound: '阳光花园',
  building: '2栋',
  unit: '1单元',
  room: '301',
  relation: 'family',
  idNumber: withIdChecksum('13010219920315052'),
  idLast4: withIdChecksum('13010219920315052').slice(-4),
} as const;
/** Ages, terms and purchase dates are computed against this year, not the clock, so content never drifts. */
const DEMO_YEAR = 2026;
const SEED = 20261122;
// Rows per INSERT: far below PostgreSQL's 65,535 bind parameters, large enough that ~20,000 rows take ~50 statements.
const BATCH = 500;

/** True before the first start: no place exists yet. */
export async function isRegistryEmpty(kernel: Kernel): Promise<boolean> {
  const row = await appDb(kernel).selectFrom('places').select('id').limit(1).executeTakeFirst();
  return !row;
}

// ——— deterministic randomness ———

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough for demo data; the same seed always gives the same stream. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

// ——— names, phones, ID numbers ———

// Common surnames with rough relative frequencies (per mille of the population), as `name:weight`.
const SURNAMES: [string, number][] = [
  '王:71 李:70 张:67 刘:54 陈:45 杨:31 黄:21 赵:19 吴:18 周:17 徐:13 孙:13 马:12 朱:11 胡:11 郭:10 何:9 高:9 林:9 罗:8 郑:8 ',
  '梁:7 谢:6 宋:6 唐:6 许:5 韩:5 冯:5 邓:5 曹:5 彭:4 曾:4 肖:4 田:4 董:4 袁:4 潘:3 于:3 蒋:3 蔡:3 余:3 杜:3 叶:3 程:3 苏:3 魏:3 ',
  '吕:3 丁:3 任:3 沈:3 姚:2 卢:2 姜:2 崔:2 钟:2 谭:2 陆:2 汪:2 范:2 金:2 石:2 廖:2 贾:2 夏:2 付:2 方:2 白:2 邹:2 孟:2 熊:2 秦:2 ',
  '邱:2 江:2 尹:2 薛:2 闫:2 段:2 雷:2 侯:2 龙:1 史:1 陶:1 黎:1 贺:1 顾:1 毛:1 郝:1 龚:1 邵:1 万:1 钱:1 严:1 武:1 戴:1 孔:1 欧阳:1',
]
  .join('')
  .split(' ')
  .map((pair): [string, number] => {
    const [name, weight] = pair.split(':');
    return [name!, Number(weight)];
  });
const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

// Given names follow the fashions of each generation.
const words = (text: string) => text.split(' ');
const GIVEN: Record<'old' | 'mid' | 'young' | 'kid', Record<'m' | 'f', string[]>> = {
  old: {
    m: words('建国 建华 国强 志明 德明 振华 永胜 国庆 福生 长海 宝山 树林 玉明 保国 建军 卫东 金生 广才 德顺 庆丰 志刚 光明 文华 春生'),
    f: words('秀英 桂英 玉兰 秀兰 凤英 淑珍 玉珍 桂兰 秀珍 淑英 秀芳 凤兰 玉梅 桂芝 素芬 淑华 丽华 美兰 秀云 桂香'),
  },
  mid: {
    m: words('伟 强 磊 军 勇 杰 涛 斌 刚 辉 明 鹏 华 峰 波 建平 海涛 志勇 晓东 立新 永强 文斌 卫国 建伟 国栋 红军 振宇'),
    f: words('芳 娜 敏 静 丽 艳 娟 霞 燕 红 玲 萍 丽娟 晓燕 红梅 海燕 春梅 雪梅 丽萍 晓红 桂芳 淑敏 海霞 慧'),
  },
  young: {
    m: words('浩 宇 鑫 博 超 帅 晨 阳 凯 俊杰 子豪 浩然 宇航 志远 天宇 思远 一鸣 家豪 明轩 子健 文博 明远 嘉伟'),
    f: words('婷 雪 倩 琳 颖 佳 悦 欣 瑶 佳怡 欣怡 思琪 雨欣 梦瑶 诗涵 婉清 晓雯 心怡 紫涵 雅琪 梦婷'),
  },
  kid: {
    m: words('子轩 梓睿 浩宇 宇轩 一诺 沐宸 奕辰 子墨 俊熙 睿泽 铭轩 宸逸 梓豪 锦程 嘉懿 思源'),
    f: words('梓涵 雨桐 欣妍 可馨 诗琪 梓萱 若汐 语桐 沐晴 芷若 依诺 思彤 雨萱 安琪 一涵'),
  },
};

const generationOf = (born: number) => (born < 1960 ? 'old' : born < 1985 ? 'mid' : born < 2005 ? 'young' : 'kid');

// The street's own district codes, and a few from elsewhere for tenants and newcomers.
const LOCAL_REGIONS = ['130102', '130104', '130105', '130108'];
const OTHER_REGIONS = ['410522', '370829', '340421', '130622', '131023', '420117', '510722', '230103'];
// 138 is left out on purpose: the two demo resident logins are 13800000001 and 13800000002, and no
// generated person may share their numbers.
const MOBILE_PREFIXES = words(
  '139 135 136 137 150 151 152 158 159 182 183 187 188 130 131 132 155 156 185 186 133 153 180 181 189 177 199',
);

type Tag = 'party_member' | 'low_income' | 'extreme_hardship' | 'elderly' | 'disabled' | 'volunteer';
type Gender = 'm' | 'f';

export interface DemoPerson {
  id: string;
  placeId: string;
  name: string;
  surname: string;
  gender: Gender;
  born: number;
  phone: string | null;
  idNumber: string;
  tags: Set<Tag>;
}

export interface DemoOrganisation {
  id: string;
  placeId: string;
  kind: OrganisationKind;
  name: string;
  parentId: string | null;
  partyLevel: PartyLevel | null;
  creditCode: string | null;
  contactPhone: string | null;
}

export interface DemoAccount {
  role: Role;
  username: string | null;
  phone: string | null;
  displayName: string;
  personId: string | null;
  grantPlaceIds: string[];
  placeLabel: string;
}

/** A registry row of the demo street before it is written: the street is added when it is (all rows are in the one street). */
type StreetRow<T extends keyof AppTables> = Omit<Insertable<AppTables[T]>, 'street_id'>;

/** Everything the demo street consists of, built in memory before one transaction writes it. */
export interface DemoPlan {
  places: PlaceRow[];
  compounds: StreetRow<'reg_compounds'>[];
  rooms: StreetRow<'reg_rooms'>[];
  persons: DemoPerson[];
  organisations: DemoOrganisation[];
  households: StreetRow<'reg_households'>[];
  positions: StreetRow<'reg_positions'>[];
  accounts: DemoAccount[];
  streetId: string;
}

// ——— the street's layout ———

interface CompoundSpec {
  name: string;
  community: number;
  grid: number;
  mode: ManagementMode;
  company: 'jinhua' | 'chengtou' | 'heshun' | null;
  developer: 'jinhuaDev' | 'chengjianDev' | null;
  address: string;
  built: number;
  buildings: number;
  units: number;
  floors: number;
  perFloor: number;
  /** Exclusive area of each flat position on a floor, in hundredths of m². */
  areas: number[];
  shops: number;
  parking: number;
  unsoldResidential: number;
  unsoldParking: number;
  rentRate: number;
  /** Birth years of the households' heads: a new estate is young, a factory dormitory old. */
  headBorn: [number, number];
  lowIncome: number;
  ownersCommittee: boolean;
}

const COMMUNITIES = [
  { name: '安和社区', grids: ['第一网格', '第二网格'], party: '中共安和社区委员会' },
  { name: '和顺社区', grids: ['第一网格', '第二网格'], party: '中共和顺社区总支部委员会' },
];

// Six compounds, one per management mode. 锦华物业 serves both 阳光花园 and 和园小区 (in the latter
// under an agreement led by the community party committee), so one manager holds two grants.
const COMPOUNDS: CompoundSpec[] = [
  {
    name: '阳光花园',
    community: 0,
    grid: 0,
    mode: 'professional',
    company: 'jinhua',
    developer: 'jinhuaDev',
    address: '和平区安和路88号',
    built: 2016,
    buildings: 8,
    units: 2,
    floors: 18,
    perFloor: 2,
    areas: [8936, 12478],
    shops: 24,
    parking: 150,
    unsoldResidential: 0.04,
    unsoldParking: 0.4,
    rentRate: 0.12,
    headBorn: [1968, 1994],
    lowIncome: 0.01,
    ownersCommittee: true,
  },
  {
    name: '和园小区',
    community: 0,
    grid: 0,
    mode: 'party_led_company',
    company: 'jinhua',
    developer: 'chengjianDev',
    address: '和平区安和路126号',
    built: 2009,
    buildings: 10,
    units: 3,
    floors: 11,
    perFloor: 2,
    areas: [7812, 9645],
    shops: 0,
    parking: 100,
    unsoldResidential: 0.01,
    unsoldParking: 0.25,
    rentRate: 0.15,
    headBorn: [1958, 1988],
    lowIncome: 0.02,
    ownersCommittee: true,
  },
  {
    name: '纺织厂宿舍',
    community: 0,
    grid: 1,
    mode: 'state_fallback',
    company: 'chengtou',
    developer: null,
    address: '和平区纺织路15号',
    built: 1988,
    buildings: 12,
    units: 3,
    floors: 6,
    perFloor: 2,
    areas: [5420, 6380],
    shops: 0,
    parking: 0,
    unsoldResidential: 0,
    unsoldParking: 0,
    rentRate: 0.18,
    headBorn: [1938, 1965],
    lowIncome: 0.07,
    ownersCommittee: false,
  },
  {
    name: '翠湖苑',
    community: 1,
    grid: 0,
    mode: 'collective',
    company: 'heshun',
    developer: null,
    address: '和平区和顺大街9号',
    built: 2013,
    buildings: 8,
    units: 2,
    floors: 12,
    perFloor: 3,
    areas: [6850, 9012, 11230],
    shops: 30,
    parking: 80,
    unsoldResidential: 0,
    unsoldParking: 0,
    rentRate: 0.2,
    headBorn: [1950, 1985],
    lowIncome: 0.03,
    ownersCommittee: true,
  },
  {
    name: '景明家园',
    community: 1,
    grid: 0,
    mode: 'self_managed',
    company: null,
    developer: null,
    address: '和平区景明路22号',
    built: 2004,
    buildings: 6,
    units: 2,
    floors: 6,
    perFloor: 2,
    areas: [8120, 9560],
    shops: 0,
    parking: 20,
    unsoldResidential: 0,
    unsoldParking: 0,
    rentRate: 0.1,
    headBorn: [1955, 1980],
    lowIncome: 0.02,
    ownersCommittee: true,
  },
  {
    name: '东街3号院',
    community: 1,
    grid: 1,
    mode: 'none',
    company: null,
    developer: null,
    address: '和平区东街3号',
    built: 1995,
    buildings: 4,
    units: 1,
    floors: 5,
    perFloor: 2,
    areas: [5830, 6420],
    shops: 6,
    parking: 0,
    unsoldResidential: 0,
    unsoldParking: 0,
    rentRate: 0.25,
    headBorn: [1940, 1970],
    lowIncome: 0.06,
    ownersCommittee: false,
  },
];

const TERM = { start: '2024-06-01', end: '2029-05-31' };
const PREVIOUS_TERM = { start: '2019-06-01', end: '2024-05-31' };

// ——— the plan ———

/** Builds the whole demo street in memory. Pure apart from the UUIDs: same seed, same content. */
export function planDemoStreet(seed = SEED): DemoPlan {
  const rng = makeRng(seed);
  const plan: DemoPlan = {
    places: [],
    compounds: [],
    rooms: [],
    persons: [],
    organisations: [],
    households: [],
    positions: [],
    accounts: [],
    streetId: '',
  };
  const usedIdNumbers = new Set<string>();

  // The seed builds the rows up front (placeRow, the same builder insertPlace uses) to write them in batches.
  const place = (parent: PlaceRow | null, kind: PlaceKind, name: string): PlaceRow => {
    const row = placeRow({ parent, kind, name });
    plan.places.push(row);
    return row;
  };

  const surname = () => {
    let r = rng.next() * SURNAME_TOTAL;
    for (const [s, w] of SURNAMES) {
      r -= w;
      if (r < 0) return s;
    }
    return '王';
  };
  const phone = () => `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const idNumber = (born: number, gender: Gender, local: boolean) => {
    for (;;) {
      const region = rng.pick(local ? LOCAL_REGIONS : OTHER_REGIONS);
      const date = `${born}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      // The 17th digit is odd for men and even for women (GB 11643).
      const seq = `${String(rng.int(0, 99)).padStart(2, '0')}${rng.int(0, 4) * 2 + (gender === 'm' ? 1 : 0)}`;
      const id = withIdChecksum(`${region}${date}${seq}`);
      if (!usedIdNumbers.has(id)) {
        usedIdNumbers.add(id);
        return id;
      }
    }
  };

  const person = (
    placeId: string,
    opts: { born: number; gender?: Gender; surname?: string; local?: boolean; phone?: string | null; lowIncome?: number; given?: string },
  ): DemoPerson => {
    const gender = opts.gender ?? (rng.chance(0.5) ? 'm' : 'f');
    const sn = opts.surname ?? surname();
    const given = opts.given ?? rng.pick(GIVEN[generationOf(opts.born)][gender]);
    const age = DEMO_YEAR - opts.born;
    const tags = new Set<Tag>();
    if (age >= 60) tags.add('elderly');
    if (age >= 18 && rng.chance(age >= 45 ? 0.1 : 0.06)) tags.add('party_member');
    if (rng.chance(opts.lowIncome ?? 0.02)) tags.add('low_income');
    if (age >= 60 && rng.chance(0.012)) tags.add('extreme_hardship');
    if (rng.chance(age >= 60 ? 0.04 : 0.01)) tags.add('disabled');
    if (age >= 18 && age <= 72 && rng.chance(tags.has('party_member') ? 0.3 : 0.05)) tags.add('volunteer');
    // Children and some of the very old have no mobile of their own.
    const hasPhone = age >= 16 && !(age >= 80 && rng.chance(0.4));
    const p: DemoPerson = {
      id: newId(),
      placeId,
      name: `${sn}${given}`,
      surname: sn,
      gender,
      born: opts.born,
      phone: opts.phone !== undefined ? opts.phone : hasPhone ? phone() : null,
      idNumber: idNumber(opts.born, gender, opts.local ?? rng.chance(0.85)),
      tags,
    };
    plan.persons.push(p);
    return p;
  };

  const org = (
    placeId: string,
    kind: OrganisationKind,
    name: string,
    extra: Partial<Pick<DemoOrganisation, 'parentId' | 'partyLevel' | 'creditCode' | 'contactPhone'>> = {},
  ) => {
    const o: DemoOrganisation = {
      id: newId(),
      placeId,
      kind,
      name,
      parentId: extra.parentId ?? null,
      partyLevel: extra.partyLevel ?? null,
      creditCode: extra.creditCode ?? null,
      contactPhone: extra.contactPhone ?? null,
    };
    plan.organisations.push(o);
    return o;
  };
  const party = (placeId: string, name: string, level: PartyLevel, parent: DemoOrganisation | null) =>
    org(placeId, 'party_org', name, { partyLevel: level, parentId: parent?.id ?? null });

  const position = (
    p: DemoPerson,
    o: DemoOrganisation,
    title: string,
    opts: { placeId?: string; term?: { start: string; end: string } | null } = {},
  ) => {
    // Everyone holding a party office is a party member; the registry should say so.
    if (o.kind === 'party_org') p.tags.add('party_member');
    const term = opts.term === undefined ? TERM : opts.term;
    plan.positions.push({
      id: newId(),
      person_id: p.id,
      organisation_id: o.id,
      title,
      place_id: opts.placeId ?? null,
      term_start: term?.start ?? null,
      term_end: term?.end ?? null,
    });
  };

  const household = (
    roomId: string,
    holder: DemoPerson | DemoOrganisation,
    relation: Relation,
    shareBp: number | null,
    start: string | null,
    end: string | null = null,
  ) => {
    const isOrg = 'kind' in holder;
    plan.households.push({
      id: newId(),
      room_id: roomId,
      person_id: isOrg ? null : holder.id,
      organisation_id: isOrg ? holder.id : null,
      relation,
      share_bp: shareBp,
      start_date: start,
      end_date: end,
    });
  };
  const date = (year: number) => `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

  // ——— places and street-level organisations ———
  const city = place(null, 'city', '示范市');
  const district = place(city, 'district', '和平区');
  const street = place(district, 'street', '安和街道');
  plan.streetId = street.id;
  const communities = COMMUNITIES.map((c) => {
    const community = place(street, 'community', c.name);
    return { spec: c, place: community, grids: c.grids.map((g) => place(community, 'grid', g)) };
  });

  const streetParty = party(street.id, '中共安和街道工作委员会', 'street_committee', null);
  const streetOffice = org(street.id, 'department', '安和街道办事处');
  const streetPropertyCommittee = org(street.id, 'property_committee', '安和街道物业管理委员会');
  const police = org(street.id, 'department', '和平区公安分局安和派出所');
  const housing = org(street.id, 'department', '和平区住房和城乡建设局安和房管所');
  const market = org(street.id, 'department', '和平区市场监督管理局安和市场监管所');
  const court = org(street.id, 'department', '和平区人民法院安和人民法庭');
  const justice = org(street.id, 'department', '安和街道司法所');
  const assessor = org(street.id, 'assessor', '和平区诚信社会评估中心', { creditCode: creditCode(rng, '52') });
  const volunteers = org(street.id, 'social_org', '安和街道志愿者协会', { creditCode: creditCode(rng, '51') });
  const socialWork = org(street.id, 'social_org', '安和街道社会工作服务站', { creditCode: creditCode(rng, '52') });
  const companies = {
    jinhua: org(street.id, 'property_company', '锦华物业服务有限公司', { creditCode: creditCode(rng, '91'), contactPhone: '031186018888' }),
    chengtou: org(street.id, 'property_company', '和平城投物业管理有限公司', {
      creditCode: creditCode(rng, '91'),
      contactPhone: '031187665500',
    }),
    heshun: org(street.id, 'property_company', '和顺社区股份经济合作社物业服务中心', {
      creditCode: creditCode(rng, '93'),
      contactPhone: '15931106677',
    }),
  };
  const developers = {
    jinhuaDev: org(street.id, 'developer', '锦华置业有限公司', { creditCode: creditCode(rng, '91') }),
    chengjianDev: org(street.id, 'developer', '和平城建开发有限公司', { creditCode: creditCode(rng, '91') }),
  };

  // Street staff: registered at the street, not residents of the demo compounds.
  const staff = (placeId: string, born: [number, number], gender?: Gender) =>
    person(placeId, { born: rng.int(born[0], born[1]), gender, local: true, lowIncome: 0 });
  const streetSecretary = staff(street.id, [1968, 1975]);
  const streetOfficial = staff(street.id, [1975, 1985]);
  const wuweihui = staff(street.id, [1978, 1990]);
  const admin = staff(street.id, [1988, 1996]);
  position(streetSecretary, streetParty, '书记');
  position(streetOfficial, streetParty, '副书记');
  position(streetOfficial, streetOffice, '主任');
  position(streetOfficial, streetPropertyCommittee, '主任');
  position(wuweihui, streetParty, '委员');
  position(wuweihui, streetOffice, '物业管理办公室主任');
  position(wuweihui, streetPropertyCommittee, '副主任');
  position(admin, streetOffice, '信息化管理员', { term: null });

  const policeChief = staff(street.id, [1970, 1982], 'm');
  const communityOfficer = staff(street.id, [1985, 1995]);
  const housingReviewer = staff(street.id, [1980, 1992]);
  const marketChief = staff(street.id, [1972, 1985]);
  const judge = staff(street.id, [1970, 1985]);
  const justiceChief = staff(street.id, [1975, 1988]);
  position(policeChief, police, '所长', { term: null });
  position(communityOfficer, police, '社区民警', { term: null });
  position(housingReviewer, housing, '房管所审核员', { term: null });
  position(marketChief, market, '所长', { term: null });
  position(judge, court, '庭长', { term: null });
  position(justiceChief, justice, '所长', { term: null });
  // The street property committee brings the departments to one table (物委会 联席会议).
  for (const p of [policeChief, housingReviewer, marketChief]) position(p, streetPropertyCommittee, '委员');

  const assessorLead = staff(street.id, [1975, 1985]);
  const pinggu = staff(street.id, [1988, 1996]);
  position(assessorLead, assessor, '项目负责人', { term: null });
  position(pinggu, assessor, '评估员', { term: null });
  const volunteerHead = staff(street.id, [1955, 1965]);
  position(volunteerHead, volunteers, '会长');
  position(staff(street.id, [1985, 1995]), socialWork, '站长', { term: null });

  const companyStaff = (c: DemoOrganisation, born: [number, number]) => staff(c.placeId, born);
  const jinhuaGm = companyStaff(companies.jinhua, [1970, 1980]);
  const wuye = companyStaff(companies.jinhua, [1980, 1990]);
  const wuyestaff = companyStaff(companies.jinhua, [1990, 1998]);
  position(jinhuaGm, companies.jinhua, '总经理', { term: null });
  const chengtouManager = companyStaff(companies.chengtou, [1972, 1985]);
  const heshunDirector = companyStaff(companies.heshun, [1965, 1978]);

  // ——— communities: party branch, residents' committee, property committee ———
  const communityOrgs = communities.map((c, i) => {
    const partyOrg = party(c.place.id, c.spec.party, 'community_branch', streetParty);
    const committee = org(c.place.id, 'residents_committee', `${c.spec.name}居民委员会`);
    const propertyCommittee = org(c.place.id, 'property_committee', `${c.spec.name}物业管理委员会`);
    const secretary = staff(c.place.id, [1970, 1982]);
    const deputy = staff(c.place.id, [1980, 1990]);
    const member = staff(c.place.id, [1988, 1996]);
    // 一肩挑: the party secretary also heads the residents' committee and the community property committee.
    position(secretary, partyOrg, '书记');
    position(secretary, committee, '主任');
    position(secretary, propertyCommittee, '主任');
    position(deputy, partyOrg, '副书记');
    position(deputy, committee, '副主任');
    position(member, partyOrg, '委员');
    position(member, committee, '委员');
    position(secretary, streetPropertyCommittee, '委员');
    const gridWorkers = c.grids.map((g) => {
      const w = staff(c.place.id, [1985, 1998]);
      position(w, committee, '网格员', { placeId: g.id });
      return w;
    });
    position(staff(c.place.id, [1960, 1968]), org(c.place.id, 'social_org', i === 0 ? '安和社区老年人协会' : '和顺社区邻里互助会'), '会长');
    return { partyOrg, committee, propertyCommittee, secretary, deputy, member, gridWorkers };
  });
  const [c1Orgs, c2Orgs] = communityOrgs as [(typeof communityOrgs)[0], (typeof communityOrgs)[0]];
  // 双向进入、交叉任职: the community police officer is a part-time deputy of the residents' committee,
  // the property manager sits on the community party committee and property committee.
  position(communityOfficer, c1Orgs.committee, '兼职副主任');
  position(wuye, c1Orgs.partyOrg, '兼职委员');
  position(wuye, c1Orgs.propertyCommittee, '委员');
  position(chengtouManager, c1Orgs.propertyCommittee, '委员');
  // The collective's service centre has no party branch of its own: the community assigns an instructor.
  position(c2Orgs.deputy, companies.heshun, '党建指导员');
  position(heshunDirector, c2Orgs.propertyCommittee, '委员');

  const jinhuaBranch = party(communities[0]!.place.id, '锦华物业服务有限公司党支部', 'compound_branch', c1Orgs.partyOrg);
  position(jinhuaGm, jinhuaBranch, '书记');
  position(wuye, jinhuaBranch, '委员');
  const chengtouBranch = party(communities[0]!.place.id, '和平城投物业管理有限公司党支部', 'compound_branch', c1Orgs.partyOrg);
  position(chengtouManager, chengtouBranch, '书记');

  // ——— compounds, rooms, owners, occupants ———
  interface Occupant {
    person: DemoPerson;
    buildingId: string;
  }
  const compoundInfo: {
    spec: CompoundSpec;
    place: PlaceRow;
    buildings: PlaceRow[];
    ownerOccupants: Occupant[];
  }[] = [];
  const resident1Rooms: PlaceRow[] = [];

  for (const spec of COMPOUNDS) {
    const community = communities[spec.community]!;
    const compound = place(community.grids[spec.grid]!, 'compound', spec.name);
    plan.compounds.push({
      place_id: compound.id,
      management_mode: spec.mode,
      property_company_id: spec.company ? companies[spec.company].id : null,
      address: spec.address,
    });
    const developer = spec.developer ? developers[spec.developer] : null;
    const info = { spec, place: compound, buildings: [] as PlaceRow[], ownerOccupants: [] as Occupant[] };
    compoundInfo.push(info);
    const room = (
      unit: PlaceRow,
      name: string,
      floor: number,
      area: number,
      use: 'residential' | 'commercial' | 'parking',
      unsold = false,
    ) => {
      const r = place(unit, 'room', name);
      const roll = rng.next();
      plan.rooms.push({
        place_id: r.id,
        floor,
        area_centi: area,
        use,
        // Most areas come from the property register; unsold rooms have only the surveyed figure.
        area_source: unsold ? 'surveyed' : roll < 0.86 ? 'register' : roll < 0.95 ? 'surveyed' : 'contract',
      });
      return r;
    };
    const ownerStart = () => date(rng.int(spec.built, Math.min(DEMO_YEAR - 1, spec.built + 8)));
    const head = (local = true) =>
      person(compound.id, { born: rng.int(spec.headBorn[0], spec.headBorn[1]), local, lowIncome: spec.lowIncome });

    /** The people living in a flat around its head: spouse, children, sometimes a parent. */
    const family = (roomId: string, h: DemoPerson, coOwnerSpouse: DemoPerson | null, start: string) => {
      let spouse = coOwnerSpouse;
      if (!spouse && rng.chance(DEMO_YEAR - h.born > 28 ? 0.85 : 0.4)) {
        spouse = partner(h);
        household(roomId, spouse, 'family', null, start);
      }
      const father = h.gender === 'm' ? h : spouse?.gender === 'm' ? spouse : h;
      const kids = h.born >= 1962 ? rng.int(0, 2) : rng.chance(0.25) ? 1 : 0;
      for (let k = 0; k < kids; k++) {
        const born = Math.min(DEMO_YEAR - 1, h.born + rng.int(24, 36));
        household(roomId, person(compound.id, { born, surname: father.surname }), 'family', null, null);
      }
      if (h.born >= 1965 && rng.chance(0.12)) {
        household(
          roomId,
          person(compound.id, { born: h.born - rng.int(24, 32), surname: rng.chance(0.6) ? father.surname : undefined }),
          'family',
          null,
          null,
        );
      }
    };
    // 低保 is granted per household, so a spouse shares the head's low-income status.
    const partner = (h: DemoPerson) =>
      person(compound.id, {
        born: Math.min(DEMO_YEAR - 20, h.born + rng.int(-4, 4)),
        gender: h.gender === 'm' ? 'f' : 'm',
        lowIncome: h.tags.has('low_income') ? 1 : 0,
      });

    const rentOut = (roomId: string) => {
      const t = person(compound.id, { born: rng.int(1978, 2002), local: rng.chance(0.4) });
      const start = date(rng.int(2022, DEMO_YEAR - 1));
      household(roomId, t, 'tenant', null, start);
      if (rng.chance(0.35))
        household(
          roomId,
          person(compound.id, { born: t.born + rng.int(-3, 3), gender: t.gender === 'm' ? 'f' : 'm', local: false }),
          'family',
          null,
          start,
        );
    };

    // Residential buildings.
    for (let b = 1; b <= spec.buildings; b++) {
      const building = place(compound, 'building', `${b}栋`);
      info.buildings.push(building);
      const offsets = spec.areas.map(() => rng.int(0, 160));
      for (let u = 1; u <= spec.units; u++) {
        const unit = place(building, 'unit', `${u}单元`);
        for (let f = 1; f <= spec.floors; f++) {
          for (let n = 1; n <= spec.perFloor; n++) {
            const name = `${f}${String(n).padStart(2, '0')}`;
            // Reserved for the two demo residents (see below).
            const reservedRoom = spec === COMPOUNDS[0] && u === 1 && ((b === 1 && name === '1201') || (b === 3 && name === '502'));
            const unsold = !reservedRoom && !!developer && f > 3 && rng.chance(spec.unsoldResidential);
            // Flat layouts repeat up the building: same position, same area.
            const r = room(unit, name, f, spec.areas[n - 1]! + offsets[n - 1]!, 'residential', unsold);
            if (reservedRoom) {
              resident1Rooms.push(r);
              continue;
            }
            if (unsold) {
              household(r.id, developer!, 'owner', 10000, `${spec.built}-06-30`);
              continue;
            }
            // A few flats changed hands: the previous owner's record is kept, ended.
            let start = ownerStart();
            if (spec.built < 2012 && rng.chance(0.03)) {
              const sold = `${rng.int(spec.built + 6, DEMO_YEAR - 1)}-${String(rng.int(1, 12)).padStart(2, '0')}-15`;
              household(r.id, head(), 'owner', 10000, `${spec.built}-09-01`, sold);
              start = sold;
            }
            // Second homes: an owner who already lives here buys another flat and lets it.
            if (info.ownerOccupants.length > 20 && rng.chance(0.05)) {
              household(r.id, rng.pick(info.ownerOccupants).person, 'owner', 10000, start);
              if (rng.chance(0.7)) rentOut(r.id);
              continue;
            }
            const h = head();
            const roll = rng.next();
            // Co-owners hold shares in basis points that always sum to 10,000.
            const shares = roll < 0.1 ? [5000, 5000] : roll < 0.13 ? [6000, 4000] : roll < 0.15 ? [4000, 3000, 3000] : [10000];
            household(r.id, h, 'owner', shares[0]!, start);
            const coOwnerSpouse = shares.length > 1 ? partner(h) : null;
            if (coOwnerSpouse) household(r.id, coOwnerSpouse, 'co_owner', shares[1]!, start);
            if (shares.length > 2) {
              const child = person(compound.id, {
                born: Math.min(DEMO_YEAR - 18, h.born + rng.int(24, 30)),
                surname: h.gender === 'm' ? h.surname : coOwnerSpouse!.surname,
              });
              household(r.id, child, 'co_owner', shares[2]!, start);
            }
            if (rng.chance(spec.rentRate)) {
              rentOut(r.id);
              continue;
            }
            if (rng.chance(0.04)) continue; // empty: the owners live elsewhere
            info.ownerOccupants.push({ person: h, buildingId: building.id });
            family(r.id, h, coOwnerSpouse, start);
          }
        }
      }
    }

    // Shops along the street front: owned by merchants, most of them let.
    if (spec.shops > 0) {
      const unit = place(place(compound, 'building', '商业楼'), 'unit', '1区');
      for (let s = 1; s <= spec.shops; s++) {
        const floor = s <= Math.ceil(spec.shops * 0.75) ? 1 : 2;
        const unsold = !!developer && s % 12 === 0;
        const r = room(
          unit,
          `S${floor}${String(s).padStart(2, '0')}`,
          floor,
          rng.int(30, 160) * 100 + rng.int(0, 99),
          'commercial',
          unsold,
        );
        if (unsold) {
          household(r.id, developer!, 'owner', 10000, `${spec.built}-06-30`);
          continue;
        }
        household(r.id, head(rng.chance(0.7)), 'owner', 10000, ownerStart());
        if (rng.chance(0.6))
          household(
            r.id,
            person(compound.id, { born: rng.int(1970, 1998), local: rng.chance(0.4) }),
            'tenant',
            null,
            date(rng.int(2021, DEMO_YEAR - 1)),
          );
      }
    }

    // Underground parking: spaces with their own title are exclusive parts; residents buy them.
    if (spec.parking > 0) {
      const unit = place(place(compound, 'building', '地下车库'), 'unit', '负一层');
      for (let s = 1; s <= spec.parking; s++) {
        const unsold = !!developer && rng.chance(spec.unsoldParking);
        const r = room(unit, `B1-${String(s).padStart(3, '0')}`, -1, rng.int(1250, 1480), 'parking', unsold);
        if (unsold) {
          household(r.id, developer!, 'owner', 10000, `${spec.built}-06-30`);
          continue;
        }
        household(r.id, rng.pick(info.ownerOccupants).person, 'owner', 10000, ownerStart());
      }
    }
  }

  // The two demo residents. 张明远 (13800000001) lives in 1栋1单元1201 with his family and lets
  // 3栋1单元502 to 林晓雯 (13800000002). He holds no office, so his login shows a pure resident.
  const c1Info = compoundInfo[0]!;
  const [home, letFlat] = resident1Rooms as [PlaceRow, PlaceRow];
  const resident = (given: string, surname: string, born: number, gender: Gender, phoneNumber: string | null, local: boolean) => {
    const p = person(c1Info.place.id, { born, gender, surname, given, phone: phoneNumber, local, lowIncome: 0 });
    p.tags.clear();
    return p;
  };
  const resident1 = resident('明远', '张', 1986, 'm', '13800000001', true);
  household(home.id, resident1, 'owner', 10000, '2017-05-20');
  household(letFlat.id, resident1, 'owner', 10000, '2019-11-08');
  household(home.id, resident('思琪', '刘', 1988, 'f', phone(), true), 'family', null, '2017-05-20');
  household(home.id, resident('子墨', '张', 2015, 'm', null, true), 'family', null, '2017-05-20');
  const resident2 = resident('晓雯', '林', 1996, 'f', '13800000002', false);
  household(letFlat.id, resident2, 'tenant', null, '2025-03-01');
  const reserved = new Set<string>([resident1.id, resident2.id]);

  // A household member with no account yet, for trying activation (the e2e journey claims her):
  // 吴安然, family member in 阳光花园 2栋1单元301, ID number ending in DEMO_UNACTIVATED.idLast4.
  // Built without the PRNG, so the rest of the street is unchanged.
  {
    const childOf = (parent: PlaceRow, name: string) => plan.places.find((p) => p.parent_id === parent.id && p.name === name)!;
    const flat = childOf(childOf(childOf(c1Info.place, '2栋'), '1单元'), '301');
    if (usedIdNumbers.has(DEMO_UNACTIVATED.idNumber)) throw new Error('demo seed: the unactivated resident’s ID number is taken');
    const wu: DemoPerson = {
      id: newId(),
      placeId: c1Info.place.id,
      name: DEMO_UNACTIVATED.name,
      surname: '吴',
      gender: 'f',
      born: 1992,
      phone: null,
      idNumber: DEMO_UNACTIVATED.idNumber,
      tags: new Set(),
    };
    plan.persons.push(wu);
    household(flat.id, wu, 'family', null, '2020-09-01');
  }

  /**
   * A resident for an office: an owner who lives in the first pool that has anyone free (a building,
   * then its compound), preferring people `prefer` likes. Nobody is picked twice by this helper;
   * deliberate cross-appointments reuse a person explicitly.
   */
  const used = new Set<string>();
  const pickResident = (pools: Occupant[][], prefer: (p: DemoPerson) => boolean = () => true): DemoPerson => {
    for (const pool of pools) {
      const free = pool.filter((o) => !reserved.has(o.person.id) && !used.has(o.person.id) && DEMO_YEAR - o.person.born <= 75);
      if (free.length === 0) continue;
      const liked = free.filter((o) => prefer(o.person));
      const chosen = rng.pick(liked.length ? liked : free).person;
      used.add(chosen.id);
      return chosen;
    }
    throw new Error('demo seed: no resident left for an office');
  };

  // ——— compound organisations and offices ———
  let loumen: DemoPerson | null = null;
  let yeweihui: DemoPerson | null = null;
  for (const [ci, info] of compoundInfo.entries()) {
    const { spec, place: compound } = info;
    const commOrgs = communityOrgs[spec.community]!;
    const partyMember = (p: DemoPerson) => p.tags.has('party_member');
    const senior = (p: DemoPerson) => DEMO_YEAR - p.born >= 50;
    const inBuilding = (b: PlaceRow) => info.ownerOccupants.filter((o) => o.buildingId === b.id);

    // A compound party branch, except where the grid branch covers a small compound.
    let branch: DemoOrganisation;
    if (spec.mode === 'none') {
      const grid = communities[spec.community]!.grids[spec.grid]!;
      branch = party(grid.id, `${communities[spec.community]!.spec.name}${grid.name}党支部`, 'compound_branch', commOrgs.partyOrg);
    } else {
      branch = party(compound.id, `${spec.name}${/小区|宿舍$/.test(spec.name) ? '' : '小区'}党支部`, 'compound_branch', commOrgs.partyOrg);
    }
    const branchSecretary = pickResident([info.ownerOccupants], (p) => partyMember(p) && senior(p));
    position(branchSecretary, branch, '书记');
    position(pickResident([info.ownerOccupants], partyMember), branch, '组织委员');
    position(pickResident([info.ownerOccupants], partyMember), branch, '宣传委员');

    // Building party groups for the first few buildings, under the compound branch.
    const groups = ci === 0 ? 3 : ci === 1 || ci === 3 ? 2 : ci === 2 ? 1 : 0;
    const groupLeaders = new Map<string, DemoPerson>();
    for (const building of info.buildings.slice(0, groups)) {
      const g = party(building.id, `${spec.name}${building.name}党小组`, 'building_group', branch);
      const leader = pickResident([inBuilding(building), info.ownerOccupants], partyMember);
      position(leader, g, '组长');
      groupLeaders.set(building.id, leader);
    }

    // 楼门长 for every residential building. In the first buildings the party group leader is
    // also the building leader: a common cross-appointment.
    for (const building of info.buildings) {
      const leader =
        groupLeaders.get(building.id) ??
        pickResident([inBuilding(building), info.ownerOccupants], (p) => senior(p) || p.tags.has('volunteer'));
      leader.tags.add('volunteer');
      position(leader, commOrgs.committee, '楼门长', { placeId: building.id });
      if (ci === 0 && building === info.buildings[0]) loumen = leader;
    }

    if (spec.ownersCommittee) {
      org(compound.id, 'owners_assembly', `${spec.name}业主大会`);
      const committee = org(compound.id, 'owners_committee', `${spec.name}业主委员会`);
      // 交叉任职: the branch secretary chairs the owners' committee (党支部书记兼任业委会主任).
      position(branchSecretary, committee, '主任');
      position(pickResident([info.ownerOccupants], partyMember), committee, '副主任');
      for (let m = 0; m < 3; m++) {
        const member = pickResident([info.ownerOccupants]);
        position(member, committee, '委员');
        if (ci === 0 && m === 0) yeweihui = member;
      }
      // The first committee's term has ended; its chair's record stays as history.
      if (spec.built < 2019) position(pickResident([info.ownerOccupants], senior), committee, '主任', { term: PREVIOUS_TERM });
      position(branchSecretary, commOrgs.propertyCommittee, '委员');
    }

    if (spec.company) {
      const c = companies[spec.company];
      if (spec.company === 'jinhua') {
        // One project manager runs both compounds of 锦华物业: one position per site.
        position(wuye, c, '项目经理', { placeId: compound.id, term: { start: `${DEMO_YEAR - 2}-01-01`, end: `${DEMO_YEAR + 1}-12-31` } });
        if (ci === 0) position(wuyestaff, c, '客服主管', { placeId: compound.id, term: null });
      } else if (spec.company === 'chengtou') {
        position(chengtouManager, c, '项目经理', { placeId: compound.id, term: null });
      } else {
        position(heshunDirector, c, '主任', { placeId: compound.id, term: null });
      }
    }
  }

  // ——— logins ———
  const c1Place = c1Info.place;
  const c2Place = compoundInfo[1]!.place;
  const community1 = communities[0]!;
  const building1 = c1Info.buildings[0]!;
  const staffAccount = (role: StaffRole, username: string, p: DemoPerson, grantPlaces: PlaceRow[], placeLabel: string) =>
    plan.accounts.push({
      role,
      username,
      phone: null,
      displayName: p.name,
      personId: null,
      grantPlaceIds: grantPlaces.map((g) => g.id),
      placeLabel,
    });
  staffAccount('platform_admin', 'admin', admin, [street], street.name);
  staffAccount('street_official', 'street', streetOfficial, [street], street.name);
  staffAccount('property_committee_member', 'wuweihui', wuweihui, [street], street.name);
  staffAccount('community_secretary', 'shuji', c1Orgs.secretary, [community1.place], community1.place.name);
  staffAccount('committee_staff', 'juweihui', c1Orgs.member, [community1.place], community1.place.name);
  staffAccount(
    'grid_worker',
    'wangge',
    c1Orgs.gridWorkers[0]!,
    [community1.grids[0]!],
    `${community1.place.name} / ${community1.grids[0]!.name}`,
  );
  staffAccount('building_leader', 'loumen', loumen!, [building1], `${c1Place.name} / ${building1.name}`);
  staffAccount('owners_committee_member', 'yeweihui', yeweihui!, [c1Place], c1Place.name);
  staffAccount('property_manager', 'wuye', wuye, [c1Place, c2Place], `${c1Place.name}、${c2Place.name}`);
  staffAccount('property_staff', 'wuyestaff', wuyestaff, [c1Place], c1Place.name);
  staffAccount('department_reviewer', 'bumen', housingReviewer, [street], street.name);
  staffAccount('assessor', 'pinggu', pinggu, [street], street.name);
  plan.accounts.push({
    role: 'resident',
    username: null,
    phone: resident1.phone,
    displayName: resident1.name,
    personId: resident1.id,
    grantPlaceIds: [],
    placeLabel: `${c1Place.name} 1栋1单元1201、3栋1单元502（业主）`,
  });
  plan.accounts.push({
    role: 'resident',
    username: null,
    phone: resident2.phone,
    displayName: resident2.name,
    personId: resident2.id,
    grantPlaceIds: [],
    placeLabel: `${c1Place.name} 3栋1单元502（租户）`,
  });
  return plan;
}

/** A unified social credit code (统一社会信用代码, GB 32100) with a valid check character. */
function creditCode(rng: Rng, prefix: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = `${prefix}${rng.pick(LOCAL_REGIONS)}`;
  while (body.length < 17) body += chars[rng.int(0, 30)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(body[i]!) * weights[i]!;
  return body + chars[(31 - (sum % 31)) % 31];
}

// ——— writing ———

async function insertAll<T extends keyof AppTables & string>(tx: Transaction<AppTables>, table: T, rows: readonly Insertable<AppTables[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot resolve a table-generic values() type; the rows are typed by the signature above.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/**
 * Seeds the demo street into an empty database in one transaction (a half-seeded registry is worse
 * than none) and records one audit entry for it. Returns the demo logins.
 */
export async function seedDemo(kernel: Kernel): Promise<DemoLogin[]> {
  const plan = planDemoStreet();
  const { pii } = kernel;
  // One argon2 hash shared by every demo account: hashing fourteen times would cost more than the rest of the seed.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const persons: StreetRow<'reg_persons'>[] = plan.persons.map((p) => ({
    id: p.id,
    place_id: p.placeId,
    name: p.name,
    tags: [...p.tags].sort(),
    ...personPiiColumns(pii, { phone: p.phone, idNumber: p.idNumber }),
  }));
  const organisations: StreetRow<'reg_organisations'>[] = plan.organisations.map((o) => ({
    id: o.id,
    place_id: o.placeId,
    kind: o.kind,
    name: o.name,
    parent_id: o.parentId,
    party_level: o.partyLevel,
    credit_code: o.creditCode,
    ...contactColumns(pii, o.contactPhone),
  }));

  await appDb(kernel).transaction().execute(async (tx) => {
    // Order follows the foreign keys; within a list, parents come before children.
    // The region above the street goes to its table, the street and its places to theirs; every
    // registry row of the demo is in its one street (docs/adr/0003-street-keys.md).
    const stored = plan.places.map(storedPlace);
    await insertAll(tx, 'regions', stored.flatMap((s) => (s.table === 'regions' ? [s.row] : [])));
    await insertAll(tx, 'street_places', stored.flatMap((s) => (s.table === 'street_places' ? [s.row] : [])));
    const inStreet = <T extends object>(rows: T[]) => rows.map((r) => ({ street_id: plan.streetId, ...r }) as T & { street_id: string });
    await insertAll(tx, 'reg_organisations', inStreet(organisations));
    await insertAll(tx, 'reg_compounds', inStreet(plan.compounds));
    await insertAll(tx, 'reg_rooms', inStreet(plan.rooms));
    await insertAll(tx, 'reg_persons', inStreet(persons));
    await insertAll(tx, 'reg_households', inStreet(plan.households));
    await insertAll(tx, 'reg_positions', inStreet(plan.positions));
    for (const a of plan.accounts) {
      const id = await createAccount(tx, pii, {
        username: a.username ?? undefined,
        phone: a.phone ?? undefined,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        passwordHash,
        personId: a.personId,
      });
      if (a.role !== 'resident') for (const placeId of a.grantPlaceIds) await grantRole(tx, id, a.role, placeId);
    }
    await recordAudit(
      tx,
      { accountId: SYSTEM_ACTOR.accountId, name: SYSTEM_ACTOR.name },
      {
        action: 'demo.seeded',
        placeId: plan.streetId,
        subjectType: 'place',
        subjectId: plan.streetId,
        detail: {
          seed: SEED,
          places: plan.places.length,
          rooms: plan.rooms.length,
          persons: plan.persons.length,
          households: plan.households.length,
          organisations: plan.organisations.length,
          positions: plan.positions.length,
          accounts: plan.accounts.length,
        },
      },
      kernel.clock.now(),
    );
  });

  // Fresh statistics for the planner now, rather than when autovacuum next comes by: with the
  // empty-table estimates it picks plans that make the first lists several times slower.
  await sql`analyze places, reg_organisations, reg_compounds, reg_rooms, reg_persons, reg_households, reg_positions`.execute(appDb(kernel));
  await seedDemoRepairs(kernel);
  await seedDemoPosts(kernel);
  await seedDemoClaims(kernel);

  return plan.accounts.map((a) => ({ role: a.role, login: a.username ?? a.phone!, password: DEMO_PASSWORD, place: a.placeLabel }));
}

// ——— printing ———

/** Terminal columns a string takes: CJK and full-width characters are two wide. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Prints the demo logins as a table: role (zh + en), login, password, place. */
export function printDemoLogins(logins: DemoLogin[], out: (text: string) => void = (t) => process.stdout.write(t)): void {
  const label = (role: string) => {
    const l = ROLE_LABELS[role as Role];
    return l ? `${l['zh-CN']} ${l.en}` : role;
  };
  const rows = [
    ['角色 Role', '登录名 Login', '密码 Password', '范围 Place'],
    ...logins.map((l) => [label(l.role), l.login, l.password, l.place]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) => `  ${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}\n`;
  out(`\nDemo logins 演示账号 (password 密码: ${DEMO_PASSWORD})\n`);
  out(line(rows[0]!));
  out(`  ${'-'.repeat(widths[0]! + widths[1]! + widths[2]! + 6 + Math.max(...rows.map((r) => displayWidth(r[3]!))))}\n`);
  for (const r of rows.slice(1)) out(line(r));
  const u = DEMO_UNACTIVATED;
  out(
    `\n  To try activation 试用激活: sign up at /h5/signup (SMS code in the workbench's 短信沙箱), then claim\n` +
      `  ${u.compound} ${u.building}${u.unit}${u.room} as ${u.name}, ID number ending 身份证后四位 ${u.idLast4}\n`,
  );
  out('\n');
}
