import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, organisationsOfKind } from '../registry/index.ts';
import type { ActivityKind } from './party.tables.ts';
import { read } from './party.db.ts';
import { audienceOf } from './use-cases/activities-reported-members.ts';
import { scheduleActivity } from './use-cases/activities-schedule.ts';
import { recordAttendance } from './use-cases/activities-sign-in.ts';

/** The activities part's draws: its own stream. */
export const ACTIVITIES_SEED = 2262;

const DAY = 86_400_000;
const PAST: { kind: ActivityKind; title: string; venue: string; agenda: string; daysAgo: number }[] = [
  { kind: 'study', title: '学习贯彻党的二十届四中全会精神专题学习会', venue: '社区党群服务中心三楼会议室', agenda: '一、领学全会公报；二、交流学习体会；三、结合社区治理谈打算', daysAgo: 12 },
  { kind: 'theme_day', title: '“红色物业 温暖邻里”主题党日', venue: '社区党群服务中心一楼', agenda: '一、重温入党誓词；二、走访独居老人；三、小区公共区域清扫', daysAgo: 40 },
  { kind: 'org_life', title: '第三季度组织生活会', venue: '社区党群服务中心三楼会议室', agenda: '一、通报季度党建工作；二、批评与自我批评；三、民主评议党员', daysAgo: 75 },
  { kind: 'volunteer', title: '党员志愿服务：垃圾分类桶边督导', venue: '各小区垃圾分类投放点', agenda: '分时段到各投放点指导居民分类投放', daysAgo: 96 },
];
const EXCUSES = ['出差在外', '身体不适住院', '照顾生病家属', '单位值班', '外出探亲'];

/** A moment in Shanghai `days` from the seed's now, at the given hour. */
const shanghaiAt = (now: Date, days: number, hour: number) => {
  const day = new Date(now.getTime() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
};

/** The system acting at a moment of the demo's past: what it records carries that time. */
const at = (kernel: Kernel, when: Date): Ctx => ({ kernel: { ...kernel, clock: { now: () => when } }, actor: SYSTEM_ACTOR });

/**
 * Party activities' part of the demo: each community's party organisation held four activities over the last three
 * months (a 学习会, a 主题党日, a 组织生活会, a 志愿服务), each with most members present, one or two excused with a
 * reason and a few absent; and 安和社区 has a 主题党日 in three days for its members and the employed members confirmed
 * there (双报到), who were notified. Needs the members part's demo (no members: nothing to invite, nothing made).
 */
export async function seedActivities(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; past?: number; upcoming?: number; present?: number; excused?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('pty_activities').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(ACTIVITIES_SEED);
  const orgs = await organisationsOfKind(read(kernel), 'party_org', { streetId });
  let past = 0;
  let present = 0;
  let excused = 0;
  let upcoming = 0;
  for (const [i, community] of street.communities.entries()) {
    const org = orgs.find((o) => o.placeId === community.id && o.partyLevel !== 'workplace');
    if (!org) continue;
    const audience = await audienceOf(read(kernel), { streetId, branchId: org.id, communityId: community.id, includeReported: true });
    if (!audience.length) continue;
    for (const p of PAST) {
      const startsAt = shanghaiAt(demo.now, -p.daysAgo - i, p.kind === 'volunteer' ? 8 : 14);
      const endsAt = new Date(startsAt.getTime() + (p.kind === 'volunteer' ? 3 : 2) * 3_600_000);
      const { id } = await scheduleActivity(
        at(kernel, new Date(startsAt.getTime() - 7 * DAY)),
        { branchId: org.id, kind: p.kind, title: p.title, startsAt, endsAt, venue: p.venue, agenda: p.agenda, includeReported: p.kind !== 'org_life' },
        { quiet: true },
      );
      past++;
      const attendees = await read(kernel).selectFrom('pty_activity_attendees').select('id').where('street_id', '=', streetId).where('activity_id', '=', id).orderBy('person_name').orderBy('id').execute();
      const marks: Parameters<typeof recordAttendance>[2][number][] = [];
      for (const t of attendees) {
        const roll = rng.next();
        if (roll < 0.8) {
          marks.push({ attendeeId: t.id, status: 'present', at: new Date(startsAt.getTime() + rng.int(-10, 10) * 60_000) });
          present++;
        } else if (roll < 0.9) {
          marks.push({ attendeeId: t.id, status: 'excused', reason: rng.pick(EXCUSES) });
          excused++;
        }
      }
      if (marks.length) await recordAttendance(at(kernel, endsAt), id, marks);
    }
    if (i === 0) {
      const startsAt = shanghaiAt(demo.now, 3, 9);
      await scheduleActivity(at(kernel, demo.now), {
        branchId: org.id,
        kind: 'theme_day',
        title: `${community.name}“亮身份 践承诺”主题党日`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2.5 * 3_600_000),
        venue: '社区党群服务中心一楼多功能厅',
        agenda: '一、重温入党誓词；二、在职党员双报到认领服务项目；三、党员亮身份承诺践诺',
        includeReported: true,
      });
      upcoming++;
    }
  }
  return { past, upcoming, present, excused };
}
