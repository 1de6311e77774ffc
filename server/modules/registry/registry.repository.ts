import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Executor } from './registry.db.ts';
import { type PlaceRow, pathLabel } from '../../kernel/access/index.ts';
import { offsetOf, type Page, type PageQuery, paginate, type SortedBy } from '../../kernel/pagination.ts';
import type { RegHouseholdsTable, RegOrganisationsTable, RegPersonsTable, RegPositionsTable } from './registry.tables.ts';
import { centiToArea, type ChildrenQuery, ChildrenSort, OrganisationsSort, PersonsSort, type RoomsQuery, RoomsSort } from './registry.schemas.ts';
import { containing, endingWith } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';

/** SQL for the registry's own tables (and reads of the kernel's places tree). */

const placeColumns = ['places.id', 'places.parent_id', 'places.kind', 'places.name', 'places.path', 'places.depth'] as const;

/** A place with its room or compound details, as the API presents it. */
export async function placeDetail(db: Executor, id: string) {
  const row = await db
    .selectFrom('places')
    .leftJoin('reg_rooms', 'reg_rooms.place_id', 'places.id')
    .leftJoin('reg_compounds', 'reg_compounds.place_id', 'places.id')
    .leftJoin('reg_organisations as company', 'company.id', 'reg_compounds.property_company_id')
    .select([
      ...placeColumns,
      'reg_rooms.floor',
      'reg_rooms.area_centi',
      'reg_rooms.area_source',
      'reg_rooms.use',
      'reg_rooms.delivered_on',
      'reg_compounds.management_mode',
      'reg_compounds.property_company_id',
      'reg_compounds.address',
      'company.name as company_name',
    ])
    .where('places.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    path: row.path,
    depth: row.depth,
    room:
      row.area_centi === null
        ? null
        : { floor: row.floor, area: centiToArea(row.area_centi), areaCenti: row.area_centi, areaSource: row.area_source, use: row.use, deliveredOn: row.delivered_on },
    compound:
      row.management_mode === null
        ? null
        : {
            managementMode: row.management_mode,
            propertyCompanyId: row.property_company_id,
            propertyCompanyName: row.company_name,
            address: row.address,
          },
  };
}
export type PlaceDetail = NonNullable<Awaited<ReturnType<typeof placeDetail>>>;

