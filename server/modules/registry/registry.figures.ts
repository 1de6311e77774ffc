import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureRowsQuery, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { read } from './registry.db.ts';

/**
 * The registry's figures (DOMAIN.md §8): how many compounds a property company serves, and how many
 * have an owners' committee. Both are the registry's state when the snapshot is taken: the month-end
 * job takes them just after the month ends, and that snapshot is their history.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];
/** Management modes in which a property service enterprise serves the compound (专业化物业, 党组织领办物业企业). */
export const COMPANY_MODES = ['professional', 'party_led_company'] as const;

type Parts = { placeId: string; numerator: number; denominator: number };

/** Per kept place: its compounds, and those matching `matches` (SQL over `c`, the compound's place, and `rc`, its row). */
async function compoundsWhere(caller: Parameters<typeof read>[0], at: FigureWindow, matches: RawBuilder<boolean>) {
  const rows = await sql<Parts>`
    select up.place_id as "placeId", count(*) filter (where ${matches})::int as numerator, count(*)::int as denominator
    from street_places c
    left join reg_compounds rc on rc.street_id = c.street_id and rc.place_id = c.id
    ${rollUp('c.path', at)}
    where c.street_id = ${at.streetId} and c.kind = 'compound'
    group by up.place_id`.execute(read(caller));
  return rows.rows;
}

/** The compounds under one place, a page by name, each marked whether it matches: the dashboard's rows behind the figure. */
async function compoundsAt(caller: Parameters<typeof read>[0], q: FigureRowsQuery, matches: RawBuilder<boolean>, missing: string) {
  const only = q.only === 'counted' ? sql`and (${matches})` : q.only === 'uncounted' ? sql`and not (${matches})` : sql``;
  const under = sql`c.street_id = ${q.streetId} and c.kind = 'compound' and c.path like ${`${q.place.path}%`} ${only}`;
  const db = read(caller);
  const [rows, totals] = await Promise.all([
    sql<{ id: string; name: string; community: string | null; counted: boolean }>`
      select c.id, c.name, parent.name as community, coalesce(${matches}, false) as counted
      from street_places c
      left join reg_compounds rc on rc.street_id = c.street_id and rc.place_id = c.id
      left join street_places parent on parent.street_id = c.street_id and parent.id = c.parent_id
      where ${under}
      order by c.name, c.id
      limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ total: number; counted: number }>`
      select count(*)::int as total, count(*) filter (where ${matches})::int as counted
      from street_places c left join reg_compounds rc on rc.street_id = c.street_id and rc.place_id = c.id
      where ${under}`.execute(db),
  ]);
  return {
    total: totals.rows[0]?.total ?? 0,
    counted: totals.rows[0]?.counted ?? 0,
    items: rows.rows.map((r) => ({ id: r.id, label: r.name, place: r.community ?? '', counted: r.counted, at: null, note: r.counted ? null : missing, link: `/registry/places/${r.id}` })),
  };
}

const SERVED = sql<boolean>`rc.management_mode in (${sql.join([...COMPANY_MODES])})`;
const HAS_COMMITTEE = sql<boolean>`exists (select 1 from reg_organisations o where o.street_id = c.street_id and o.place_id = c.id and o.kind = 'owners_committee')`;

export const registryFigures: FigureDefinition[] = [
  {
    key: 'registry.professional_coverage',
    name: { zh: '专业化物业覆盖率', en: 'Professional property-service coverage' },
    definition: {
      zh: '由物业服务企业（专业化物业服务企业或党组织领办物业企业）服务的小区占小区总数的比例',
      en: 'Share of compounds served by a property service company (a professional or a party-organisation-led company)',
    },
    numerator: { zh: '物业服务企业服务的小区', en: 'Compounds served by a company' },
    denominator: { zh: '小区总数', en: 'Compounds' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => compoundsWhere(db, at, SERVED),
    rows: (db, q) => compoundsAt(db, q, SERVED, '无物业服务企业'),
  },
  {
    key: 'registry.owners_committee_rate',
    name: { zh: '业委会组建率', en: "Owners' committee formation rate" },
    definition: { zh: '已成立业主委员会的小区占小区总数的比例', en: "Share of compounds that have an owners' committee" },
    numerator: { zh: '已成立业委会的小区', en: "Compounds with an owners' committee" },
    denominator: { zh: '小区总数', en: 'Compounds' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => compoundsWhere(db, at, HAS_COMMITTEE),
    rows: (db, q) => compoundsAt(db, q, HAS_COMMITTEE, '未成立业委会'),
  },
];
