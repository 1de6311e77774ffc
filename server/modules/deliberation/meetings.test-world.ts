import { createAccount } from '../../kernel/auth/accounts.ts';
import { write as kernelWrite } from '../../kernel/context.ts';
import type { Kernel } from '../../kernel/context.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { createOrganisation, createPosition } from '../registry/index.ts';
import { write } from './deliberation.db.ts';
import { BUILDING_LEADERS } from './meetings.constants.ts';
import { proposeMeetingItem } from './meetings.seed.ts';

/**
 * The meetings' test world: test/fixture.ts's world, plus the six-in-one bodies around compound A — a community
 * party committee at C1 (王丽, who chairs A's owners' committee, is also one of its members: 交叉任职), the
 * residents' committee's director, a building leader of A's building 1 (陈涛), the property company's site manager
 * at A — three items in consultation at A, and an account for 李波 (a resident invited to nothing).
 */
export async function buildMeetingsWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const { ctx, places: p, organisations: o, persons } = w;
  const streetParty = (await createOrganisation(ctx, { placeId: p.S, kind: 'party_org', name: '测试街道党工委', partyLevel: 'street_committee' })).id;
  const partyC1 = (await createOrganisation(ctx, { placeId: p.C1, kind: 'party_org', name: '一社区党委', partyLevel: 'community_branch', parentId: streetParty })).id;
  const partyZ = (await createOrganisation(ctx, { placeId: p.S2, kind: 'party_org', name: '邻街党工委', partyLevel: 'street_committee' })).id;
  const director = await w.person(p.C1, '吴敏');
  const siteManager = await w.person(p.A, '周洁');
  await createPosition(ctx, { personId: persons.alice, organisationId: partyC1, title: '委员' });
  await createPosition(ctx, { personId: director, organisationId: o.rcC1, title: '主任' });
  await createPosition(ctx, { personId: persons.tom, organisationId: o.rcC1, title: '楼门长', placeId: p.A1.building });
  await createPosition(ctx, { personId: siteManager, organisationId: o.pc1, title: '项目经理', placeId: p.A });
  // A position whose term has ended: not invited.
  await createPosition(ctx, { personId: persons.bob, organisationId: o.ownersCommitteeA, title: '前任主任', termStart: '2020-01-01', termEnd: '2023-12-31' });
  const items = await write(ctx, async (tx) => {
    const out: string[] = [];
    for (const title of ['南门充电棚', '水箱清洗', '投放点照明']) out.push((await proposeMeetingItem(tx, ctx, { placeId: p.A, title })).id);
    return out;
  });
  const itemZ = await write(ctx, async (tx) => (await proposeMeetingItem(tx, ctx, { placeId: p.Z, title: '远方小区的议题' })).id);
  const bobAccount = await kernelWrite(ctx, (tx) => createAccount(tx, kernel.pii, { phone: '13800000002', displayName: '李波', password: PASSWORD, personId: persons.bob }));
  return { ...w, orgs: { streetParty, partyC1, partyZ }, people: { director, siteManager }, items, itemZ, bobAccount };
}
export type MeetingsWorld = Awaited<ReturnType<typeof buildMeetingsWorld>>;

/** A meeting at compound A convened by C1's party committee, inviting A's owners' committee, the residents' committee, the company and the building leaders. */
export const meetingAtA = (w: MeetingsWorld, startsAt: Date, extra: Record<string, unknown> = {}) => ({
  placeId: w.places.A,
  title: '阳光花园联席会议',
  kind: 'joint',
  convenerKind: 'party_org',
  convenerOrgId: w.orgs.partyC1,
  startsAt: startsAt.toISOString(),
  location: '社区议事厅',
  bodies: [w.organisations.ownersCommitteeA, w.organisations.rcC1, w.organisations.pc1, BUILDING_LEADERS],
  ...extra,
});
