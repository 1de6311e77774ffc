import { COMMUNITIES } from './layout.ts';
import { creditCode, type Gender } from './people.ts';
import type { DemoOrganisation, PlanBuilder } from './plan.ts';

/**
 * The street: its places down to the grids, the street's and the districts' organisations, the staff
 * who hold their offices (registered at the street, not residents of the demo compounds), the property
 * companies and developers, and each community's party branch and committees.
 */
export function planStreet(b: PlanBuilder) {
  const { rng, place, person, org, party, position, offices } = b;
  const city = place(null, 'city', '示范市');
  const district = place(city, 'district', '和平区');
  const street = place(district, 'street', '安和街道');
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
  offices(streetOfficial, [streetParty, '副书记'], [streetOffice, '主任'], [streetPropertyCommittee, '主任']);
  offices(wuweihui, [streetParty, '委员'], [streetOffice, '物业管理办公室主任'], [streetPropertyCommittee, '副主任']);
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

  // Communities: party branch, residents' committee, property committee.
  const communityOrgs = communities.map((c, i) => {
    const partyOrg = party(c.place.id, c.spec.party, 'community_branch', streetParty);
    const committee = org(c.place.id, 'residents_committee', `${c.spec.name}居民委员会`);
    const propertyCommittee = org(c.place.id, 'property_committee', `${c.spec.name}物业管理委员会`);
    const secretary = staff(c.place.id, [1970, 1982]);
    const deputy = staff(c.place.id, [1980, 1990]);
    const member = staff(c.place.id, [1988, 1996]);
    // 一肩挑: the party secretary also heads the residents' committee and the community property committee.
    offices(secretary, [partyOrg, '书记'], [committee, '主任'], [propertyCommittee, '主任']);
    offices(deputy, [partyOrg, '副书记'], [committee, '副主任']);
    offices(member, [partyOrg, '委员'], [committee, '委员']);
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

  return {
    street,
    communities,
    communityOrgs,
    companies,
    developers,
    /** Who holds the demo logins, and the managers of the companies' other sites. */
    people: { admin, streetOfficial, wuweihui, housingReviewer, pinggu, wuye, wuyestaff, chengtouManager, heshunDirector },
  };
}

export type PlannedStreet = ReturnType<typeof planStreet>;
