import { audit, type Ctx, type Kernel } from '../../kernel/context.ts';
import { SYSTEM_ACTOR, type Grant } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { currentPositions, DEMO_STREET } from '../registry/index.ts';
import { read, write } from './party.db.ts';
import { claimPost } from './use-cases/claims-member-claim.ts';
import { claimProjectForOrg } from './use-cases/claims-org-claim.ts';
import { createProject } from './use-cases/projects-create.ts';
import { decideMemberReport } from './use-cases/reporting-decide-member-report.ts';
import { decideOrgReport } from './use-cases/reporting-decide-org-report.ts';
import { homeCommunities } from './use-cases/reporting-home-communities.ts';
import { submitMemberReport } from './use-cases/reporting-submit-member-report.ts';
import { submitOrgReport } from './use-cases/reporting-submit-org-report.ts';
import { recordService } from './use-cases/services-record.ts';

/** This part's draws (demo.random): the same stream every run, apart from every other part's. */
export const REPORTING_SEED = 22_02;

/** The resident the e2e journey reports (张明远, employed at the tax branch, lives in 安和社区): left unreported. */
export const E2E_MEMBER_PHONE = '13800000001';

/** China noon of a day: the demo's "when" for a step on that day. */
const noon = (day: string) => new Date(`${day}T04:00:00Z`);
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

interface PlannedPost {
  title: string;
  slots: number;
  pointsPerHour: number;
  description?: string;
}
interface PlannedProject {
  title: string;
  description: string;
  /** At a compound of the community (its index), else the community. */
  compound?: number;
  posts: PlannedPost[];
}

/** Service projects a community lists: believable standing activities with posts. */
const PROJECTS: Record<'anhe' | 'heshun', PlannedProject[]> = {
  anhe: [
    {
      title: '楼道清洁日',
      description: '每月第一个周六上午，党员带头清理楼道杂物、擦拭扶手和信报箱，消除消防通道堆物隐患。',
      compound: 0,
      posts: [
        { title: '周六楼道清洁岗', slots: 8, pointsPerHour: 10 },
        { title: '消防通道巡查岗', slots: 4, pointsPerHour: 12 },
      ],
    },
    {
      title: '独居老人助老陪伴',
      description: '与社区独居、高龄老人结对，每周上门或电话问候一次，帮助代购、代办、陪同就医。',
      posts: [
        { title: '独居老人结对岗', slots: 10, pointsPerHour: 15 },
        { title: '陪同就医岗', slots: 4, pointsPerHour: 15 },
      ],
    },
    {
      title: '垃圾分类督导',
      description: '早晚投放高峰在分类投放点值守，指导居民正确分类，劝导混投。',
      compound: 1,
      posts: [
        { title: '早高峰督导岗（7:00–8:30）', slots: 6, pointsPerHour: 10 },
        { title: '晚高峰督导岗（18:30–20:00）', slots: 6, pointsPerHour: 10 },
      ],
    },
    {
      title: '四点半课堂',
      description: '放学后在社区党群服务中心为双职工家庭的小学生提供作业辅导和兴趣课。',
      posts: [
        { title: '作业辅导志愿者', slots: 6, pointsPerHour: 12 },
        { title: '科普兴趣课讲师', slots: 2, pointsPerHour: 20 },
      ],
    },
    {
      title: '邻里矛盾调解',
      description: '协助人民调解委员会化解停车、噪音、漏水等邻里纠纷，法律专业党员优先。',
      posts: [{ title: '调解志愿者', slots: 4, pointsPerHour: 20 }],
    },
    {
      title: '政策宣讲进小区',
      description: '结合本职工作，为居民讲解个税汇算、社保医保等政策，每季度一次。',
      compound: 0,
      posts: [{ title: '政策宣讲员', slots: 4, pointsPerHour: 20 }],
    },
  ],
  heshun: [
    {
      title: '楼道清洁日',
      description: '每月第一个周六上午清理楼道杂物、张贴文明公约。',
      posts: [{ title: '周六楼道清洁岗', slots: 8, pointsPerHour: 10 }],
    },
    {
      title: '垃圾分类督导',
      description: '在小区分类投放点值守，指导居民分类投放。',
      compound: 0,
      posts: [
        { title: '早高峰督导岗（7:00–8:30）', slots: 5, pointsPerHour: 10 },
        { title: '晚高峰督导岗（18:30–20:00）', slots: 5, pointsPerHour: 10 },
      ],
    },
    {
      title: '助老陪伴·银龄关爱',
      description: '与空巢老人结对，每周问候，节日上门慰问，帮助老人使用智能手机。',
      posts: [
        { title: '空巢老人结对岗', slots: 8, pointsPerHour: 15 },
        { title: '智能手机教学岗', slots: 3, pointsPerHour: 12 },
      ],
    },
    {
      title: '四点半课堂',
      description: '为社区小学生提供课后托管、作业辅导和阅读分享。',
      posts: [{ title: '作业辅导志愿者', slots: 6, pointsPerHour: 12 }],
    },
    {
      title: '平安巡逻',
      description: '夜间在小区及周边道路巡逻，检查消防设施、电动车违规充电。',
      compound: 0,
      posts: [{ title: '夜间巡逻岗', slots: 6, pointsPerHour: 12 }],
    },
  ],
};

