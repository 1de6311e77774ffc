import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { createOrganisation, DEMO_STREET, organisationsOfKind } from '../registry/index.ts';
import { read, write } from './grid.db.ts';
import type { EventCategory } from './grid.events.constants.ts';
import type { EventBody, LiaisonLine } from './grid.tables.ts';
import { acceptEvent } from './use-cases/events-accept.ts';
import { closeEvent } from './use-cases/events-close.ts';
import { dismissEvent } from './use-cases/events-dismiss.ts';
import { dispatchEvent } from './use-cases/events-dispatch.ts';
import { escalateEvent } from './use-cases/events-escalate.ts';
import { addLiaison } from './use-cases/events-liaison-add.ts';
import { escalateOverdueEvents } from './use-cases/events-overdue.ts';
import { recordPatrol } from './use-cases/events-patrol-record.ts';
import { rateEvent } from './use-cases/events-rate.ts';
import { rejectEvent } from './use-cases/events-reject.ts';
import { reportEvent } from './use-cases/events-report.ts';
import { resolveEvent } from './use-cases/events-resolve.ts';

/** The events part's draws: its own stream. */
export const EVENTS_SEED = 2424;

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A tiny real PNG: the photo of a demo event. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const photo = (name: string) => [{ filename: name, content: PHOTO }];

/** The same actor at a moment of the demo's past: what it records carries that time. */
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });

/** The liaisons' logins (department reviewers at the street), one per line; housing is the registry's `bumen`. */
const LIAISONS: { line: LiaisonLine; login: string; name: string; department: string; phone: string }[] = [
  { line: 'police', login: 'paichusuo', name: '赵警官', department: '和平区公安分局安和派出所', phone: '13931100110' },
  { line: 'urban_management', login: 'chengguan', name: '钱建国', department: '和平区城市管理综合执法局安和中队', phone: '13931100220' },
  { line: 'housing', login: 'bumen', name: '', department: '和平区住房和城乡建设局安和房管所', phone: '13931100330' },
  { line: 'market', login: 'shichang', name: '孙丽华', department: '和平区市场监督管理局安和市场监管所', phone: '13931100440' },
  { line: 'fire', login: 'xiaofang', name: '李振华', department: '和平区消防救援大队安和消防站', phone: '13931100119' },
];

type Step = 'reported' | 'dispatched' | 'handling' | 'resolved' | 'closed' | 'rated' | 'dismissed' | 'rejected' | 'escalated' | 'overdue';
interface Plan {
  /** 0 阳光花园, 1 和园小区, 2 纺织厂宿舍 (安和社区's compounds). */
  compound: number;
  building?: boolean;
  reporter: string;
  category: EventCategory;
  location: string;
  description: string;
  urgency?: 'urgent';
  body?: EventBody;
  to: Step;
  daysAgo: number;
  note?: string;
  stars?: number;
  comment?: string;
  patrol?: number;
}

