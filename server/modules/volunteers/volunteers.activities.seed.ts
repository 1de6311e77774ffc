import { type Actor, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { checkInByCode } from './use-cases/activities-check-in.ts';
import { codeAt, windowOf } from './use-cases/activities-code.ts';
import { confirmHours, recordAttendance } from './use-cases/activities-hours.ts';
import { publishActivity } from './use-cases/activities-publish.ts';
import { signUp } from './use-cases/activities-signup.ts';

/** The activities part's draws: its own stream. */
export const VOL_ACTIVITIES_SEED = 2367;

const DAY = 86_400_000;
const MIN = 60_000;
const PAST: { title: string; venue: string; description: string; daysAgo: number; hour: number; hours: number; pph: number; skills: string[] }[] = [
  { title: '垃圾分类宣传进小区', venue: '小区中心广场', description: '在投放点旁设宣传台，发放分类指南，指导居民正确投放。', daysAgo: 9, hour: 8, hours: 3, pph: 10, skills: ['环境保护', '文艺宣传'] },
  { title: '重阳节敬老院慰问', venue: '安和街道敬老院', description: '为老人表演节目、理发、陪聊，帮助整理房间。', daysAgo: 16, hour: 9, hours: 2.5, pph: 12, skills: ['助老服务', '文艺宣传'] },
  { title: '社区义诊协助', venue: '社区党群服务中心一楼', description: '协助社区卫生服务中心医生开展义诊：引导排队、登记信息、测量血压。', daysAgo: 23, hour: 8, hours: 4, pph: 10, skills: ['医疗护理', '助老服务'] },
  { title: '防汛应急演练', venue: '地下车库入口', description: '配合物业开展防汛演练：沙袋搬运、挡水板安装、人员疏散引导。', daysAgo: 30, hour: 14, hours: 2, pph: 15, skills: ['应急救援'] },
  { title: '楼道杂物清理', venue: '各楼栋楼道', description: '清理楼道堆放杂物，消除消防隐患，张贴消防安全提示。', daysAgo: 37, hour: 9, hours: 3, pph: 10, skills: ['环境保护'] },
  { title: '反诈宣传进楼栋', venue: '小区南门宣传栏', description: '向老年居民讲解常见电信诈骗手法，帮助安装国家反诈中心App。', daysAgo: 44, hour: 15, hours: 2, pph: 10, skills: ['法律咨询', '信息技术'] },
  { title: '关爱独居老人入户走访', venue: '社区居委会集合', description: '两人一组走访独居老人，了解生活需求，检查燃气和用电安全。', daysAgo: 51, hour: 9, hours: 3, pph: 12, skills: ['助老服务', '心理疏导'] },
  { title: '文明养犬劝导', venue: '小区北门', description: '在遛狗高峰时段劝导居民牵绳遛狗、及时清理犬只粪便。', daysAgo: 58, hour: 18, hours: 1.5, pph: 10, skills: ['环境保护'] },
];
const UPCOMING: { title: string; venue: string; description: string; days: number; hour: number; hours: number; pph: number; capacity: number; skills: string[] }[] = [
  { title: '周末小区环境清洁日', venue: '小区中心广场集合', description: '清理绿化带白色垃圾、擦拭健身器材和宣传栏。请自备手套。', days: 1, hour: 9, hours: 2, pph: 10, capacity: 20, skills: ['环境保护'] },
  { title: '老年人智能手机使用辅导', venue: '社区党群服务中心二楼活动室', description: '一对一教老年人使用健康码、视频通话、网上缴费。', days: 4, hour: 14, hours: 2, pph: 12, capacity: 10, skills: ['信息技术', '助老服务'] },
  { title: '冬季消防安全宣传', venue: '社区党群服务中心门前', description: '发放冬季用电用火安全手册，演示灭火器使用方法。', days: 8, hour: 9, hours: 3, pph: 10, capacity: 15, skills: ['应急救援', '文艺宣传'] },
];

/** A moment in Shanghai `days` from `now`, at an hour (may be fractional). */
const shanghaiAt = (now: Date, days: number, hour: number) => {
  const day = new Date(now.getTime() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + hour * 3_600_000);
};

/** Acting at a moment of the demo's past: the system, or a volunteer (the system with their person). */
const at = (kernel: Kernel, when: Date, personId: string | null = null): Ctx => {
  const actor: Actor = personId ? { ...SYSTEM_ACTOR, personId } : SYSTEM_ACTOR;
  return { kernel: { ...kernel, clock: { now: () => when } }, actor };
};

/**
 * Volunteer activities' part of the demo: eight past activities across the demo street's communities and compounds
 * (垃圾分类宣传、敬老院慰问、社区义诊协助、防汛演练 …) whose volunteers signed up, signed in and out with the code (a few
 * forgot to sign out: the organiser recorded some by hand), with the hours confirmed and credited to the points
 * ledger; and three upcoming ones with sign-ups (one tomorrow at 阳光花园's community). Needs the registry part's
 * approved volunteers (none: nothing made).
 */
export async function seedActivities(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; past?: number; upcoming?: number; signups?: number; confirmed?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('vol_activities').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const volunteers = await db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.person_id as personId', 'p.path'])
    .where('v.street_id', '=', streetId)
    .where('v.status', '=', 'approved')
    .orderBy('v.person_name')
    .orderBy('v.id')
    .execute();
  if (!volunteers.length) return { skipped: 'no approved volunteers' };
  const rng = demo.random(VOL_ACTIVITIES_SEED);
  const communities = street.communities;
  const communityOf = (id: string) => communities.find((c) => c.id === id)!;
  // Where each activity is held: the communities in turn, every other one at one of its compounds.
  const placeFor = (i: number) => {
    const community = communities[i % communities.length]!;
    const compounds = street.compounds.filter((c) => c.communityId === community.id);
    return i % 2 === 1 && compounds.length ? compounds[Math.floor(i / 2) % compounds.length]! : community;
  };
  const localTo = (path: string) => volunteers.filter((v) => v.path.startsWith(path));
  let past = 0;
  let signups = 0;
  let confirmed = 0;

  for (const [i, p] of PAST.entries()) {
    const place = placeFor(i);
    const pool = localTo(place.path).length >= 3 ? localTo(place.path) : localTo(communityOf((place as { communityId?: string }).communityId ?? place.id)?.path ?? place.path);
    if (!pool.length) continue;
    const startsAt = shanghaiAt(demo.now, -p.daysAgo, p.hour);
    const endsAt = new Date(startsAt.getTime() + p.hours * 3_600_000);
    const chosen = pool.filter(() => rng.next() < 0.7).slice(0, 12);
    if (!chosen.length) chosen.push(pool[0]!);
    const capacity = Math.max(chosen.length, 5 + rng.int(0, 5));
    const { id } = await publishActivity(
      at(kernel, new Date(startsAt.getTime() - 7 * DAY)),
      { placeId: place.id, title: p.title, description: p.description, venue: p.venue, startsAt, endsAt, capacity, pointsPerHour: p.pph, skills: p.skills },
      { quiet: true },
    );
    past++;
    const { code_secret: secret } = await db.selectFrom('vol_activities').select('code_secret').where('street_id', '=', streetId).where('id', '=', id).executeTakeFirstOrThrow();
    const codeOf = (mode: 'in' | 'out', when: Date) => codeAt(secret, mode, windowOf(when));
    const handOuts: { signupPerson: string; inAt: Date }[] = [];
    for (const v of chosen) {
      await signUp(at(kernel, new Date(startsAt.getTime() - rng.int(1, 5) * DAY - rng.int(0, 600) * MIN), v.personId), id);
      signups++;
      const inAt = new Date(startsAt.getTime() + rng.int(-15, 10) * MIN);
      await checkInByCode(at(kernel, inAt, v.personId), codeOf('in', inAt));
      const roll = rng.next();
      if (roll < 0.85) {
        // Some stay a little past the end: their minutes are capped at the activity's length.
        const outAt = new Date(endsAt.getTime() + rng.int(-20, 25) * MIN);
        await checkInByCode(at(kernel, outAt, v.personId), codeOf('out', outAt));
      } else handOuts.push({ signupPerson: v.personId, inAt });
    }
    // Those who left without the code: the organiser records half of them by hand; the rest get nothing.
    for (const [k, h] of handOuts.entries()) {
      if (k % 2 === 1) continue;
      const s = await db.selectFrom('vol_activity_signups').select('id').where('street_id', '=', streetId).where('activity_id', '=', id).where('person_id', '=', h.signupPerson).executeTakeFirstOrThrow();
      await recordAttendance(at(kernel, new Date(endsAt.getTime() + 2 * 3_600_000)), id, s.id, { signedOutAt: new Date(endsAt.getTime() - 30 * MIN) });
    }
    const done = await confirmHours(at(kernel, new Date(endsAt.getTime() + DAY)), id);
    confirmed += done.confirmed.length;
  }

  let upcoming = 0;
  for (const [i, u] of UPCOMING.entries()) {
    const place = i === 0 ? communities[0]! : placeFor(i + 2);
    const pool = localTo(place.path);
    const startsAt = shanghaiAt(demo.now, u.days, u.hour);
    const { id } = await publishActivity(at(kernel, new Date(demo.now.getTime() - (3 - i) * DAY)), {
      placeId: place.id,
      title: u.title,
      description: u.description,
      venue: u.venue,
      startsAt,
      endsAt: new Date(startsAt.getTime() + u.hours * 3_600_000),
      capacity: u.capacity,
      pointsPerHour: u.pph,
      skills: u.skills,
    });
    upcoming++;
    const takers = pool.filter(() => rng.next() < 0.5).slice(0, u.capacity - 2);
    for (const v of takers) {
      await signUp(at(kernel, new Date(demo.now.getTime() - rng.int(1, 48) * 3_600_000), v.personId), id);
      signups++;
    }
  }
  return { past, upcoming, signups, confirmed };
}