const REJECT_REASON = '居住地址与登记信息不一致，请核实住址后重新报到';
const SKILLS = ['财务会计，可协助业委会查账', '法律咨询', '计算机维修、手机使用教学', '书法、绘画', '急救培训（红十字救护员证）', '摄影摄像', '英语辅导', '心理咨询', '电工维修'];
const NOTES = ['楼道清理完毕，堆物已清运', '陪同老人复诊', '督导居民分类投放', '辅导作业 6 名学生', '协助调解停车纠纷', '上门问候，代购药品', '夜间巡逻，发现并报告一处电动车违规充电'];

/**
 * The reporting part of the demo (after the members part): 和平区实验小学党总支 reported to 安和社区 and 和平区税务局
 * 第一税务所党支部 (danwei) to 和顺社区, both confirmed (NOT the tax branch to 安和社区: the e2e reports it there); the
 * street's employed members reported to the community where they live and confirmed, one pending and one rejected with
 * its reason — all but 张明远 (13800000001), whom the e2e reports; six projects in 安和社区 and five in 和顺社区 with
 * their posts; the organisations' claims for 2025 and 2026 and the members' claims of posts, with service records over
 * both years (the letters part sends the 2025 letters from them). Through the part's use cases, at the dates the
 * steps happened. A no-op once projects exist.
 */
