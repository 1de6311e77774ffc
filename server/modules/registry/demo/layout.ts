import type { ManagementMode } from '../registry.tables.ts';

/** The demo street's layout: its communities and six compounds, and the offices' terms. */

/** Ages, terms and purchase dates are computed against this year, not the clock, so content never drifts. */
export const DEMO_YEAR = 2026;

export interface CompoundSpec {
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

export const COMMUNITIES = [
  { name: '安和社区', grids: ['第一网格', '第二网格'], party: '中共安和社区委员会' },
  { name: '和顺社区', grids: ['第一网格', '第二网格'], party: '中共和顺社区总支部委员会' },
];

// Six compounds, one per management mode. 锦华物业 serves both 阳光花园 and 和园小区 (in the latter
// under an agreement led by the community party committee), so one manager holds two grants.
export const COMPOUNDS: CompoundSpec[] = [
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

export const TERM = { start: '2024-06-01', end: '2029-05-31' };
export const PREVIOUS_TERM = { start: '2019-06-01', end: '2024-05-31' };
