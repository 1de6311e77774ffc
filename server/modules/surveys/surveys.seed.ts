import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, roomsWithOwnershipOf } from '../registry/index.ts';
import { read } from './surveys.db.ts';
import type { QuestionInput } from './surveys.schemas.ts';
import { answerSurvey } from './use-cases/answer-survey.ts';
import { createSurvey } from './use-cases/create-survey.ts';
import { closeSurvey, publishSurvey } from './use-cases/publish-survey.ts';

/** The module's stream of the demo's draws (kernel/demo-seed.ts): the same every run. */
const SEED = 20261641;
const DAY = 86_400_000;
/** The demo resident the e2e journey answers with: never answers in the seed. */
const E2E_RESIDENT = '13800000001';

/** A context whose clock stands at `when`: the demo's history happened days ago, through the same use cases. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

const OPEN_QUESTIONS: QuestionInput[] = [
  { kind: 'single', prompt: '您是否支持在小区东门增设电动自行车充电棚？', options: ['支持', '不支持', '无所谓'], required: true },
  { kind: 'multiple', prompt: '充电棚最好配备哪些设施？（最多选2项）', options: ['自动断电插座', '烟感报警', '监控摄像头', '雨棚照明'], maxChoices: 2, required: true },
  { kind: 'scale', prompt: '您对目前电动车停放秩序的满意度（1—5分）', min: 1, max: 5, required: true },
  { kind: 'text', prompt: '其他意见或建议', required: false },
];
const CLOSED_QUESTIONS: QuestionInput[] = [
  { kind: 'scale', prompt: '您对本季度物业服务的总体评价（0—10分）', min: 0, max: 10, required: true },
  { kind: 'single', prompt: '保洁服务是否达到合同约定？', options: ['达到', '基本达到', '未达到'], required: true },
  { kind: 'text', prompt: '最希望物业改进的一件事', required: false },
];
const TEXTS = ['晚上充电要注意安全', '希望尽快落实', '建议加装灭火器', '楼道里不要再停车了', '垃圾清运可以再及时些', '电梯保养请提前通知'];

/**
 * The surveys module's part of the demo, at 阳光花园 (the first compound, where the demo logins serve and live),
 * written through the use cases as the owners' committee (yeweihui), back-dated:
 * - an open named survey (充电棚) with answers from the demo's residents other than 张明远 (13800000001), so
 *   his login — and the e2e journey — can answer it;
 * - a closed anonymous survey (物业服务评价) with public results;
 * - a draft.
 * A no-op when surveys exist already or the street or the login was not seeded.
 */
export async function seedSurveysDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ surveys: number; answers: number }> {
  if (await read(kernel).selectFrom('srv_surveys').select('id').limit(1).executeTakeFirst()) return { surveys: 0, answers: 0 };
  const street = demo.get(DEMO_STREET);
  const organiser = await demo.as('yeweihui');
  if (!street || !organiser) return { surveys: 0, answers: 0 };
  const compound = street.compounds[0]!;
  const rng = demo.random(SEED);
  const now = demo.now.getTime();
  const ago = (days: number) => new Date(now - days * DAY);

  // Who answers: the demo's logins matched to a person living in the compound; the e2e's resident only
  // the closed survey (he answers the open one himself).
  const residents: { login: string; ctx: Ctx }[] = [];
  for (const a of demo.accounts) {
    if (!a.personId) continue;
    const rooms = await roomsWithOwnershipOf(read(kernel), a.personId);
    if (!rooms.some((r) => r.roomPath.startsWith(compound.path))) continue;
    const ctx = await demo.as(a.login);
    if (ctx) residents.push({ login: a.login, ctx });
  }
  const respondents = residents.filter((r) => r.login !== E2E_RESIDENT).map((r) => r.ctx);

  let answers = 0;
  // The closed anonymous one: three weeks open, closed five days ago.
  const closed = await createSurvey(at(organiser, ago(30)), {
    placeId: compound.id,
    title: '2026年第三季度物业服务满意度评价',
    description: '匿名填写，结果公开。您的评价将作为物业服务考核的依据。',
    audience: 'residents',
    answerPer: 'account',
    anonymous: true,
    resultsPublic: true,
    opensAt: ago(26),
    closesAt: ago(5),
    questions: CLOSED_QUESTIONS,
  });
  await publishSurvey(at(organiser, ago(27)), closed.id);
  for (const [i, r] of residents.map((x) => x.ctx).entries()) {
    const text = rng.int(0, 2) === 0 ? { no: 3, text: rng.pick(TEXTS) } : null;
    await answerSurvey(at(r, ago(25 - i)), closed.id, { answers: [{ no: 1, scale: rng.int(5, 10) }, { no: 2, choices: [rng.int(0, 2)] }, ...(text ? [text] : [])] });
    answers++;
  }

  // The open named one: since four days, for ten more.
  const open = await createSurvey(at(organiser, ago(6)), {
    placeId: compound.id,
    title: '东门电动自行车充电棚建设意见征集',
    description: '业委会拟在东门绿化带旁建设电动自行车集中充电棚，请各位居民发表意见。',
    audience: 'residents',
    answerPer: 'account',
    anonymous: false,
    resultsPublic: true,
    opensAt: ago(4),
    closesAt: new Date(now + 10 * DAY),
    questions: OPEN_QUESTIONS,
  });
  await publishSurvey(at(organiser, ago(4)), open.id);
  for (const [i, r] of respondents.entries()) {
    const first = rng.int(0, 3) === 0 ? rng.int(1, 2) : 0;
    const picks = [rng.int(0, 3), rng.int(0, 3)];
    await answerSurvey(at(r, new Date(now - 3 * DAY + i * 3_600_000)), open.id, {
      answers: [{ no: 1, choices: [first] }, { no: 2, choices: picks }, { no: 3, scale: rng.int(1, 5) }, ...(rng.int(0, 1) ? [{ no: 4, text: rng.pick(TEXTS) }] : [])],
    });
    answers++;
  }

  // A draft for the builder, not yet published; and one closed early, to show the staff list's states.
  await createSurvey(at(organiser, ago(1)), {
    placeId: compound.id,
    title: '小区停车收费标准调整意见（草稿）',
    description: '仅限业主，每户一份。',
    audience: 'owners',
    answerPer: 'household',
    anonymous: false,
    opensAt: new Date(now + 3 * DAY),
    closesAt: new Date(now + 17 * DAY),
    questions: [
      { kind: 'single', prompt: '您是否同意将地面停车费由每月150元调整为每月200元？', options: ['同意', '不同意', '弃权'], required: true },
      { kind: 'text', prompt: '理由或建议', required: false },
    ],
  });
  const early = await createSurvey(at(organiser, ago(40)), {
    placeId: compound.id,
    title: '中秋邻里活动报名意向',
    audience: 'residents',
    answerPer: 'household',
    anonymous: false,
    opensAt: ago(38),
    closesAt: ago(20),
    questions: [{ kind: 'multiple', prompt: '您家愿意参加哪些活动？', options: ['包月饼', '猜灯谜', '邻里晚会'], required: true }],
  });
  await publishSurvey(at(organiser, ago(38)), early.id);
  await closeSurvey(at(organiser, ago(33)), early.id);
  return { surveys: 4, answers };
}
