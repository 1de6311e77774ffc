import type { PlaceRow, StaffRole } from '../../../kernel/access/index.ts';
import { DEMO_YEAR, PREVIOUS_TERM } from './layout.ts';
import type { DemoOrganisation, DemoPerson, PlanBuilder } from './plan.ts';
import type { Occupant, PlannedHomes } from './plan-homes.ts';
import type { PlannedStreet } from './plan-street.ts';

/**
 * The compounds' organisations and who holds their offices — party branches and building groups,
 * building leaders, owners' committees, the property companies' site managers — filled from the
 * owners who live there; then the demo logins, one per role, held by people of the plan.
 */
export function planOffices(b: PlanBuilder, { street, communities, communityOrgs, companies, people }: PlannedStreet, homes: PlannedHomes) {
  const { rng, plan, org, party, position } = b;
  const { compounds: compoundInfo, resident1, resident2, resident3, reserved } = homes;
  const { admin, streetOfficial, wuweihui, housingReviewer, pinggu, wuye, wuyestaff, chengtouManager, heshunDirector } = people;

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

  // The compounds' organisations and offices.
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

  // The demo logins.
  const c1Info = compoundInfo[0]!;
  const c1Orgs = communityOrgs[0]!;
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
  const residentAccount = (p: DemoPerson, placeLabel: string) =>
    plan.accounts.push({ role: 'resident', username: null, phone: p.phone, displayName: p.name, personId: p.id, grantPlaceIds: [], placeLabel });
  residentAccount(resident1, `${c1Place.name} 1栋1单元1201、3栋1单元502（业主）`);
  residentAccount(resident2, `${c1Place.name} 3栋1单元502（租户）`);
  residentAccount(resident3, `${c1Place.name} 2栋1单元302（家庭成员；隐私政策已更新）`);
}
