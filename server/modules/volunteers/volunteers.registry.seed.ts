import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, residentPersonsOn } from '../registry/index.ts';
import { SKILLS } from './volunteers.constants.ts';
import { read } from './volunteers.db.ts';
import { registerVolunteer } from './use-cases/registry-register.ts';
import { reviewVolunteer } from './use-cases/registry-review.ts';
import { addTeamMember } from './use-cases/registry-team-members.ts';
import { createTeam } from './use-cases/registry-teams.ts';
import { createReward } from './use-cases/rewards-save.ts';

/** The registry part's draws: its own stream. */
export const REGISTRY_SEED = 2301;

const DAY = 86_400_000;
/** The share of each compound's residents registered and approved (layout order: 阳光花园 first), so the figure varies around 15%. */
const SHARES = [0.004, 0.002, 0.003, 0.002, 0.03, 0.17];
const AVAILABILITY = ['周末白天', '工作日晚上', '周六上午', '工作日白天（已退休）', '节假日', '周日下午', '随叫随到', '每周二、四晚上'];
const REJECT_REASON = '未填写可服务时间，请补充后重新提交';
const REWARDS = [
  { name: '洗衣液', points: 50, stock: 40, description: '2kg 装洗衣液一瓶，凭兑换记录到社区服务站领取' },
  { name: '社区食堂代金券', points: 100, stock: 60, description: '面值 20 元，社区长者食堂使用' },
  { name: '体检套餐', points: 300, stock: 10, description: '社区卫生服务中心基础体检一次' },
];

/** The system, or a resident, acting at a moment of the demo's past: what it records carries that time. */
const at = (kernel: Kernel, when: Date, personId: string | null = null): Ctx => ({ kernel: { ...kernel, clock: { now: () => when } }, actor: { ...SYSTEM_ACTOR, personId } });

/**
 * The registry part's demo: volunteers registered over the last months in every compound (a varying share of its
 * residents, approved by the community), a few still waiting and one rejected with the reason; 张明远 (13800000001)
 * is an approved volunteer of 阳光花园, 林晓雯 and 周雨桐 (13800000002/3) are not (the e2e journey registers 周雨桐);
 * three teams; each community's rewards. Everything through the part's use cases.
 */
export async function seedRegistry(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; approved?: number; pending?: number; rejected?: number; teams?: number; rewards?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('vol_volunteers').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(REGISTRY_SEED);
  const zhang = demo.account('13800000001')?.personId ?? null;
  const leaveOut = new Set([demo.account('13800000002')?.personId, demo.account('13800000003')?.personId].filter((p): p is string => !!p));
  const rows = await residentPersonsOn(db, streetId, chinaDay(demo.now));
  const personsOf = new Map<string, string[]>(street.compounds.map((c) => [c.id, []]));
  const homeOf = new Map<string, string>();
  for (const r of [...rows].sort((a, b) => a.roomPath.localeCompare(b.roomPath) || a.personId.localeCompare(b.personId))) {
    if (homeOf.has(r.personId)) continue;
    const compound = street.compounds.find((c) => r.roomPath.includes(`/${c.id}/`));
    if (!compound) continue;
    homeOf.set(r.personId, compound.id);
    if (!leaveOut.has(r.personId) && r.personId !== zhang) personsOf.get(compound.id)!.push(r.personId);
  }
  const register = async (personId: string, compoundId: string, daysAgo: number) => {
    const skills = [...new Set([rng.pick(SKILLS), rng.pick(SKILLS)])];
    const availability = rng.chance(0.9) ? rng.pick(AVAILABILITY) : '';
    const when = new Date(demo.now.getTime() - daysAgo * DAY - rng.int(0, 600) * 60_000);
    return { id: (await registerVolunteer(at(kernel, when, personId), { compoundId, skills, availability, consent: true })).id, when };
  };
  const approvedIn = new Map<string, string[]>();
  let approved = 0;
  let pending = 0;
  let rejected = 0;
  if (zhang && homeOf.has(zhang)) {
    const { id, when } = await register(zhang, homeOf.get(zhang)!, 120);
    await reviewVolunteer(at(kernel, new Date(when.getTime() + DAY)), id, 'approve');
    approvedIn.set(homeOf.get(zhang)!, [id]);
    approved++;
  }
  for (const [i, c] of street.compounds.entries()) {
    const pool = [...personsOf.get(c.id)!];
    const want = Math.max(2, Math.round((pool.length + (c.id === homeOf.get(zhang ?? '') ? 1 : 0)) * (SHARES[i] ?? 0.05))) - (approvedIn.get(c.id)?.length ?? 0);
    const chosen: string[] = [];
    while (chosen.length < want + 2 && pool.length) chosen.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
    for (const [k, personId] of chosen.entries()) {
      if (k < want) {
        const { id, when } = await register(personId, c.id, rng.int(20, 150));
        await reviewVolunteer(at(kernel, new Date(when.getTime() + rng.int(1, 3) * DAY)), id, 'approve');
        approvedIn.set(c.id, [...(approvedIn.get(c.id) ?? []), id]);
        approved++;
      } else if (i < 2 || (k === want && i < 4)) {
        // The latest registrations of the first compounds wait for review; one of 和园小区's was rejected.
        const { id, when } = await register(personId, c.id, rng.int(1, 6));
        if (i === 1 && k === want + 1) {
          await reviewVolunteer(at(kernel, new Date(when.getTime() + DAY / 2)), id, 'reject', REJECT_REASON);
          rejected++;
        } else pending++;
      }
    }
  }
  const sunshine = street.compounds[0]!;
  const [anhe, heshun] = street.communities;
  const teams: { place: string; name: string; description: string; from: string[] }[] = [
    { place: sunshine.id, name: `${sunshine.name}助老服务队`, description: '为小区独居、高龄老人提供代买代办、陪同就医和上门探访', from: approvedIn.get(sunshine.id) ?? [] },
  ];
  if (anhe) {
    const under = street.compounds.filter((c) => c.communityId === anhe.id).flatMap((c) => approvedIn.get(c.id) ?? []);
    teams.push({ place: anhe.id, name: `${anhe.name}应急志愿队`, description: '防汛防台、消防疏散和突发事件时协助社区开展应急处置', from: under });
    for (const r of REWARDS) await createReward(at(kernel, new Date(demo.now.getTime() - 90 * DAY)), { placeId: anhe.id, ...r, active: true });
  }
  if (heshun) {
    const under = street.compounds.filter((c) => c.communityId === heshun.id).flatMap((c) => approvedIn.get(c.id) ?? []);
    teams.push({ place: heshun.id, name: `${heshun.name}环保志愿队`, description: '垃圾分类桶边督导、楼道清理和绿化养护', from: under });
    for (const r of REWARDS) await createReward(at(kernel, new Date(demo.now.getTime() - 90 * DAY)), { placeId: heshun.id, ...r, active: true });
  }
  for (const team of teams) {
    if (!team.from.length) continue;
    const members = team.from.slice(0, Math.min(team.from.length, 8));
    const ctx = at(kernel, new Date(demo.now.getTime() - 15 * DAY));
    const { id } = await createTeam(ctx, { placeId: team.place, name: team.name, description: team.description, leaderVolunteerId: members[0]! });
    for (const m of members.slice(1)) await addTeamMember(ctx, id, m);
  }
  demo.notes.push(`志愿者：${approved} 名已通过，${pending} 名待审核（juweihui 在「志愿者」页审核）`);
  return { approved, pending, rejected, teams: teams.length, rewards: REWARDS.length * (street.communities.length >= 2 ? 2 : 1) };
}