const PLANS: Plan[] = [
  { compound: 0, reporter: 'wangge', category: 'street_vending', location: '东门外人行道', description: '东门外人行道有流动摊贩占道摆卖水果，早晚高峰居民通行困难。', to: 'reported', daysAgo: 0 },
  { compound: 0, building: true, reporter: '13800000001', category: 'property_service', location: '1栋1单元电梯', description: '1单元电梯按钮失灵，按12楼经常没有反应，老人上下楼不方便。', body: 'property', to: 'dispatched', daysAgo: 1 },
  { compound: 0, building: true, reporter: 'loumen', category: 'housing_safety', location: '1栋西侧外墙', description: '1栋西侧外墙有瓷砖脱落，楼下是儿童活动区域，存在坠落伤人隐患。', urgency: 'urgent', body: 'housing', to: 'handling', daysAgo: 0 },
  { compound: 0, reporter: 'wuyestaff', category: 'fire_hazard', location: '5栋2单元楼道', description: '5栋2单元楼道堆放旧家具和纸箱，堵塞消防通道。', body: 'fire', to: 'resolved', daysAgo: 2, note: '已会同物业清理楼道杂物，张贴消防通道禁止堆放提示。' },
  { compound: 0, reporter: 'wangge', category: 'public_security', location: '地下车库B区', description: '地下车库B区两处监控摄像头损坏，夜间有陌生人逗留。', body: 'police', to: 'rated', daysAgo: 9, note: '已加强夜间巡逻，督促物业修复监控，已恢复正常。', stars: 5, comment: '派出所反应很快，居民很满意。' },
  { compound: 1, reporter: 'juweihui', category: 'neighbour_dispute', location: '3栋502与602', description: '楼上楼下因卫生间渗水发生纠纷，双方多次争吵。', body: 'committee', to: 'handling', daysAgo: 1 },
  { compound: 1, reporter: 'juweihui', category: 'sanitation', location: '南门垃圾投放点', description: '南门垃圾投放点垃圾满溢。', body: 'committee', to: 'dismissed', daysAgo: 4, note: '与昨日上报事件重复，已合并处理。' },
  { compound: 0, reporter: 'wangge', category: 'illegal_building', location: '7栋楼顶', description: '7栋顶楼住户在楼顶平台搭建彩钢板房，面积约20平方米。', body: 'urban_management', to: 'overdue', daysAgo: 5 },
  { compound: 0, reporter: 'wangge', category: 'food_safety', location: '北门商铺“好味道”快餐店', description: '北门快餐店后厨油烟直排，餐具在室外清洗，卫生条件差。', body: 'property', to: 'rejected', daysAgo: 1, note: '商铺食品安全不属于物业服务范围，请派遣市场监管。' },
  { compound: 2, reporter: 'juweihui', category: 'community_affairs', location: '小区内道路', description: '纺织厂宿舍内道路年久失修，坑洼积水，涉及老旧小区改造资金，社区无法协调。', to: 'escalated', daysAgo: 3, note: '涉及老旧小区改造资金，需要街道统筹。' },
  { compound: 0, reporter: '13800000001', category: 'sanitation', location: '2栋北侧绿化带', description: '绿化带里有建筑垃圾，已经放了一周没人清理。', body: 'committee', to: 'closed', daysAgo: 6, note: '已联系物业清运建筑垃圾，绿化带已恢复。' },
  { compound: 0, building: true, reporter: 'loumen', category: 'housing_safety', location: '1栋2单元楼梯扶手', description: '2单元3至5楼楼梯扶手松动。', body: 'housing', to: 'rated', daysAgo: 12, note: '已督促物业用维修资金更换扶手，已验收。', stars: 4, comment: '处理及时，希望以后定期检查。' },
  { compound: 0, reporter: 'wangge', category: 'street_vending', location: '西门外', description: '联合巡查发现西门外有占道经营的早餐摊点三处。', body: 'urban_management', to: 'dispatched', daysAgo: 0, patrol: 1 },
];

/**
 * The events part of the demo: liaisons at 阳光花园 for all five lines (housing: the registry's `bumen`; the other
 * lines' department reviewers are made here: paichusuo, chengguan, shichang, xiaofang), two joint patrols, and
 * thirteen events over 安和社区's compounds in every state — reported, dispatched to each kind of body, being handled,
 * resolved, closed and rated, dismissed, rejected back, escalated, and escalated for being overdue by the job.
 */
