import type { Insertable } from 'kysely';
import { type PlaceRow, placeRow, type Role } from '../../../kernel/access/index.ts';
import type { PlaceKind } from '../../../kernel/db/tables.ts';
import { demoPart, type Rng } from '../../../kernel/demo-seed.ts';
import { newId } from '../../../kernel/ids.ts';
import type { OrganisationKind, PartyLevel, RegistryTables, Relation } from '../registry.tables.ts';
import { DEMO_YEAR, TERM } from './layout.ts';
import { type Gender, GIVEN, generationOf, identities, type Tag } from './people.ts';
import { planHomes } from './plan-homes.ts';
import { planOffices } from './plan-offices.ts';
import { planStreet } from './plan-street.ts';
import { planWorkplaces } from './plan-workplaces.ts';

/**
 * The demo street 安和街道: a deterministic, realistic registry (about 2,800 rooms, 7,000 people, every
 * kind of organisation, cross-appointed office holders) and one login per role, so that a fresh install
 * shows every page with believable data. Content comes from a seeded PRNG, so every run produces the
 * same names, numbers and structure; only the UUIDv7 ids differ. Planned in memory in steps that draw
 * from one stream in a fixed order (plan-street, plan-homes, plan-offices), then written by
 * registry.seed.ts in one transaction.
 */

/** A place of the demo street, as later modules' seeds use it. */
export interface DemoPlace {
  id: string;
  name: string;
  path: string;
}

/** What the registry's seed hands on to the modules after it (`demo.get(DEMO_STREET)`). */
export interface DemoStreet {
  street: DemoPlace;
  communities: DemoPlace[];
  /** The six compounds in the order of the layout: 阳光花园 first, where most demo logins serve and live. */
  compounds: (DemoPlace & { communityId: string; propertyCompanyId: string | null })[];
  /** Workplace party organisations (单位党组织) whose members live here: the party module's 双报到. */
  workplaceOrgs: { id: string; name: string }[];
}
export const DEMO_STREET = demoPart<DemoStreet>('registry.street');

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

/** A demo login as planned; registry.seed.ts makes the account (and its grants). */
export interface PlannedAccount {
  role: Role;
  username: string | null;
  phone: string | null;
  displayName: string;
  personId: string | null;
  grantPlaceIds: string[];
  placeLabel: string;
}

/** A registry row of the demo street before it is written: its street is added then (all rows are in the one street). */
type StreetRow<T extends keyof RegistryTables> = Omit<Insertable<RegistryTables[T]>, 'street_id'>;

/** Everything the demo street consists of, built in memory before one transaction writes it. */
export interface DemoPlan {
  places: PlaceRow[];
  compounds: StreetRow<'reg_compounds'>[];
  rooms: StreetRow<'reg_rooms'>[];
  persons: DemoPerson[];
  organisations: DemoOrganisation[];
  households: StreetRow<'reg_households'>[];
  positions: StreetRow<'reg_positions'>[];
  accounts: PlannedAccount[];
  street: DemoStreet;
}

/** The plan being built and the helpers every step uses to add to it, all drawing from `rng`. */
export type PlanBuilder = ReturnType<typeof planBuilder>;

function planBuilder(rng: Rng) {
  const plan: DemoPlan = {
    places: [],
    compounds: [],
    rooms: [],
    persons: [],
    organisations: [],
    households: [],
    positions: [],
    accounts: [],
    street: { street: { id: '', name: '', path: '' }, communities: [], compounds: [], workplaceOrgs: [] },
  };
  const { usedIdNumbers, surname, phone, idNumber } = identities(rng);

  // The seed builds the rows up front (placeRow, the same builder insertPlace uses) to write them in batches.
  const place = (parent: PlaceRow | null, kind: PlaceKind, name: string): PlaceRow => {
    const row = placeRow({ parent, kind, name });
    plan.places.push(row);
    return row;
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

  /** One person holding several offices at once (一肩挑, 交叉任职), each with the current term. */
  const offices = (p: DemoPerson, ...held: [DemoOrganisation, string][]) => {
    for (const [o, title] of held) position(p, o, title);
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

  return { rng, plan, usedIdNumbers, phone, place, person, org, party, position, offices, household, date };
}

/** Builds the whole demo street in memory. Pure apart from the UUIDs: same stream, same content. */
export function planDemoStreet(rng: Rng): DemoPlan {
  const b = planBuilder(rng);
  const street = planStreet(b);
  const homes = planHomes(b, street);
  planOffices(b, street, homes);
  const workplaceOrgs = planWorkplaces(b, street);
  b.plan.street = {
    street: demoPlace(street.street),
    communities: street.communities.map((c) => demoPlace(c.place)),
    compounds: homes.compounds.map((c) => ({
      ...demoPlace(c.place),
      communityId: street.communities[c.spec.community]!.place.id,
      propertyCompanyId: c.spec.company ? street.companies[c.spec.company].id : null,
    })),
    workplaceOrgs,
  };
  return b.plan;
}

const demoPlace = (p: PlaceRow): DemoPlace => ({ id: p.id, name: p.name, path: p.path });
