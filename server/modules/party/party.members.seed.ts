import { chinaDay } from '../../kernel/clock.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, currentPositions, organisationsOfKind, partyPersons } from '../registry/index.ts';
import { read, write } from './party.db.ts';
import { addMember } from './use-cases/members-create.ts';
import { putBranchHost } from './use-cases/tree-link-host.ts';

/** The members part's own stream of draws (kernel/demo-seed.ts). */
export const MEMBERS_SEED = 22_01;
/** How many residents of the demo compounds are employed members (在职党员), 张明远 among them. */
export const EMPLOYED_DEMO = 20;
/** The two company branches of the demo street and the companies they are set up in. */
export const COMPANY_BRANCHES = ['锦华物业服务有限公司党支部', '和平城投物业管理有限公司党支部'];

/**
 * The members part of the demo, through its own use cases as the street official (shuji's street colleague `street`):
 * a member record for every registry person tagged party_member (local; their compound's branch, else their grid's,
 * else their community's; the street's own staff in the street committee; the workplace organisations' office holders
 * are not residents and are left out), some showing their identity; 20 employed members who live in the demo compounds
 * spread over the two workplace organisations — 张明远 (13800000001) at the tax office, badge off; the two company
 * branches linked to their companies. A second run adds nothing.
 */
export async function seedMembers(kernel: Kernel, demo: DemoSeedContext) {
  const street = demo.get(DEMO_STREET);
  const ctx = await demo.as('street');
  const owner = await demo.as('13800000001');
  if (!street || !ctx || !owner?.actor.personId) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('pty_members').select('id').where('street_id', '=', streetId).limit(1).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(MEMBERS_SEED);
  const today = chinaDay(demo.now);
  const orgs = await organisationsOfKind(db, 'party_org', { streetId });
  const tree = orgs.filter((o) => o.partyLevel !== 'workplace');
  const workplace = orgs.filter((o) => o.partyLevel === 'workplace');
  const tax = workplace.find((o) => o.name.includes('税务'))!;
  const places = await db.selectFrom('street_places').select(['id', 'kind', 'path']).where('street_id', '=', streetId).execute();
  const placeById = new Map(places.map((p) => [p.id, p]));
  const workplaceHolders = new Set(
    (await currentPositions(db, { streetId, day: today, organisationKinds: ['party_org'] })).filter((p) => p.partyLevel === 'workplace').map((p) => p.personId),
  );
  /** The branch of a person registered at a place: at the compound, else its grid, else its community, else the street. */
  const branchOf = (path: string) => {
    const at = (kind: string) => {
      const p = places.find((x) => x.kind === kind && path.startsWith(x.path));
      return p && tree.find((o) => o.placeId === p.id && o.partyLevel !== 'building_group');
    };
    return at('compound') ?? at('grid') ?? at('community') ?? tree.find((o) => o.partyLevel === 'street_committee')!;
  };
  const day = (from: number, to: number) => {
    const d = `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return d > today ? today : d;
  };

  const tagged = (await partyPersons(db, { streetId, taggedPartyMember: true })).filter((p) => !workplaceHolders.has(p.id));
  const taggedIds = new Set(tagged.map((p) => p.id));
  const everyone = await partyPersons(db, { streetId });
  const inCompound = (p: { placeId: string }) => placeById.get(p.placeId)?.kind === 'compound';
  const pool = everyone.filter((p) => inCompound(p) && !taggedIds.has(p.id) && p.phoneMasked && p.id !== owner.actor.personId);
  const employed: string[] = [owner.actor.personId];
  while (employed.length < EMPLOYED_DEMO && pool.length) employed.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!.id);

  return write(ctx, async (tx) => {
    let badges = 0;
    for (const p of tagged) {
      const badgePublic = rng.chance(0.35);
      if (badgePublic) badges++;
      await addMember(tx, ctx, { personId: p.id, membership: 'local', branchId: branchOf(p.placePath).id, joinedOn: day(1978, 2024), note: '', badgePublic });
    }
    for (const [i, personId] of employed.entries()) {
      // 张明远 first, at the tax office; then alternately the school and the tax office.
      const org = i === 0 ? tax : workplace[i % workplace.length]!;
      await addMember(tx, ctx, { personId, membership: 'employed', workplaceOrgId: org.id, joinedOn: day(2003, 2023), note: '', badgePublic: i > 0 && rng.chance(0.3) });
    }
    const companies = await organisationsOfKind(tx, 'property_company', { streetId });
    let hosts = 0;
    for (const name of COMPANY_BRANCHES) {
      const branch = tree.find((o) => o.name === name);
      const company = companies.find((c) => `${c.name}党支部` === name);
      if (!branch || !company) continue;
      await putBranchHost(tx, ctx, branch.id, { hostOrgId: company.id });
      hosts++;
    }
    demo.notes.push('党建引领：13800000001（张明远，在职党员）在 H5「我的党员身份」亮明党员身份；工作台「党组织」「党员名册」「党建覆盖」。');
    return { local: tagged.length, employed: employed.length, badges, hosts };
  });
}
