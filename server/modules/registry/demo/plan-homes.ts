import type { PlaceRow } from '../../../kernel/access/index.ts';
import { newId } from '../../../kernel/ids.ts';
import { withIdChecksum } from '../../../kernel/pii/pii.ts';
import { COMPOUNDS, type CompoundSpec, DEMO_YEAR } from './layout.ts';
import type { Gender } from './people.ts';
import type { DemoPerson, PlanBuilder } from './plan.ts';
import type { PlannedStreet } from './plan-street.ts';

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

/** An owner who lives in their flat: the pool that offices are filled from. */
export interface Occupant {
  person: DemoPerson;
  buildingId: string;
}

/**
 * The compounds: buildings, units and rooms (flats, shops, parking spaces), their owners (a few
 * co-owned, some held by the developer, some sold on), tenants and families; then the two demo
 * residents and the household member who has no account yet.
 */
export function planHomes(b: PlanBuilder, { communities, companies, developers }: PlannedStreet) {
  const { rng, plan, usedIdNumbers, phone, place, person, household, date } = b;
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

  // A resident who agreed to an earlier privacy notice (kernel/privacy/privacy.seed.ts): 周雨桐, 13800000003,
  // family member in 阳光花园 2栋1单元302. The H5 asks her again ("隐私政策已更新"). Without the PRNG, like 吴安然.
  const resident3: DemoPerson = {
    id: newId(),
    placeId: c1Info.place.id,
    name: '周雨桐',
    surname: '周',
    gender: 'f',
    born: 1990,
    phone: '13800000003',
    idNumber: withIdChecksum('13010219900708042'),
    tags: new Set(),
  };
  {
    const childOf = (parent: PlaceRow, name: string) => plan.places.find((p) => p.parent_id === parent.id && p.name === name);
    const building = childOf(c1Info.place, '2栋');
    const unit = building && childOf(building, '1单元');
    const flat = unit && childOf(unit, '302');
    if (!flat) throw new Error('demo seed: 阳光花园 2栋1单元302 is missing');
    if (usedIdNumbers.has(resident3.idNumber) || plan.persons.some((p) => p.phone === resident3.phone)) {
      throw new Error('demo seed: the third resident’s phone or ID number is taken');
    }
    plan.persons.push(resident3);
    household(flat.id, resident3, 'family', null, '2021-04-01');
  }

  return { compounds: compoundInfo, resident1, resident2, resident3, reserved };
}

export type PlannedHomes = ReturnType<typeof planHomes>;
