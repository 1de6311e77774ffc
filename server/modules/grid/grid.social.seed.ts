import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext, Rng } from '../../kernel/demo-seed.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import type { OrgField, OrgRegistration, ProjectGrade, ScoreCriterion } from './grid.social.contract.ts';
import { createApplication } from './use-cases/social-applications-create.ts';
import { evaluateProject } from './use-cases/social-evaluate.ts';
import { approveFunding, proposeFunding } from './use-cases/social-funding.ts';
import { setMilestones } from './use-cases/social-milestones-set.ts';
import { createOrg } from './use-cases/social-orgs-save.ts';
import { addReviewer } from './use-cases/social-panel.ts';
import { decideReport, submitReport } from './use-cases/social-reports.ts';
import { advanceRound } from './use-cases/social-rounds-advance.ts';
import { createRound } from './use-cases/social-rounds-create.ts';
import { submitScores } from './use-cases/social-scores-submit.ts';

/** The social part's draws: its own stream. */
export const SOCIAL_SEED = 2502;
export const DEMO_ROUND_2026 = '2026年安和街道公益创投';
export const DEMO_ROUND_2025 = '2025年安和街道公益创投';
/** A community round left in review: shuji has still to score, for the workbench's 评审 tab. */
export const DEMO_ROUND_MICRO = '2026年安和社区“微心愿”微创投';
/** The organisation juweihui belongs to: the panel's conflict of interest shows on its applications. */
export const DEMO_AFFILIATED_ORG = '安和夕阳红志愿服务队';

const DAY = 86_400_000;
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });
/** A tiny real PNG, one per report (stored files are kept by content). */
const photo = (n: string) => ({ filename: `${n}.png`, content: Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), Buffer.from(n)]) });

interface OrgPlan {
  name: string;
  at: 'community' | 'street';
  registration: OrgRegistration;
  field: OrgField;
  contact: string;
  people: number;
  description: string;
}
export const DEMO_ORGS: OrgPlan[] = [
  { name: DEMO_AFFILIATED_ORG, at: 'community', registration: 'filed', field: 'elderly', contact: '陈秀英', people: 46, description: '由社区退休党员和低龄老人组成，为高龄独居老人提供上门探访、代购代办。' },
  { name: '阳光花园邻里调解工作室', at: 'community', registration: 'filed', field: 'mediation', contact: '王建国', people: 9, description: '“老娘舅”式邻里纠纷调解，每周三晚在阳光花园物业服务中心坐班。' },
  { name: '小橘灯青少年成长营', at: 'community', registration: 'registered', field: 'youth', contact: '刘思雨', people: 18, description: '双职工家庭子女“四点半课堂”、暑期托管与阅读陪伴。' },
  { name: '安和绿意环保志愿队', at: 'community', registration: 'filed', field: 'environment', contact: '赵立新', people: 32, description: '垃圾分类桶边督导、旧物改造与楼道美化。' },
  { name: '安和晨练太极队', at: 'community', registration: 'incubating', field: 'culture', contact: '孙桂兰', people: 25, description: '每日清晨在社区广场带练太极拳、八段锦。' },
  { name: '同心助残服务社', at: 'community', registration: 'incubating', field: 'disability', contact: '周海燕', people: 11, description: '为辖区残疾人提供康复陪护、辅具借用和就业指导。' },
  { name: '安和邻里守望志愿队', at: 'community', registration: 'filed', field: 'volunteer', contact: '吴志强', people: 58, description: '夜间巡防、节假日值守与应急响应。' },
  { name: '安和街道社会工作服务中心', at: 'street', registration: 'registered', field: 'other', contact: '郑晓燕', people: 14, description: '街道枢纽型社会组织，承接社会组织孵化培育和项目督导。' },
  { name: '安和银铃合唱团', at: 'street', registration: 'filed', field: 'culture', contact: '何玉珍', people: 40, description: '街道老年合唱团，每周二、周五排练，参与社区文艺汇演。' },
  { name: '安和家庭教育指导站', at: 'street', registration: 'registered', field: 'youth', contact: '冯丽', people: 7, description: '家庭教育讲座、亲子沟通工作坊和个案咨询。' },
];

