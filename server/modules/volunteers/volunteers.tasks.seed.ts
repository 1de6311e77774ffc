import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { cancelTask } from './use-cases/tasks-cancel.ts';
import { confirmTask } from './use-cases/tasks-confirm.ts';
import { createTask } from './use-cases/tasks-create.ts';
import { finishTask } from './use-cases/tasks-done.ts';
import { grabTask } from './use-cases/tasks-grab.ts';

/** The tasks part's draws: its own stream. */
export const TASKS_SEED = 2363;
/** The open task at 阳光花园 the e2e journey grabs: nobody in the demo has taken it. */
export const DEMO_OPEN_TASK = '为独居老人代取药品';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A tiny real PNG: the photo of a finished demo task. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A moment in Shanghai `days` from `now`, at the given hour. */
const shanghaiAt = (now: Date, days: number, hour: number) => {
  const day = new Date(now.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
};
/** The same actor at a moment of the demo's past: what it records carries that time. */
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });

type Plan = {
  title: string;
  target: string;
  description: string;
  points: number;
  minutes: number;
  /** Where: the compound of the demo layout (index), or its community. */
  place: { compound: number } | { communityOf: number };
  postedDaysAgo: number;
  deadlineDays: number;
  /** How far it went: grabbed (hours after posting), done, confirmed; cancelled with a reason. */
  to: 'open' | 'grabbed' | 'done' | 'confirmed' | 'cancelled';
  note?: string;
  reason?: string;
};

const PLANS: Plan[] = [
  { title: DEMO_OPEN_TASK, target: '3栋2单元501 独居老人刘奶奶', description: '刘奶奶腿脚不便，需到社区卫生服务中心代取降压药（药费已预付），送到家中并提醒按时服用。', points: 20, minutes: 30, place: { compound: 0 }, postedDaysAgo: 0, deadlineDays: 3, to: 'open' },
  { title: '周末居民议事会会场布置', target: '安和社区党群服务中心二楼', description: '摆放桌椅、张贴议题、准备签到表，会后协助复原。', points: 15, minutes: 90, place: { communityOf: 0 }, postedDaysAgo: 1, deadlineDays: 4, to: 'open' },
  { title: '楼道小广告清理', target: '5栋各单元楼道', description: '清理楼道墙面和电梯口的小广告，工具到物业服务中心领取。', points: 10, minutes: 60, place: { compound: 1 }, postedDaysAgo: 10, deadlineDays: -3, to: 'open' },
  { title: '陪同高龄老人复诊', target: '2栋1单元102 王大爷', description: '王大爷 86 岁，周四上午到区人民医院复诊，需一名志愿者陪同挂号取药。', points: 25, minutes: 180, place: { compound: 2 }, postedDaysAgo: 2, deadlineDays: 2, to: 'grabbed' },
  { title: '帮助独居老人更换灯泡', target: '6栋1单元301 陈奶奶', description: '厨房和卫生间灯泡损坏，灯泡已备好，需要一名会简单电工的志愿者。', points: 10, minutes: 30, place: { compound: 0 }, postedDaysAgo: 4, deadlineDays: 2, to: 'done', note: '已更换厨房和卫生间灯泡各一只，试用正常，陈奶奶很满意。' },
  { title: '垃圾分类桶边督导', target: '阳光花园东门投放点', description: '早高峰 7:00–9:00 在投放点指导居民分类投放。', points: 15, minutes: 120, place: { compound: 0 }, postedDaysAgo: 21, deadlineDays: -16, to: 'confirmed', note: '两小时督导，纠正混投 12 次，居民配合度高。' },
  { title: '社区反诈宣传单张贴', target: '各小区单元门口宣传栏', description: '把反诈宣传单张贴到各单元门口宣传栏，并拍照留存。', points: 10, minutes: 60, place: { communityOf: 3 }, postedDaysAgo: 30, deadlineDays: -25, to: 'confirmed', note: '已张贴 24 个单元宣传栏，照片见附件。' },
  { title: '雨天帮忙收晾晒衣物', target: '1栋楼下晾衣区 独居老人', description: '突降大雨，帮助楼下晾衣区的老人收回衣物。', points: 5, minutes: 20, place: { compound: 3 }, postedDaysAgo: 6, deadlineDays: -5, to: 'cancelled', reason: '天气转晴，已无需帮忙' },
];