export async function seedEvents(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; liaisons?: number; patrols?: number; events?: number }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('grid_liaisons').select('id').where('street_id', '=', street.street.id).limit(1).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(EVENTS_SEED);
  const sunny = street.compounds[0]!;
  const streetId = street.street.id;

  // The departments of the lines the registry has none of (城管, 消防), then the liaisons' logins.
  const departments = new Map((await organisationsOfKind(kernel.db, 'department', { streetId })).map((d) => [d.name, d.id]));
  for (const l of LIAISONS) {
    if (!departments.has(l.department)) departments.set(l.department, (await createOrganisation(official, { placeId: streetId, kind: 'department', name: l.department })).id);
  }
  await write(official, async (tx) => {
    for (const l of LIAISONS.filter((x) => !demo.account(x.login))) {
      const id = await createAccount(tx, kernel.pii, { username: l.login, displayName: l.name, password: demo.password, passwordHash: demo.passwordHash });
      await grantRole(tx, id, 'department_reviewer', streetId);
      demo.accounts.push({ id, login: l.login, name: l.name, role: 'department_reviewer', personId: null, placeIds: [streetId], place: `${street.street.name}（${sunny.name}联络员）` });
    }
  });
  const liaisonIds = new Map<LiaisonLine, string>();
  const since = chinaDay(new Date(demo.now.getTime() - 60 * DAY));
  for (const l of LIAISONS) {
    const account = demo.account(l.login);
    if (!account) continue;
    const { id } = await addLiaison(official, { departmentId: departments.get(l.department)!, line: l.line, compoundId: sunny.id, accountId: account.id, name: l.name || account.name, phone: l.phone, fromOn: since });
    liaisonIds.set(l.line, id);
  }

  // Two joint patrols at 阳光花园.
  const patrols: string[] = [];
  const community = await demo.as('juweihui');
  const police = await demo.as('paichusuo');
  if (community && police) {
    const first = new Date(demo.now.getTime() - 10 * DAY);
    patrols.push(
      (
        await recordPatrol(
          at(community, first),
          { compoundId: sunny.id, patrolOn: chinaDay(first), liaisonIds: ['police', 'fire', 'housing'].map((l) => liaisonIds.get(l as LiaisonLine)!).filter(Boolean), findings: '检查消防通道、电动车充电和地下车库：3栋楼道有电动车入户充电2处，已当场劝导；车库消防栓完好。' },
          photo('巡查-车库.png'),
        )
      ).id,
    );
    const second = new Date(demo.now.getTime() - 2 * HOUR);
    patrols.push(
      (
        await recordPatrol(
          at(police, second),
          { compoundId: sunny.id, patrolOn: chinaDay(second), liaisonIds: ['police', 'urban_management', 'market'].map((l) => liaisonIds.get(l as LiaisonLine)!).filter(Boolean), findings: '西门外早餐摊点占道经营3处，北门商铺油烟直排1处，已分别告知城管、市场监管跟进。' },
          [],
        )
      ).id,
    );
  }

  // The events, each taken to its state by the right roles at moments of the past.
  const handlerOf = (body: EventBody) => (body === 'property' ? 'wuyestaff' : body === 'committee' ? 'juweihui' : LIAISONS.find((l) => l.line === body)!.login);
  let events = 0;
  for (const p of PLANS) {
    const reporter = await demo.as(p.reporter);
    const dispatcher = await demo.as(p.compound === 0 ? 'wangge' : 'juweihui');
    const compound = street.compounds.filter((c) => c.communityId === street.communities[0]!.id)[p.compound];
    if (!reporter || !dispatcher || !compound) continue;
    let placeId = compound.id;
    if (p.building) {
      const building = await read(kernel).selectFrom('street_places').select('id').where('street_id', '=', streetId).where('kind', '=', 'building').where('name', '=', '1栋').where('path', 'like', `${compound.path}%`).limit(1).executeTakeFirst();
      placeId = building?.id ?? compound.id;
    }
    const t0 = new Date(demo.now.getTime() - p.daysAgo * DAY - rng.int(1, 8) * HOUR);
    // The steps' hours, squeezed to fit before the demo's now for the events of today.
    const span = Math.min(HOUR, (demo.now.getTime() - t0.getTime()) / 32);
    const later = (h: number) => new Date(t0.getTime() + h * span);
    const as = p.reporter.startsWith('1') ? 'resident' : 'staff';
    const { id } = await reportEvent(
      at(reporter, t0),
      { placeId, location: p.location, category: p.category, description: p.description, urgency: p.urgency ?? 'normal', ...(p.patrol !== undefined && patrols[p.patrol] ? { patrolId: patrols[p.patrol] } : {}) },
      rng.chance(0.6) ? photo('现场.png') : [],
      { as },
    );
    events++;
    if (p.to === 'reported') continue;
    if (p.to === 'escalated') {
      await escalateEvent(at(dispatcher, later(2)), id, p.note!);
      continue;
    }
    if (p.to === 'dismissed') {
      await dismissEvent(at(dispatcher, later(1)), id, p.note!);
      continue;
    }
    await dispatchEvent(at(dispatcher, later(1)), id, { body: p.body! });
    const handler = (await demo.as(handlerOf(p.body!)))!;
    if (p.to === 'dispatched' || p.to === 'overdue') continue;
    if (p.to === 'rejected') {
      await rejectEvent(at(handler, later(3)), id, p.note!);
      continue;
    }
    await acceptEvent(at(handler, later(2)), id);
    if (p.to === 'handling') continue;
    await resolveEvent(at(handler, later(20)), id, p.note!, rng.chance(0.5) ? photo('处理后.png') : []);
    if (p.to === 'resolved') continue;
    await closeEvent(at(dispatcher, later(26)), id);
    if (p.to === 'closed') continue;
    await rateEvent(at(reporter, later(30)), id, { stars: p.stars!, comment: p.comment ?? '' });
  }
  // The urban management event dispatched five days ago (due in 72 hours) goes to the street, as the hourly job does.
  const { escalated } = await escalateOverdueEvents(kernel);
  demo.notes.push(`网格事件：阳光花园的五条线联络员（paichusuo、chengguan、bumen、shichang、xiaofang，密码同上）；${events} 件事件，${escalated} 件超时已上报街道。`);
  return { liaisons: liaisonIds.size, patrols: patrols.length, events };
}