interface ProjectPlan {
  org: number;
  title: string;
  field: OrgField;
  summary: string;
  beneficiaries: string;
  budget: [string, number][];
}
const PROJECTS_2026: ProjectPlan[] = [
  { org: 0, title: '银龄守护·高龄独居老人探访', field: 'elderly', summary: '组建 20 人探访小组，每周上门探访 60 位高龄独居老人，建立健康档案与紧急联系卡。', beneficiaries: '高龄独居老人 60 人', budget: [['志愿者培训', 600000], ['探访物资', 1800000], ['紧急联系卡制作', 400000], ['项目管理', 500000]] },
  { org: 2, title: '小橘灯“四点半课堂”', field: 'youth', summary: '为双职工家庭小学生提供课后作业辅导、阅读陪伴与安全教育。', beneficiaries: '小学生 40 人', budget: [['场地布置', 500000], ['图书教具', 900000], ['大学生志愿者补贴', 1600000], ['保险', 300000]] },
  { org: 1, title: '邻里和事佬·楼道议事', field: 'mediation', summary: '在 6 个楼道设立议事角，调解员每月驻点，化解噪音、漏水、停车等邻里纠纷。', beneficiaries: '6 个楼道约 300 户', budget: [['议事角设置', 600000], ['调解员培训', 700000], ['宣传资料', 300000]] },
  { org: 3, title: '垃圾分类“桶边督导”', field: 'environment', summary: '早晚投放高峰在 12 个投放点开展桶边督导，提升分类准确率。', beneficiaries: '阳光花园等 3 个小区居民', budget: [['督导马甲与工具', 500000], ['志愿者餐补', 1500000], ['积分兑换礼品', 800000]] },
  { org: 5, title: '同心康复陪护计划', field: 'disability', summary: '为 15 位重度残疾人提供每月两次康复陪护和辅具上门维修。', beneficiaries: '重度残疾人 15 人', budget: [['康复师服务', 2000000], ['辅具维修', 800000], ['交通补贴', 400000]] },
  { org: 7, title: '社区社会组织孵化营', field: 'other', summary: '为 8 支培育中的社区社会组织提供能力建设培训与一对一督导。', beneficiaries: '培育中社会组织 8 支', budget: [['培训讲师', 1500000], ['督导服务', 1200000], ['成果展示', 500000]] },
];
const PROJECTS_2025: ProjectPlan[] = [
  { org: 0, title: '银龄互助·时间银行', field: 'elderly', summary: '低龄老人服务高龄老人，服务时长存入“时间银行”。', beneficiaries: '老人 120 人', budget: [['平台运营', 1200000], ['服务物资', 1300000]] },
  { org: 8, title: '银铃唱响安和', field: 'culture', summary: '合唱团走进 6 个小区开展惠民演出。', beneficiaries: '居民约 2000 人次', budget: [['服装', 800000], ['演出保障', 700000]] },
  { org: 6, title: '邻里守望夜巡', field: 'volunteer', summary: '组建夜巡志愿队，覆盖 4 个老旧小区。', beneficiaries: '老旧小区 4 个', budget: [['装备', 900000], ['保险', 300000]] },
  { org: 9, title: '亲子共读一小时', field: 'youth', summary: '每月两次亲子共读活动与家庭教育讲座。', beneficiaries: '亲子家庭 50 户', budget: [['图书', 600000], ['讲师', 600000]] },
];
const GRADES_2025: ProjectGrade[] = ['excellent', 'good', 'pass', 'fail'];
const CRITERIA: ScoreCriterion[] = ['need', 'feasibility', 'budget', 'capacity'];
const MAX: Record<ScoreCriterion, number> = { need: 30, feasibility: 30, budget: 20, capacity: 20 };

/** Scores a little below the maximum, drawn from the part's stream. */
const draw = (rng: Rng) => Object.fromEntries(CRITERIA.map((c) => [c, MAX[c] - rng.int(1, Math.round(MAX[c] / 3))])) as Record<ScoreCriterion, number>;

/**
 * The social part of the demo (SEED 2502): ten organisations (seven in 安和社区, three at the street); the 2025 round
 * closed with final evaluations; the 2026 street round — six applications, a panel of street2, shuji and juweihui
 * (juweihui belongs to 安和夕阳红志愿服务队, whose application they may not score), the funded list proposed by
 * `street` and approved by `street2`, milestones, one report accepted last month (a payout statement's line) and
 * one waiting; and 安和社区's micro round in review, shuji's scores still to come.
 */
