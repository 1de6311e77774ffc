import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { type FigureDefinition, type FigureParts, type FigurePlaceKind, type FigureWindow, dayBefore } from '../../kernel/figures/figures.ts';
import { compoundsUnder, currentPositions, organisationsOfKind } from '../registry/index.ts';
import { read } from './party.db.ts';

/**
 * The coverage figures of party building (issue 22 §3), through the figures contract: counted from the registry's
 * places, organisations and positions (through its index.ts) and the party module's members and branch hosts, on the
 * last day of the window. Each is rolled up in memory to every kept place above the thing counted (a compound, a
 * building, a company's compound, an office holder's organisation, a member's place).
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];
/** The title of a party-building instructor's position (党建指导员) in a property company. */
export const INSTRUCTOR_TITLE = '党建指导员';

type Counted = { path: string; hit: boolean };

/** Adds every counted thing to each kept place on its path: numerator when it hits, denominator always. */
async function rolled(db: AnyExecutor, at: FigureWindow, things: Counted[]): Promise<FigureParts[]> {
  const kept = await read(db).selectFrom('street_places').select(['id']).where('street_id', '=', at.streetId).where('kind', 'in', [...at.placeKinds]).execute();
  const parts = new Map(kept.map((k) => [k.id, { placeId: k.id, numerator: 0, denominator: 0 }]));
  for (const t of things) {
    for (const id of t.path.split('/')) {
      const p = parts.get(id);
      if (!p) continue;
      p.denominator += 1;
      if (t.hit) p.numerator += 1;
    }
  }
  return [...parts.values()].filter((p) => p.denominator > 0);
}

/** Compounds, each covered when a party organisation (not a workplace one) sits at the compound or at its grid. */
export async function compoundCoverage(db: AnyExecutor, at: FigureWindow): Promise<FigureParts[]> {
  const compounds = await compoundsUnder(db, at.streetId);
  const orgs = (await organisationsOfKind(db, 'party_org', { streetId: at.streetId })).filter((o) => o.partyLevel !== 'workplace');
  const grids = await read(db).selectFrom('street_places').select(['id', 'path']).where('street_id', '=', at.streetId).where('kind', '=', 'grid').execute();
  const orgPlaces = new Set(orgs.map((o) => o.placeId));
  return rolled(
    db,
    at,
    compounds.map((c) => {
      const grid = grids.find((g) => c.path.startsWith(g.path));
      return { path: c.path, hit: orgPlaces.has(c.compoundId) || (!!grid && orgPlaces.has(grid.id)) };
    }),
  );
}

/** Buildings, each covered when a building party group (楼栋党小组) sits at it. */
export async function buildingGroups(db: AnyExecutor, at: FigureWindow): Promise<FigureParts[]> {
  const buildings = await read(db).selectFrom('street_places').select(['id', 'path']).where('street_id', '=', at.streetId).where('kind', '=', 'building').execute();
  const groups = new Set((await organisationsOfKind(db, 'party_org', { streetId: at.streetId })).filter((o) => o.partyLevel === 'building_group').map((o) => o.placeId));
  return rolled(db, at, buildings.map((b) => ({ path: b.path, hit: groups.has(b.id) })));
}

/**
 * Property companies serving the place (each company once per place, through the compounds it serves there), each
 * covered when a branch is linked to it (pty_branch_hosts) or someone holds a 党建指导员 position in it on the day.
 */
export async function companyCoverage(db: AnyExecutor, at: FigureWindow): Promise<FigureParts[]> {
  const compounds = (await compoundsUnder(db, at.streetId)).filter((c) => c.companyId);
  const companyIds = [...new Set(compounds.map((c) => c.companyId!))];
  const hosts = await read(db).selectFrom('pty_branch_hosts').select('host_org_id').where('street_id', '=', at.streetId).where('created_at', '<', at.to).execute();
  const instructors = await currentPositions(db, { streetId: at.streetId, day: dayBefore(at.to), organisationIds: companyIds });
  const covered = new Set([...hosts.map((h) => h.host_org_id), ...instructors.filter((p) => p.title === INSTRUCTOR_TITLE).map((p) => p.organisationId)]);
  const kept = await read(db).selectFrom('street_places').select(['id', 'path']).where('street_id', '=', at.streetId).where('kind', 'in', [...at.placeKinds]).execute();
  const out: FigureParts[] = [];
  for (const k of kept) {
    const serving = new Set(compounds.filter((c) => c.path.startsWith(k.path)).map((c) => c.companyId!));
    if (serving.size === 0) continue;
    out.push({ placeId: k.id, numerator: [...serving].filter((c) => covered.has(c)).length, denominator: serving.size });
  }
  return out;
}

