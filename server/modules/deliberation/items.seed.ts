import type { Ctx, Kernel } from '../../kernel/context.ts';
import { demoPart, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { addMeToo, DEMO_OPINIONS, markForDeliberation } from '../opinions/index.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { DEFAULT_SETTINGS } from './deliberation.constants.ts';
import { read, write } from './deliberation.db.ts';
import { acceptItem } from './use-cases/accept-item.ts';
import { createItem } from './use-cases/create-item.ts';
import { proposeItem } from './use-cases/propose-item.ts';
import { putSettings } from './use-cases/put-settings.ts';
import { recordConsultationOutcome } from './use-cases/record-outcome.ts';
import { rejectItem } from './use-cases/reject-item.ts';
import { supportItem } from './use-cases/support-item.ts';
import { takeUpOpinion } from './use-cases/take-up-opinion.ts';

/**
 * What the items' seed hands on to the meetings' and the execution's seeds (demo.get(DEMO_ITEMS)): items accepted
 * for a joint meeting (stage 3), some for the meetings' agenda, some for the execution seed to decide through
 * recordConsultationOutcome (and so move on to stage 4); the item waiting for the owners' vote and its draft.
 */
export interface DemoItems {
  compoundId: string;
  forMeetings: string[];
  forExecution: string[];
  awaitingVote: { itemId: string; decisionId: string };
}
export const DEMO_ITEMS = demoPart<DemoItems>('deliberation.items');

const DAY = 24 * 60 * 60_000;
/** A context whose clock stands at `when`: the demo's history happened days ago, through the same use cases. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * Items at 阳光花园 and 和园小区 in every stage of 1–3, through the use cases as the demo logins (back-dated):
 * - 阳光花园's threshold set to 5 households (the street's default stays 10);
 * - collecting: a residents' joint proposal with two households of five;
 * - agenda: a promoted opinion of the opinions demo taken up with its households, and a grid worker's report;
 *   a second one promoted is left for the board's "take up" panel;
 * - consulting: three accepted items (one at 和园小区) for the meetings' and the execution's seeds;
 * - rejected: a proposal declined with its reason;
 * - awaiting_vote: an item referred to an owners' vote, with its draft decision.
 * A no-op when items exist already or the logins are missing.
 */
export async function seedItemsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ items: number }> {
  if (await read(kernel).selectFrom('dlb_items').select('id').limit(1).executeTakeFirst()) return { items: 0 };
  const street = demo.get(DEMO_STREET);
  const [official, secretary, committee, grid, owner, tenant, family] = await Promise.all(
    ['street', 'shuji', 'wuweihui', 'wangge', '13800000001', '13800000002', '13800000003'].map((l) => demo.as(l)),
  );
  if (!street || !official || !secretary || !committee || !grid || !owner || !tenant || !family) return { items: 0 };
  const sunny = street.compounds[0]!;
  const harmony = street.compounds[1]!;
  const now = demo.now.getTime();
  const ago = (days: number) => new Date(now - days * DAY);
  let items = 0;

  await putSettings(at(official, ago(60)), sunny.id, { ...DEFAULT_SETTINGS, supportThreshold: 5 });

  // ——— stage 1: a joint proposal gathering support (2 of 5 households) ———
  const playground = await proposeItem(at(family, ago(6)), { title: '建议中心花园增设儿童游乐设施', description: '小区孩子多，中心花园只有一个滑梯，希望增设秋千、沙池等设施。' });
  await supportItem(at(owner, ago(5)), playground.id);
  items++;

  // ——— stage 2: a promoted opinion of the opinions demo taken up with its households; one left on the board ———
  // (the opinions demo posts them now: their promotion and take-up happen now too, after the posts)
  const posts = demo.get(DEMO_OPINIONS);
  if (posts) {
    const fresh = demo.now;
    await addMeToo(at(family, fresh), posts.charging);
    await markForDeliberation(at(secretary, fresh), posts.charging, { note: '涉及公共收益使用和消防安全，转入议事协商' });
    await takeUpOpinion(at(secretary, fresh), { opinionId: posts.charging, title: '3栋北侧建设电动自行车集中充电棚' });
    await markForDeliberation(at(secretary, fresh), posts.activityRoom, { note: '请社区党组织研究' });
    items++;
  }
  await createItem(at(grid, ago(4)), { placeId: sunny.id, title: '3栋北侧绿地被占用停车', description: '网格巡查发现3栋北侧绿地长期被车辆占用，草坪损毁。', isPublic: true });
  items++;

  // ——— stage 3: accepted, waiting for a joint meeting ———
  const consulting = async (ctx: Ctx, placeId: string, title: string, description: string, days: number) => {
    const { id } = await createItem(at(ctx, ago(days)), { placeId, title, description, isPublic: true });
    await acceptItem(at(committee, ago(days - 2)), id);
    items++;
    return id;
  };
  const tiles = await consulting(secretary, sunny.id, '1栋外墙瓷砖脱落维修', '1栋南面外墙多处瓷砖松动脱落，存在高空坠物风险。', 25);
  const lights = await consulting(secretary, sunny.id, '小区主干道路面破损修补', '南门至3栋的主干道多处坑洼，雨天积水，老人出行易滑倒。', 30);
  const parking = await consulting(official, harmony.id, '和园小区停车收费标准调整', '物业提出调整地面停车收费标准，需听取各方意见。', 18);

  // ——— rejected with its reason ———
  const poultry = await proposeItem(at(tenant, ago(12)), { title: '允许在小区空地饲养家禽', description: '希望允许在小区空地养几只鸡。' });
  await rejectItem(at(secretary, ago(10)), poultry.id, { reason: '违反《城市市容和环境卫生管理条例》，城市住宅小区内不得饲养家禽，本议题不予立项。' });
  items++;

  // ——— awaiting the owners' vote, with its draft decision ———
  const elevator = await consulting(secretary, sunny.id, '使用公共维修资金更换1栋电梯', '1栋电梯使用已满18年，故障频发，经检测建议更换。', 40);
  const voteCtx = at(secretary, ago(33));
  const referred = await write(voteCtx, (tx) =>
    recordConsultationOutcome(tx, voteCtx, {
      itemId: elevator,
      meetingId: null,
      outcome: { kind: 'refer_vote', text: '联席会议同意更换1栋电梯，费用从专项维修资金列支，提交业主共同决定。', voteTitle: '使用专项维修资金更换1栋电梯', matter: 5 },
    }),
  );

  demo.put(DEMO_ITEMS, {
    compoundId: sunny.id,
    forMeetings: [tiles, parking],
    forExecution: [lights],
    awaitingVote: { itemId: elevator, decisionId: (referred as { decisionId: string }).decisionId },
  });
  return { items };
}