export async function listChildren(db: Executor, parentId: string, q: ChildrenQuery, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('places')
    .where('places.parent_id', '=', parentId)
    .where(filter)
    .$if(!!q.q, (qb) => qb.where('places.name', 'like', containing(q.q!)));
  return paginate(
    q,
    ChildrenSort.orderBy(
      base
        .leftJoin('reg_rooms', 'reg_rooms.place_id', 'places.id')
        .select([
          'places.id',
          'places.kind',
          'places.name',
          'reg_rooms.area_centi',
          'reg_rooms.use',
          sql<number>`(select count(*) from places c where c.parent_id = places.id)`.as('childCount'),
        ]),
      q,
    )
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map(({ area_centi, ...r }) => ({ ...r, area: area_centi === null ? null : centiToArea(area_centi) }))),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

export async function siblingNamed(db: Executor, parentId: string, name: string, exceptId?: string) {
  return db
    .selectFrom('places')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('name', '=', name.trim())
    .$if(!!exceptId, (qb) => qb.where('id', '<>', exceptId!))
    .executeTakeFirst();
}

/** Counts of rooms and current households under a place, for summary cards. */
export async function placeStats(db: Executor, place: PlaceRow) {
  const row = await db
    .selectFrom('places')
    .innerJoin('reg_rooms', 'reg_rooms.place_id', 'places.id')
    .select((eb) => [
      eb.fn.countAll<number>().as('rooms'),
      sql<number>`coalesce(sum(reg_rooms.area_centi), 0)`.as('areaCenti'),
      sql<number>`count(*) filter (where exists (select 1 from reg_households h where h.room_id = places.id and h.end_date is null and h.relation in ('owner','co_owner')))`.as('roomsWithOwner'),
    ])
    .where('places.path', 'like', `${place.path}%`)
    .executeTakeFirstOrThrow();
  return { rooms: row.rooms, area: centiToArea(Number(row.areaCenti)), roomsWithOwner: row.roomsWithOwner };
}

/** The labels of a room's ancestors, e.g. 阳光花园 / 3栋 / 1单元 / 301. */
const roomLabel = pathLabel('places.path', ['compound', 'building', 'unit', 'room']);

export async function listRooms(db: Executor, q: Omit<RoomsQuery, 'placeId'> & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('street_places as places')
    .innerJoin('reg_rooms', 'reg_rooms.place_id', 'places.id')
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('places.path', 'like', `${q.underPath}%`))
    .$if(!!q.use, (qb) => qb.where('reg_rooms.use', '=', q.use as 'residential'))
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('places.name', 'like', containing(q.q!)),
          eb.exists(
            eb
              .selectFrom('reg_households as h')
              .innerJoin('reg_persons as p', 'p.id', 'h.person_id')
              .select(sql`1`.as('x'))
              .whereRef('h.room_id', '=', 'places.id')
              .where('p.name', 'like', containing(q.q!)),
          ),
        ]),
      ),
    );
  return paginate(
    q,
    RoomsSort.orderBy(base, q)
      .select([
        'places.id',
        'places.name',
        'places.parent_id as parentId',
        roomLabel.as('label'),
        'reg_rooms.floor',
        'reg_rooms.area_centi',
        'reg_rooms.area_source as areaSource',
        'reg_rooms.use',
        // Holder names by primary-key probes: cheap per row, and only the page's rows are computed.
        sql<string[]>`coalesce((select array_agg(coalesce(
            (select p.name from reg_persons p where p.id = h.person_id),
            (select o.name from reg_organisations o where o.id = h.organisation_id)) order by h.relation, h.created_at)
          from reg_households h
          where h.room_id = places.id and h.end_date is null and h.relation in ('owner','co_owner')), '{}')`.as('owners'),
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map(({ area_centi, ...r }) => ({ ...r, area: centiToArea(area_centi) }))),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}

export const findRoom = (db: Executor, id: string) =>
  db.selectFrom('reg_rooms').innerJoin('places', 'places.id', 'reg_rooms.place_id').select([...placeColumns, 'reg_rooms.area_centi']).where('places.id', '=', id).executeTakeFirst();

// ——— people ———

export type PersonRow = Selectable<RegPersonsTable>;

export const findPerson = (db: Executor, id: string) =>
  db.selectFrom('reg_persons').selectAll().where('id', '=', id).executeTakeFirst() as Promise<PersonRow | undefined>;

export const findPersonByIdHash = (db: Executor, hash: string) =>
  db.selectFrom('reg_persons').select(['id', 'name']).where('id_number_hash', '=', hash).executeTakeFirst();

/** The masked view of a person that lists and detail pages show. */
export function presentPerson(p: Pick<PersonRow, 'id' | 'place_id' | 'name' | 'phone_masked' | 'id_number_masked' | 'tags'>) {
  return { id: p.id, placeId: p.place_id, name: p.name, phone: p.phone_masked, idNumber: p.id_number_masked, tags: p.tags };
}

export async function listPersons(
  db: Executor,
  q: PageQuery & SortedBy<typeof PersonsSort> & { q?: string; tag?: string; underPath?: string },
  filter: Expression<SqlBool>,
  lookups: { phoneHash?: string; idHash?: string },
) {
  const text = q.q;
  const base = db
    .selectFrom('reg_persons')
    .where(filter)
    .$if(!!q.tag, (qb) => qb.where(sql<SqlBool>`${q.tag} = any(reg_persons.tags)`))
    .$if(!!q.underPath, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('places as pp').select(sql`1`.as('x')).whereRef('pp.id', '=', 'reg_persons.place_id').where('pp.path', 'like', `${q.underPath}%`)),
          eb.exists(
            eb
              .selectFrom('reg_households as hh')
              .innerJoin('places as hp', 'hp.id', 'hh.room_id')
              .select(sql`1`.as('x'))
              .whereRef('hh.person_id', '=', 'reg_persons.id')
              .where('hp.path', 'like', `${q.underPath}%`),
          ),
        ]),
      ),
    )
    .$if(!!text, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('reg_persons.name', 'like', containing(text!)),
          // "0012" finds 138****0012: the masked form keeps the last four digits.
          ...(/^\d{4}$/.test(text!) ? [eb('reg_persons.phone_masked', 'like', endingWith(text!))] : []),
          ...(lookups.phoneHash ? [eb('reg_persons.phone_hash', '=', lookups.phoneHash)] : []),
          ...(lookups.idHash ? [eb('reg_persons.id_number_hash', '=', lookups.idHash)] : []),
          eb.exists(
            eb
              .selectFrom('reg_households as rh')
              .innerJoin('places as rp', 'rp.id', 'rh.room_id')
              .select(sql`1`.as('x'))
              .whereRef('rh.person_id', '=', 'reg_persons.id')
              .where('rp.name', '=', text!),
          ),
        ]),
      ),
    );
  return paginate(
    q,
    PersonsSort.orderBy(base, q)
      .select(['id', 'place_id', 'name', 'phone_masked', 'id_number_masked', 'tags', 'created_at'])
      .select(
        sql<number>`(select count(*) from reg_households h where h.person_id = reg_persons.id and h.end_date is null)`.as('householdCount'),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map((r) => ({ ...presentPerson(r), householdCount: r.householdCount, createdAt: r.created_at }))),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

// ——— households ———

export type HouseholdRow = Selectable<RegHouseholdsTable>;

export const findHousehold = (db: Executor, id: string) =>
  db.selectFrom('reg_households').selectAll().where('id', '=', id).executeTakeFirst() as Promise<HouseholdRow | undefined>;

export async function currentHousehold(db: Executor, h: { roomId: string; personId?: string; organisationId?: string; relation: string }) {
  return db
    .selectFrom('reg_households')
    .select('id')
    .where('room_id', '=', h.roomId)
    .where('relation', '=', h.relation as 'owner')
    .where('end_date', 'is', null)
    .$if(!!h.personId, (qb) => qb.where('person_id', '=', h.personId!))
    .$if(!!h.organisationId, (qb) => qb.where('organisation_id', '=', h.organisationId!))
    .executeTakeFirst();
}

/** Households of a room, current first; holders shown masked. */
export async function roomHouseholds(db: Executor, roomId: string) {
  const rows = await db
    .selectFrom('reg_households as h')
    .leftJoin('reg_persons as p', 'p.id', 'h.person_id')
    .leftJoin('reg_organisations as o', 'o.id', 'h.organisation_id')
    .select([
      'h.id',
      'h.relation',
      'h.share_bp as shareBp',
      'h.start_date as startDate',
      'h.end_date as endDate',
      'h.person_id as personId',
      'h.organisation_id as organisationId',
      'p.name as personName',
      'p.phone_masked as phone',
      'p.tags',
      'o.name as organisationName',
    ])
    .where('h.room_id', '=', roomId)
    .orderBy(sql`h.end_date is not null`)
    .orderBy(sql`array_position(array['owner','co_owner','tenant','family'], h.relation)`)
    .orderBy('h.created_at')
    .execute();
  return rows.map((r) => ({ ...r, holderName: r.personName ?? r.organisationName, current: r.endDate === null }));
}

export async function personHouseholds(db: Executor, personId: string, filter: Expression<SqlBool>) {
  return db
    .selectFrom('reg_households as h')
    .innerJoin('places', 'places.id', 'h.room_id')
    .select(['h.id', 'h.relation', 'h.share_bp as shareBp', 'h.start_date as startDate', 'h.end_date as endDate', 'h.room_id as roomId', roomLabel.as('roomLabel')])
    .where('h.person_id', '=', personId)
    .where(filter)
    .orderBy('places.path')
    .execute();
}

// ——— organisations and positions ———

export type OrganisationRow = Selectable<RegOrganisationsTable>;
export const findOrganisation = (db: Executor, id: string) =>
  db.selectFrom('reg_organisations').selectAll().where('id', '=', id).executeTakeFirst() as Promise<OrganisationRow | undefined>;

export function presentOrganisation(o: OrganisationRow & { place_name?: string | null; parent_name?: string | null }) {
  return {
    id: o.id,
    placeId: o.place_id,
    placeName: o.place_name ?? null,
    kind: o.kind,
    name: o.name,
    parentId: o.parent_id,
    parentName: o.parent_name ?? null,
    partyLevel: o.party_level,
    creditCode: o.credit_code,
    contactPhone: o.contact_phone_masked,
  };
}

export async function listOrganisations(
  db: Executor,
  q: PageQuery & SortedBy<typeof OrganisationsSort> & { q?: string; kind?: string; underPath?: string },
  filter: Expression<SqlBool>,
) {
  const base = db
    .selectFrom('reg_organisations')
    .innerJoin('places', 'places.id', 'reg_organisations.place_id')
    .leftJoin('reg_organisations as parent', 'parent.id', 'reg_organisations.parent_id')
    .where(filter)
    .$if(!!q.kind, (qb) => qb.where('reg_organisations.kind', '=', q.kind as 'party_org'))
    .$if(!!q.q, (qb) => qb.where('reg_organisations.name', 'like', containing(q.q!)))
    .$if(!!q.underPath, (qb) => qb.where('places.path', 'like', `${q.underPath}%`));
  return paginate(
    q,
    OrganisationsSort.orderBy(base, q)
      .selectAll('reg_organisations')
      .select(['places.name as place_name', 'parent.name as parent_name'])
      .select(sql<number>`(select count(*) from reg_positions ps where ps.organisation_id = reg_organisations.id and (ps.term_end is null or ps.term_end >= current_date))`.as('memberCount'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map((r) => ({ ...presentOrganisation(r), memberCount: r.memberCount }))),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

export type PositionRow = Selectable<RegPositionsTable>;
export const findPosition = (db: Executor, id: string) =>
  db.selectFrom('reg_positions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<PositionRow | undefined>;

export async function listPositions(db: Executor, q: PageQuery & { personId?: string; organisationId?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('reg_positions')
    .innerJoin('reg_persons', 'reg_persons.id', 'reg_positions.person_id')
    .innerJoin('reg_organisations', 'reg_organisations.id', 'reg_positions.organisation_id')
    .leftJoin('places', 'places.id', 'reg_positions.place_id')
    .where(filter)
    .$if(!!q.personId, (qb) => qb.where('reg_positions.person_id', '=', q.personId!))
    .$if(!!q.organisationId, (qb) => qb.where('reg_positions.organisation_id', '=', q.organisationId!));
  return paginate(
    q,
    base
      .select([
        'reg_positions.id',
        'reg_positions.title',
        'reg_positions.term_start as termStart',
        'reg_positions.term_end as termEnd',
        'reg_positions.person_id as personId',
        'reg_persons.name as personName',
        'reg_positions.organisation_id as organisationId',
        'reg_organisations.name as organisationName',
        'reg_organisations.kind as organisationKind',
        'reg_positions.place_id as placeId',
        'places.name as placeName',
      ])
      .orderBy('reg_organisations.name')
      .orderBy('reg_positions.title')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