/** The current position holders of a kind of committee (each person once per committee), members when active party members. */
export async function committeeMembers(db: AnyExecutor, at: FigureWindow, kind: 'owners_committee' | 'residents_committee'): Promise<FigureParts[]> {
  const orgs = await organisationsOfKind(db, kind, { streetId: at.streetId });
  const pathOf = new Map(orgs.map((o) => [o.id, o.placePath]));
  const held = await currentPositions(db, { streetId: at.streetId, day: dayBefore(at.to), organisationKinds: [kind] });
  const seats = [...new Map(held.map((p) => [`${p.organisationId}/${p.personId}`, p])).values()];
  const members = await activeMemberPersons(db, at, seats.map((p) => p.personId));
  return rolled(
    db,
    at,
    seats.filter((p) => pathOf.has(p.organisationId)).map((p) => ({ path: pathOf.get(p.organisationId)!, hit: members.has(p.personId) })),
  );
}

async function activeMemberPersons(db: AnyExecutor, at: FigureWindow, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await read(db)
    .selectFrom('pty_members')
    .select('person_id')
    .where('street_id', '=', at.streetId)
    .where('person_id', 'in', [...new Set(personIds)])
    .where('created_at', '<', at.to)
    .where((eb) => eb.or([eb('status', '=', 'active'), eb('left_on', '>', dayBefore(at.to))]))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Employed members (在职党员) active on the day, each counted when their 双报到 was confirmed by then. */
export async function reportingRate(db: AnyExecutor, at: FigureWindow): Promise<FigureParts[]> {
  const rows = await read(db)
    .selectFrom('pty_members as m')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'm.street_id').onRef('p.id', '=', 'm.place_id'))
    .select([
      'p.path',
      sql<boolean>`exists (select 1 from pty_member_reports r where r.street_id = m.street_id and r.member_id = m.id and r.status = 'confirmed' and r.decided_at < ${at.to})`.as('hit'),
    ])
    .where('m.street_id', '=', at.streetId)
    .where('m.membership', '=', 'employed')
    .where('m.created_at', '<', at.to)
    .where((eb) => eb.or([eb('m.status', '=', 'active'), eb('m.left_on', '>', dayBefore(at.to))]))
    .execute();
  return rolled(db, at, rows.map((r) => ({ path: r.path, hit: !!r.hit })));
}

const t = (zh: string, en: string) => ({ zh, en });

export const memberFigures: FigureDefinition[] = [
  {
    key: 'party.compound_coverage',
    name: t('小区党组织覆盖率', 'Compounds covered by a party organisation'),
    definition: t('小区本身或其所在网格建有党支部的小区占小区总数的比例', 'Share of compounds with a party branch at the compound or at its grid'),
    numerator: t('建有党组织的小区', 'Compounds covered'),
    denominator: t('小区总数', 'Compounds'),
    unit: 'percent',
    placeKinds: KINDS,
    count: compoundCoverage,
  },
  {
    key: 'party.building_groups',
    name: t('楼栋党小组覆盖率', 'Buildings with a party group'),
    definition: t('建有楼栋党小组的楼栋占楼栋总数的比例', 'Share of buildings with a building party group'),
    numerator: t('建有党小组的楼栋', 'Buildings with a group'),
    denominator: t('楼栋总数', 'Buildings'),
    unit: 'percent',
    placeKinds: KINDS,
    count: buildingGroups,
  },
  {
    key: 'party.company_coverage',
    name: t('物业企业党建覆盖率', 'Property companies with a branch or an instructor'),
    definition: t(
      '在本地服务的物业服务企业中，建有本企业党支部或派驻党建指导员的企业所占比例',
      'Share of the property companies serving the place that have their own party branch or an assigned party-building instructor',
    ),
    numerator: t('已覆盖的物业企业', 'Companies covered'),
    denominator: t('服务本地的物业企业', 'Companies serving the place'),
    unit: 'percent',
    placeKinds: KINDS,
    count: companyCoverage,
  },
  {
    key: 'party.owners_committee_members',
    name: t('业委会成员中党员比例', "Party members among owners' committees"),
    definition: t('业主委员会现任成员中登记在册党员所占比例', "Share of the current office holders of owners' committees who are registered party members"),
    numerator: t('党员成员', 'Members who are party members'),
    denominator: t('业委会现任成员', 'Current office holders'),
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => committeeMembers(db, at, 'owners_committee'),
  },
  {
    key: 'party.residents_committee_members',
    name: t('居委会成员中党员比例', "Party members among residents' committees"),
    definition: t('居民委员会现任成员中登记在册党员所占比例', "Share of the current office holders of residents' committees who are registered party members"),
    numerator: t('党员成员', 'Members who are party members'),
    denominator: t('居委会现任成员', 'Current office holders'),
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => committeeMembers(db, at, 'residents_committee'),
  },
  {
    key: 'party.reporting_rate',
    name: t('在职党员双报到率', 'Employed members who reported (双报到)'),
    definition: t('在职党员中已向居住地社区报到并经社区确认的比例', 'Share of employed party members whose report to the community where they live was confirmed'),
    numerator: t('已报到的在职党员', 'Employed members reported'),
    denominator: t('在职党员', 'Employed members'),
    unit: 'percent',
    placeKinds: KINDS,
    count: reportingRate,
  },
];