/**
 * The tasks part of the demo: eight tasks over the street's communities and compounds in every status — at 阳光花园
 * the open 「为独居老人代取药品」 nobody has taken (20 points, 30 minutes, three days left), an open community task,
 * one expired, one grabbed, one done waiting for 安和社区 to confirm, two confirmed (credited through the ledger) and
 * one cancelled. Posted by 安和社区's committee staff (juweihui) or the street official; grabbed by approved volunteers
 * from the registry part's demo, those with a login first (a photo names its uploader's account). Without approved
 * volunteers only the open, expired and cancelled tasks are made.
 */
export async function seedTasks(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; made?: number; byStatus?: Record<string, number> }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('vol_tasks').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const committee = await demo.as('juweihui');
  const official = await demo.as('street');
  if (!committee || !official) return { skipped: 'no staff logins' };
  const rng = demo.random(TASKS_SEED);
  const volunteers = await db
    .selectFrom('vol_volunteers as v')
    .leftJoin('accounts as a', (j) => j.onRef('a.person_id', '=', 'v.person_id').on('a.disabled', '=', false))
    .select(['v.person_id as personId', 'v.person_name as personName', 'a.id as accountId'])
    .where('v.street_id', '=', streetId)
    .where('v.status', '=', 'approved')
    .orderBy('v.person_name')
    .orderBy('v.person_id')
    .execute();
  // 13800000003 registers in the e2e journey; the demo never acts as her. Volunteers with a login act first.
  const journey = demo.account('13800000003')?.personId;
  const actors = volunteers
    .filter((v) => v.personId !== journey)
    .sort((a, b) => Number(!a.accountId) - Number(!b.accountId) || a.personName.localeCompare(b.personName, 'zh-CN'))
    .map((v): Ctx => ({ kernel, actor: { ...SYSTEM_ACTOR, accountId: v.accountId ?? SYSTEM_ACTOR.accountId, name: v.personName, personId: v.personId } }));
  const withLogin = actors.filter((a) => a.actor.accountId !== SYSTEM_ACTOR.accountId);
  const byStatus: Record<string, number> = {};
  let next = 0;
  for (const plan of PLANS) {
    const compound = street.compounds['compound' in plan.place ? plan.place.compound : plan.place.communityOf];
    if (!compound) continue;
    const placeId = 'compound' in plan.place ? compound.id : compound.communityId;
    const staff = compound.communityId === street.compounds[0]!.communityId ? committee : official;
    const needsPhoto = plan.to === 'done' || plan.to === 'confirmed';
    const pool = needsPhoto ? withLogin : actors;
    if ((plan.to === 'grabbed' || needsPhoto) && !pool.length) continue;
    const posted = plan.postedDaysAgo === 0 ? demo.now : shanghaiAt(demo.now, -plan.postedDaysAgo, 8 + rng.int(0, 3));
    const deadline = shanghaiAt(demo.now, plan.deadlineDays, 18);
    const past = plan.postedDaysAgo > 0 && plan.to !== 'open';
    const { id } = await createTask(at(staff, posted), { placeId, title: plan.title, description: plan.description, target: plan.target, points: plan.points, minutes: plan.minutes, deadline }, { quiet: past || plan.deadlineDays < 0 });
    if (plan.to === 'grabbed' || needsPhoto) {
      const volunteer = pool[next++ % pool.length]!;
      const grabbed = new Date(posted.getTime() + rng.int(5, 90) * 60_000);
      await grabTask(at(volunteer, grabbed), id);
      if (needsPhoto) {
        const done = new Date(Math.min(grabbed.getTime() + rng.int(20, 40) * HOUR, demo.now.getTime() - HOUR));
        await finishTask(at(volunteer, done), id, { note: plan.note! }, [{ filename: 'photo.png', content: PHOTO }]);
        if (plan.to === 'confirmed') await confirmTask(at(staff, new Date(done.getTime() + rng.int(2, 20) * HOUR)), id);
      }
    }
    if (plan.to === 'cancelled') await cancelTask(at(staff, new Date(posted.getTime() + 3 * HOUR)), id, plan.reason!);
    const shown = plan.to === 'open' && plan.deadlineDays < 0 ? 'expired' : plan.to;
    byStatus[shown] = (byStatus[shown] ?? 0) + 1;
  }
  return { made: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}