export async function seedReporting(kernel: Kernel, demo: DemoSeedContext) {
  const street = demo.get(DEMO_STREET);
  const danwei = await demo.as('danwei');
  const shuji = await demo.as('shuji');
  if (!street || !danwei || !shuji) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('pty_projects').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(REPORTING_SEED);
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const today = chinaDay(demo.now);
  const [anhe, heshun] = street.communities;
  const tax = street.workplaceOrgs.find((o) => o.name.includes('税务'));
  const school = street.workplaceOrgs.find((o) => o.name.includes('小学'));
  if (!anhe || !heshun || !tax || !school) return { skipped: 'no communities or workplace organisations' };
  /** Who acts for a community: 安和社区's secretary shuji; 和顺社区 has no demo login, the system acts for it. */
  const staffOf = (communityId: string) => (communityId === anhe.id ? shuji : system);

  // Projects, listed early in 2025.
  const projectIds: Record<string, string[]> = { [anhe.id]: [], [heshun.id]: [] };
  for (const [key, community] of [['anhe', anhe], ['heshun', heshun]] as const) {
    const compounds = street.compounds.filter((c) => c.communityId === community.id);
    let day = 6;
    for (const p of PROJECTS[key]) {
      const placeId = p.compound !== undefined ? compounds[p.compound]?.id : undefined;
      const { id } = await createProject(at(staffOf(community.id), noon(`2025-01-${String(day++).padStart(2, '0')}`)), {
        communityId: community.id,
        placeId,
        title: p.title,
        description: p.description,
        posts: p.posts.map((t) => ({ title: t.title, description: t.description ?? '', slots: t.slots, pointsPerHour: t.pointsPerHour })),
      });
      projectIds[community.id]!.push(id);
    }
  }

  // The organisations report and are confirmed. The school's secretary has no login: the system acts as them.
  const day = chinaDay(demo.now);
  const [schoolSecretary] = await currentPositions(read(kernel), { streetId, day, organisationIds: [school.id] });
  const streetGrant: Grant = { role: 'workplace_party_contact', placeId: streetId, placePath: (await read(kernel).selectFrom('street_places').select('path').where('id', '=', streetId).executeTakeFirstOrThrow()).path, placeName: street.street.name };
  const schoolLiaison: Ctx | undefined = schoolSecretary
    ? { kernel, actor: { ...SYSTEM_ACTOR, name: schoolSecretary.personName, personId: schoolSecretary.personId, grants: [streetGrant] } }
    : undefined;
  const taxReport = await submitOrgReport(at(danwei, noon('2025-01-08')), {
    organisationId: tax.id,
    communityId: heshun.id,
    contactName: danwei.actor.name,
    contactPhone: '02388610236',
    note: '本支部在职党员 12 名，居住在和顺社区的 5 名。',
  });
  await decideOrgReport(at(system, noon('2025-01-10')), taxReport.id, { decision: 'confirm' });
  if (schoolLiaison) {
    const schoolReport = await submitOrgReport(at(schoolLiaison, noon('2025-01-09')), {
      organisationId: school.id,
      communityId: anhe.id,
      contactName: schoolSecretary!.personName,
      contactPhone: '02388752001',
      note: '可提供四点半课堂师资。',
    });
    await decideOrgReport(at(shuji, noon('2025-01-13')), schoolReport.id, { decision: 'confirm' });
    await claimProjectForOrg(at(schoolLiaison, noon('2025-02-20')), projectIds[anhe.id]![3]!, { organisationId: school.id });
    await claimProjectForOrg(at(schoolLiaison, noon('2026-02-24')), projectIds[anhe.id]![3]!, { organisationId: school.id });
    await claimProjectForOrg(at(schoolLiaison, noon('2026-03-02')), projectIds[anhe.id]![1]!, { organisationId: school.id });
  }
  await claimProjectForOrg(at(danwei, noon('2025-02-18')), projectIds[heshun.id]![1]!, { organisationId: tax.id });
  await claimProjectForOrg(at(danwei, noon('2026-02-26')), projectIds[heshun.id]![2]!, { organisationId: tax.id });

  // Employed members report to the community where they live (all but the e2e's).
  const e2ePerson = demo.account(E2E_MEMBER_PHONE)?.personId ?? null;
  const members = await read(kernel)
    .selectFrom('pty_members')
    .select(['id', 'person_id as personId', 'person_name as personName', 'place_id as placeId', 'street_id as streetId'])
    .where('street_id', '=', streetId)
    .where('membership', '=', 'employed')
    .where('status', '=', 'active')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
  const reporters: { member: (typeof members)[number]; communityId: string; ctx: Ctx }[] = [];
  for (const m of members) {
    if (m.personId === e2ePerson) continue;
    const homes = await homeCommunities(read(kernel), m);
    const home = homes.find((h) => h.id === anhe.id || h.id === heshun.id);
    if (!home) continue;
    reporters.push({ member: m, communityId: home.id, ctx: { kernel, actor: { ...SYSTEM_ACTOR, name: m.personName, personId: m.personId } } });
  }
  let reported = 0;
  let pending = 0;
  let rejected = 0;
  const confirmed: typeof reporters = [];
  for (const [i, r] of reporters.entries()) {
    const isLast = i === reporters.length - 1;
    const isRejected = i === reporters.length - 2;
    const when = isLast ? noon(`${today.slice(0, 7)}-01`) : noon(`2025-0${1 + (i % 3)}-${String(10 + (i % 18)).padStart(2, '0')}`);
    const report = await submitMemberReport(at(r.ctx, when), { communityId: r.communityId, skills: rng.pick(SKILLS) });
    reported++;
    if (isLast) {
      pending++;
      continue;
    }
    const decidedAt = new Date(when.getTime() + 3 * 86_400_000);
    if (isRejected) {
      await decideMemberReport(at(staffOf(r.communityId), decidedAt), report.id, { decision: 'reject', reason: REJECT_REASON });
      rejected++;
      continue;
    }
    await decideMemberReport(at(staffOf(r.communityId), decidedAt), report.id, { decision: 'confirm' });
    confirmed.push(r);
  }

  // Confirmed members claim posts of their community, in 2025 and 2026, and serve on them.
  let claims = 0;
  let services = 0;
  for (const year of [2025, 2026]) {
    if (`${year}-03-01` > today) continue;
    for (const r of confirmed) {
      const posts = await read(kernel)
        .selectFrom('pty_posts as t')
        .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 't.street_id').onRef('p.id', '=', 't.project_id'))
        .select(['t.id'])
        .where('p.street_id', '=', streetId)
        .where('p.community_id', '=', r.communityId)
        .orderBy('p.created_at')
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute();
      const wanted = rng.int(1, 2);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(wanted, posts.length)) chosen.add(rng.pick(posts).id);
      for (const postId of chosen) {
        const claimed = await claimPost(at(r.ctx, noon(`${year}-0${rng.int(2, 3)}-${String(rng.int(10, 28))}`)), { postId }).catch(() => undefined);
        if (!claimed) continue;
        claims++;
        const times = rng.int(3, 6);
        for (let k = 0; k < times; k++) {
          const month = rng.int(3, year === 2026 ? Math.min(10, Number(today.slice(5, 7)) - 1) : 12);
          if (month < 3) continue;
          const servedOn = `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
          if (servedOn > today) continue;
          await recordService(at(staffOf(r.communityId), new Date(noon(servedOn).getTime() + 2 * 86_400_000)), {
            claimId: claimed.id,
            servedOn,
            minutes: rng.pick([60, 90, 120, 120, 150, 180, 240]),
            note: rng.pick(NOTES),
          });
          services++;
        }
      }
    }
  }
  await write(system, async (tx) =>
    audit(tx, system, { action: 'party.reporting.demo_seeded', placeId: streetId, detail: { seed: REPORTING_SEED, reported, pending, rejected, claims, services } }),
  );
  return { projects: Object.values(projectIds).flat().length, reported, pending, rejected, claims, services };
}