export async function seedSocial(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; orgs?: number; rounds?: Record<string, string>; applications?: number; scores?: number; accepted?: number; microRound?: string }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const community = street.communities[0];
  if (!community) return { skipped: 'no community' };
  if (await read(kernel).selectFrom('grid_social_orgs').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const [official, official2, shuji, juweihui] = await Promise.all([demo.as('street'), demo.as('street2'), demo.as('shuji'), demo.as('juweihui')]);
  if (!official || !official2 || !shuji || !juweihui) return { skipped: 'no staff logins' };
  const rng = demo.random(SOCIAL_SEED);
  const now = demo.now;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const orgIds: string[] = [];
  for (const [i, o] of DEMO_ORGS.entries()) {
    const { id } = await createOrg(at(official, ago(720 - i * 20)), {
      placeId: o.at === 'street' ? streetId : community.id,
      name: o.name,
      registration: o.registration,
      field: o.field,
      foundedOn: new Date(ago(900 + i * 97).getTime()).toISOString().slice(0, 10),
      contactName: o.contact,
      contactPhone: `139${String(57_000_000 + i * 1_111_37).padStart(8, '0')}`,
      peopleCount: o.people,
      description: o.description,
    });
    orgIds.push(id);
  }
  const panel = [
    { ctx: official2, accountId: official2.actor.accountId, affiliation: null as string | null },
    { ctx: shuji, accountId: shuji.actor.accountId, affiliation: null as string | null },
    { ctx: juweihui, accountId: juweihui.actor.accountId, affiliation: orgIds[0]! },
  ];
  let scores = 0;
  let accepted = 0;
  let applications = 0;

  /** A round up to review: created, call, applications, panel, review; scores by each reviewer but those left out. */
  async function roundToReview(o: { placeId: string; title: string; year: number; poolFen: number; capFen: number; opensOn: string; closesOn: string; start: number; projects: ProjectPlan[]; skipScores?: string }) {
    const { id } = await createRound(at(official!, ago(o.start)), { placeId: o.placeId, title: o.title, year: o.year, poolFen: o.poolFen, capFen: o.capFen, opensOn: o.opensOn, closesOn: o.closesOn });
    await advanceRound(at(official!, ago(o.start - 5)), id, 'call');
    for (const m of panel) await addReviewer(at(official!, ago(o.start - 6)), id, { accountId: m.accountId, affiliationOrgId: m.affiliation });
    const apps: { id: string; org: string; budgetFen: number }[] = [];
    for (const [i, p] of o.projects.entries()) {
      const entered = await createApplication(at(official!, ago(o.start - 10 - i)), id, {
        orgId: orgIds[p.org]!,
        title: p.title,
        field: p.field,
        summary: p.summary,
        beneficiaries: p.beneficiaries,
        budget: p.budget.map(([item, amountFen]) => ({ item, amountFen })),
      });
      apps.push({ id: entered.id, org: orgIds[p.org]!, budgetFen: p.budget.reduce((s, [, f]) => s + f, 0) });
      applications++;
    }
    await advanceRound(at(official!, ago(o.start - 40)), id, 'review');
    for (const m of panel) {
      if (m.accountId === o.skipScores) continue;
      for (const a of apps) {
        if (a.org === m.affiliation) continue;
        await submitScores(at(m.ctx, ago(o.start - 45)), a.id, { scores: draw(rng) });
        scores += 4;
      }
    }
    return { id, apps };
  }

  /** Funded list (the first n applications, each granted its budget), approved by street2, milestones, running. */
  async function fundAndRun(id: string, apps: { id: string; budgetFen: number }[], n: number, start: number) {
    const chosen = apps.slice(0, n);
    await proposeFunding(at(official!, ago(start - 50)), id, { lines: chosen.map((a) => ({ applicationId: a.id, grantFen: a.budgetFen })) });
    await approveFunding(at(official2!, ago(start - 52)), id);
    const milestones = new Map<string, string>();
    for (const a of chosen) {
      const half = Math.round(a.budgetFen / 2 / 100) * 100;
      await setMilestones(at(official!, ago(start - 55)), a.id, {
        milestones: [
          { title: '项目启动与中期执行', dueOn: ago(start - 150).toISOString().slice(0, 10), trancheFen: half },
          { title: '项目结项', dueOn: ago(start - 300).toISOString().slice(0, 10), trancheFen: a.budgetFen - half },
        ],
      });
    }
    await advanceRound(at(official!, ago(start - 56)), id, 'running');
    const rows = await read(kernel).selectFrom('grid_venture_milestones').select(['id', 'application_id', 'seq']).where('street_id', '=', streetId).where('application_id', 'in', chosen.map((a) => a.id)).orderBy('seq').execute();
    for (const r of rows) milestones.set(`${r.application_id}:${r.seq}`, r.id);
    return { chosen, milestones };
  }

  async function reportAccepted(milestoneId: string, submitted: Date, decided: Date, note: string) {
    const { id } = await submitReport(at(official!, submitted), milestoneId, { note, labels: '活动照片' }, [photo(`${milestoneId}-${submitted.getTime()}`)]);
    await decideReport(at(official!, decided), id, { accept: true, note: '材料齐全，同意拨付' });
    accepted++;
  }

  // 2025: closed, every funded project evaluated.
  const r25 = await roundToReview({ placeId: streetId, title: DEMO_ROUND_2025, year: 2025, poolFen: 8_000_000, capFen: 3_000_000, opensOn: '2025-03-01', closesOn: '2025-04-15', start: 640, projects: PROJECTS_2025 });
  const run25 = await fundAndRun(r25.id, r25.apps, 4, 640);
  for (const [i, a] of run25.chosen.entries()) {
    await reportAccepted(run25.milestones.get(`${a.id}:1`)!, ago(500 - i), ago(495 - i), '中期执行情况报告及活动照片');
    await reportAccepted(run25.milestones.get(`${a.id}:2`)!, ago(400 - i), ago(395 - i), '结项报告、财务决算及活动照片');
    await evaluateProject(at(official, ago(385 - i)), a.id, { grade: GRADES_2025[i]!, note: i === 3 ? '活动开展次数未达申报目标' : '完成申报目标，居民反映良好' });
  }
  await advanceRound(at(official, ago(370)), r25.id, 'closed');

  // 2026: running; the first project's first report accepted last month, the second project's waiting for review.
  const r26 = await roundToReview({ placeId: streetId, title: DEMO_ROUND_2026, year: 2026, poolFen: 12_000_000, capFen: 4_000_000, opensOn: '2026-03-01', closesOn: '2026-04-30', start: 280, projects: PROJECTS_2026 });
  const run26 = await fundAndRun(r26.id, r26.apps, 4, 280);
  const last = previousPeriod('month', now);
  const lastMid = new Date(last.start.getTime() + 12 * DAY + 3 * 3_600_000);
  await reportAccepted(run26.milestones.get(`${run26.chosen[0]!.id}:1`)!, new Date(lastMid.getTime() - 2 * DAY), lastMid, '已探访高龄独居老人 60 户，建立健康档案 58 份');
  await submitReport(at(official, ago(2)), run26.milestones.get(`${run26.chosen[1]!.id}:1`)!, { note: '四点半课堂已开班 16 周，累计服务 620 人次', labels: '课堂照片' }, [photo(`r26-${run26.chosen[1]!.id}`)]);

  // 安和社区's micro round, in review: shuji has not scored yet.
  const micro = await roundToReview({
    placeId: community.id,
    title: DEMO_ROUND_MICRO,
    year: 2026,
    poolFen: 3_000_000,
    capFen: 1_000_000,
    opensOn: '2026-10-15',
    closesOn: '2026-11-15',
    start: 60,
    skipScores: shuji.actor.accountId,
    projects: [
      { org: 0, title: '高龄老人“助餐车”', field: 'elderly', summary: '每周三次为行动不便的高龄老人送餐上门。', beneficiaries: '高龄老人 25 人', budget: [['餐车改装', 400000], ['志愿者补贴', 500000]] },
      { org: 4, title: '太极进楼道', field: 'culture', summary: '在 4 个楼道开展太极拳教学。', beneficiaries: '居民 80 人', budget: [['服装', 300000], ['音响', 200000]] },
      { org: 6, title: '楼道微心愿墙', field: 'volunteer', summary: '收集困难家庭微心愿并对接认领。', beneficiaries: '困难家庭 30 户', budget: [['心愿墙制作', 200000], ['认领物资', 600000]] },
    ],
  });

  demo.notes.push(`公益创投：「${DEMO_ROUND_MICRO}」评审中——shuji 在 /grid/social/rounds 补打分，street 提交资助名单、street2 批准；社会组织名录在 /grid/social/orgs，居民在 /h5/grid/social 看公开的组织和资助项目。`);
  return { orgs: orgIds.length, rounds: { [DEMO_ROUND_2025]: 'closed', [DEMO_ROUND_2026]: 'running', [DEMO_ROUND_MICRO]: 'review' }, applications, scores, accepted, microRound: micro.id };
}
