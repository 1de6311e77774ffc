import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
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
    count: (db, at) => compoundsWhere(db, at, sql<boolean>`rc.management_mode in (${sql.join([...COMPANY_MODES])})`),
  },
  {
    key: 'registry.owners_committee_rate',
    name: { zh: '业委会组建率', en: "Owners' committee formation rate" },
    definition: { zh: '已成立业主委员会的小区占小区总数的比例', en: "Share of compounds that have an owners' committee" },
    numerator: { zh: '已成立业委会的小区', en: "Compounds with an owners' committee" },
    denominator: { zh: '小区总数', en: 'Compounds' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) =>
      compoundsWhere(
        db,
        at,
        sql<boolean>`exists (select 1 from reg_organisations o where o.street_id = c.street_id and o.place_id = c.id and o.kind = 'owners_committee')`,
      ),
  },
];
