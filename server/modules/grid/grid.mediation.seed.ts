import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { arrearsCasesForMediation } from '../fees/index.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './grid.db.ts';
import type { MediationCategory, MediationSource } from './grid.mediation.constants.ts';
import { acceptCase } from './use-cases/mediation-accept.ts';
import { agreeCase } from './use-cases/mediation-agree.ts';
import { assignMediators } from './use-cases/mediation-assign.ts';
import { openMediationCase } from './use-cases/mediation-cases-open.ts';
import { createCommittee } from './use-cases/mediation-committee-create.ts';
import { applyConfirmation } from './use-cases/mediation-confirm-apply.ts';
import { recordConfirmation } from './use-cases/mediation-confirm-outcome.ts';
import { declineCase } from './use-cases/mediation-decline.ts';
import { escalateCase } from './use-cases/mediation-escalate.ts';
import { failCase } from './use-cases/mediation-fail.ts';
import { recordFollowup } from './use-cases/mediation-followup.ts';
import { addMediator } from './use-cases/mediation-mediator-add.ts';
import { markOverdueMediations } from './use-cases/mediation-overdue.ts';
import { recordSession } from './use-cases/mediation-session.ts';
import { uploadSigned } from './use-cases/mediation-sign.ts';

/** The mediation part's draws: its own stream. */
export const MEDIATION_SEED = 2501;
export const DEMO_COMMITTEE = '安和社区人民调解委员会';
export const DEMO_STREET_COMMITTEE = '安和街道人民调解委员会';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A small PDF: the demo's scan of a signed agreement. */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });
const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);

type To = 'applied' | 'accepted' | 'in_session' | 'agreed' | 'failed' | 'declined' | 'escalated' | 'overdue';
interface Plan {
  to: To;
  compound: number;
  source: MediationSource;
  sourceTitle?: string;
  category: MediationCategory;
  summary: string;
  parties: [string, string];
  /** Days ago it was opened. */
  daysAgo: number;
  by: 'juweihui' | 'wangge';
  mediator?: 'juweihui' | 'shuji';
}

const PLANS: Plan[] = [
  { to: 'applied', compound: 0, source: 'opinion', sourceTitle: '民意诉求：装修噪音扰民', category: 'renovation', summary: '3栋601住户周末及午休时段装修电钻作业，楼下住户多次沟通无果，要求调解。', parties: ['何建平', '罗志强'], daysAgo: 1, by: 'wangge' },
  { to: 'accepted', compound: 0, source: 'arrears', sourceTitle: '物业费欠缴 2 年', category: 'arrears', summary: '业主以车库渗水未修为由拒缴两年物业费，物业公司要求补缴，双方同意先行调解。', parties: ['锦华物业服务有限公司', '邓国华'], daysAgo: 6, by: 'juweihui', mediator: 'shuji' },
  { to: 'in_session', compound: 1, source: 'grid_event', category: 'neighbour', summary: '楼上楼下因卫生间渗水发生纠纷，楼下要求楼上修复防水并赔偿吊顶损失。', parties: ['许文斌', '曹丽娟'], daysAgo: 12, by: 'juweihui', mediator: 'juweihui' },
  { to: 'agreed', compound: 0, source: 'resident', sourceTitle: '居民来访', category: 'parking', summary: '地面车位被邻居长期占用，双方多次发生口角。', parties: ['冯晓东', '蒋卫国'], daysAgo: 55, by: 'juweihui', mediator: 'juweihui' },
  { to: 'failed', compound: 1, source: 'other', sourceTitle: '12345 转办', category: 'property_service', summary: '业主因电梯频繁故障要求物业减免半年物业费，物业不同意。', parties: ['韩志明', '锦华物业服务有限公司'], daysAgo: 34, by: 'juweihui', mediator: 'shuji' },
  { to: 'declined', compound: 0, source: 'other', category: 'other', summary: '当事人就房屋买卖合同纠纷申请调解，该纠纷已由法院立案受理。', parties: ['彭立新', '谢春燕'], daysAgo: 4, by: 'wangge' },
  { to: 'escalated', compound: 2, source: 'deliberation', sourceTitle: '议事事项：小区停车收费调整', category: 'parking', summary: '停车收费调整涉及全小区 200 余户，部分业主与业委会、物业三方意见分歧较大。', parties: ['业主代表 唐建军', '小区业主委员会'], daysAgo: 18, by: 'juweihui', mediator: 'juweihui' },
  { to: 'overdue', compound: 1, source: 'opinion', sourceTitle: '民意诉求：宠物扰民', category: 'neighbour', summary: '邻居饲养大型犬夜间吠叫、楼道便溺，双方多次冲突。', parties: ['杜秀兰', '叶海涛'], daysAgo: 42, by: 'juweihui', mediator: 'shuji' },
];

/**
 * The mediation part of the demo: 安和社区's committee (juweihui 主任, shuji 副主任) and the street's (street 主任);
 * eight cases over 安和社区's compounds in every state — waiting, accepted, in session (from a seeded grid event),
 * agreed with the signed scan, court confirmation confirmed and a follow-up, failed with referral to a court,
 * declined, escalated to the street, and one overdue (marked by the job). No resident login is a party.
 */
export async function seedMediation(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; committees?: number; mediators?: number; cases?: Record<string, number> }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('grid_mediation_committees').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const [official, juweihui, shuji, wangge] = await Promise.all([demo.as('street'), demo.as('juweihui'), demo.as('shuji'), demo.as('wangge')]);
  const community = street.communities[0];
  if (!official || !juweihui || !shuji || !wangge || !community) return { skipped: 'no staff logins' };
  const rng = demo.random(MEDIATION_SEED);
  const now = demo.now;
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
  const longAgo = ago(400);
  const accountOf = (c: Ctx) => (c.actor as { accountId: string }).accountId;

  const c1 = (await createCommittee(at(official, longAgo), { placeId: community.id, name: DEMO_COMMITTEE })).id;
  const cs = (await createCommittee(at(official, longAgo), { placeId: streetId, name: DEMO_STREET_COMMITTEE })).id;
  const from = day(longAgo);
  const mediator = {
    juweihui: (await addMediator(at(official, longAgo), c1, { accountId: accountOf(juweihui), name: juweihui.actor.name, title: 'director', fromOn: from })).id,
    shuji: (await addMediator(at(official, longAgo), c1, { accountId: accountOf(shuji), name: shuji.actor.name, title: 'deputy', fromOn: from })).id,
  };
  const streetDirector = (await addMediator(at(official, longAgo), cs, { accountId: accountOf(official), name: official.actor.name, title: 'director', fromOn: from })).id;

  const compounds = street.compounds.filter((c) => c.communityId === community.id);
  const event = await db.selectFrom('grid_events').select(['id', 'compound_id']).where('street_id', '=', streetId).where('category', '=', 'neighbour_dispute').orderBy('created_at').executeTakeFirst();
  // The arrears case the property company handed to mediation (the fees demo's), if the fees demo ran.
  const arrears = (await arrearsCasesForMediation(db, { streetId }))[0];
  const ctxOf = { juweihui, shuji, wangge };
  const cases: Record<string, number> = {};
  for (const p of PLANS) {
    const compound = compounds[p.compound % compounds.length]!;
    const opened = ago(p.daysAgo, -rng.int(1, 6));
    // Each step's moment is drawn once: the action's time and the day it records must agree (two draws of the hour
    // could fall either side of midnight in Shanghai, and the day would then lie after the action).
    const steps = new Map<number, Date>();
    const step = (days: number) => steps.get(days) ?? steps.set(days, new Date(Math.min(opened.getTime() + days * DAY + rng.int(1, 4) * HOUR, now.getTime() - HOUR))).get(days)!;
    const phone = () => `139${String(rng.int(10_000_000, 99_999_999))}`;
    const fromEvent = p.source === 'grid_event' && event;
    const fromArrears = p.source === 'arrears' && arrears;
    const { id } = await openMediationCase(at(ctxOf[p.by], opened), {
      placeId: fromEvent ? event.compound_id : compound.id,
      source: fromEvent ? 'grid_event' : fromArrears ? 'arrears' : p.source === 'grid_event' || p.source === 'arrears' ? 'other' : p.source,
      sourceRef: fromEvent ? event.id : fromArrears ? arrears.id : undefined,
      sourceTitle: p.sourceTitle,
      category: p.category,
      summary: p.summary,
      parties: [
        { name: p.parties[0], role: 'applicant', phone: p.parties[0].includes('物业') || p.parties[0].includes('委员会') ? undefined : phone(), room: p.parties[0].includes('物业') ? '' : `${rng.int(1, 9)}栋${rng.int(1, 3)}单元${rng.int(2, 18)}0${rng.int(1, 4)}` },
        { name: p.parties[1], role: 'respondent', phone: p.parties[1].includes('物业') || p.parties[1].includes('委员会') ? undefined : phone(), room: p.parties[1].includes('物业') || p.parties[1].includes('委员会') ? '' : `${rng.int(1, 9)}栋${rng.int(1, 3)}单元${rng.int(2, 18)}0${rng.int(1, 4)}` },
      ],
      mediatorIds: p.mediator ? [mediator[p.mediator]] : [],
    });
    const m = p.mediator ? ctxOf[p.mediator] : juweihui;
    if (p.to === 'declined') await declineCase(at(juweihui, step(1)), id, { reason: '该纠纷已由人民法院立案受理，依法不再受理调解申请，已告知当事人。' });
    if (p.to !== 'applied' && p.to !== 'declined') await acceptCase(at(m, step(1)), id);
    if (p.to === 'in_session' || p.to === 'agreed' || p.to === 'failed' || p.to === 'overdue')
      await recordSession(at(m, step(3)), id, { heldOn: day(step(3)), location: '安和社区人民调解室', attendees: `${p.parties.join('、')}、${m.actor.name}`, notes: '双方陈述事实和诉求，调解员释法说理，约定下次调解时间。' });
    if (p.to === 'agreed') {
      await recordSession(at(m, step(8)), id, { heldOn: day(step(8)), location: '安和社区人民调解室', attendees: `${p.parties.join('、')}、${m.actor.name}`, notes: '双方就车位使用达成一致意见。' });
      const agreed = step(12);
      await agreeCase(at(m, agreed), id, { terms: '一、蒋卫国自本协议签订之日起不再占用冯晓东租用的 A-032 地面车位；\n二、物业在车位加装地锁，费用由双方各承担一半；\n三、双方今后友好相处，不再因此事发生争执。' });
      const signed = step(13);
      await uploadSigned(at(m, signed), id, { signedOn: day(signed) }, [{ filename: '调解协议书（签字）.pdf', content: SCAN }]);
      await applyConfirmation(at(m, step(20)), id, { court: '安和区人民法院', appliedOn: day(step(20)) });
      await recordConfirmation(at(m, step(35)), id, { outcome: 'confirmed', on: day(step(35)), note: '经审查，调解协议合法有效，裁定确认。' });
      await recordFollowup(at(m, step(45)), id, { visitedOn: day(step(45)), visitor: m.actor.name, performed: true, note: '地锁已安装，双方均表示满意。' });
    }
    if (p.to === 'failed') await failCase(at(m, step(14)), id, { referral: 'court', note: '经两次调解双方分歧较大，告知当事人可向人民法院提起诉讼。' });
    if (p.to === 'escalated') {
      await escalateCase(at(m, step(6)), id, { note: '涉及全小区业主，提请街道人民调解委员会调解。' });
      await assignMediators(at(official, step(7)), id, { mediatorIds: [streetDirector] });
    }
    cases[p.to] = (cases[p.to] ?? 0) + 1;
  }
  // The overdue case is marked as the hourly job would have.
  await markOverdueMediations(kernel);
  demo.notes.push(`人民调解：juweihui（${DEMO_COMMITTEE}主任）在 /grid/mediation 受理和调解案件；居民在 /h5/grid/mediation 申请调解。`);
  return { committees: 2, mediators: 3, cases };
}
