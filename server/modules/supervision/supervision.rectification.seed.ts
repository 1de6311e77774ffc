import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { closeNotice } from './use-cases/close-notice.ts';
import { escalateOverdueNotices } from './use-cases/escalate-overdue-notices.ts';
import { issueNotice } from './use-cases/issue-notice.ts';
import { reissueNotice } from './use-cases/reissue-notice.ts';
import { respondNotice } from './use-cases/respond-notice.ts';

const DAY = 24 * 3_600_000;
/** A 1×1 PNG, a different byte per photo so each is its own stored file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4BwAAuAC3XyVwbwAAAABJRU5ErkJggg==', 'base64');
const photo = (name: string, n: number) => ({ filename: `${name}.png`, content: Buffer.concat([PNG, Buffer.from([n])]) });

/** The same actor at an earlier moment: the use cases read "now" from the kernel's clock. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * 整改通知单 of the demo street: about ten notices over its compounds in every state — waiting, answered, closed,
 * sent back, overdue and escalated (from a community and from the street) — issued by the street office (street),
 * the community (shuji) and the street's 物委会 (wuweihui), answered by the property company (wuye), numbered in
 * order of issue. One comes from an inspection finding when the sheets part's demo left one.
 */
export async function seedRectification(kernel: Kernel, demo: DemoSeedContext) {
  if (await read(kernel).selectFrom('sup_notices').select('id').limit(1).executeTakeFirst()) return { notices: 0 };
  const street = demo.get(DEMO_STREET);
  const [official, community, committee, company] = [await demo.as('street'), await demo.as('shuji'), await demo.as('wuweihui'), await demo.as('wuye')];
  if (!street || !official || !community || !committee || !company) return { notices: 0 };
  const withCompany = street.compounds.filter((c) => c.propertyCompanyId);
  const sunshine = withCompany.find((c) => c.name === '阳光花园') ?? withCompany[0];
  const heyuan = withCompany.find((c) => c.name === '和园小区') ?? withCompany[1] ?? sunshine;
  if (!sunshine || !heyuan) return { notices: 0 };
  const others = withCompany.filter((c) => c.id !== sunshine.id && c.id !== heyuan.id);
  const third = others[0] ?? heyuan;
  const fourth = others[1] ?? sunshine;
  const now = demo.now.getTime();
  const ago = (days: number, hours = 10) => new Date(Date.parse(`${chinaDay(new Date(now - days * DAY))}T00:00:00+08:00`) + hours * 3_600_000);
  const day = (offset: number) => chinaDay(new Date(now + offset * DAY));
  let n = 0;
  let photos = 0;
  const issue = async (who: Ctx, when: Date, placeId: string, title: string, description: string, deadline: string, extra: { inspectionId?: string; indicatorId?: string } = {}) => {
    n++;
    return (await issueNotice(at(who, when), { placeId, title, description, deadline, ...extra }, [photo('现场', ++photos)])).id;
  };
  const respond = (id: string, when: Date, text: string) => respondNotice(at(company, when), id, { text }, [photo('整改后', ++photos), photo('整改后', ++photos)]);

  // Closed long ago: the street's notice, answered and verified.
  const corridor = await issue(official, ago(48), sunshine.id, '楼道堆放杂物', '1栋、2栋多个楼层楼道堆放纸箱、旧家具，堵塞疏散通道，存在消防隐患。', day(-38));
  await respond(corridor, ago(41, 15), '已组织保洁清理全部楼道杂物，张贴告示并逐户告知，增加每周两次巡查。');
  await closeNotice(at(official, ago(39)), corridor, { note: '现场复查，楼道已清理干净。' });

  // 和园小区's camera failure: closed by the street this month.
  const cameras = await issue(official, ago(25), heyuan.id, '监控设施损坏', '小区东门及地下车库入口监控摄像头损坏，画面无法回放。', day(-15));
  await respond(cameras, ago(17, 16), '已更换东门及车库入口摄像头3个，录像回放正常。');
  await closeNotice(at(official, ago(14)), cameras, { note: '已调看录像，验收通过。' });

  // Sent back once: the community found the replanting incomplete.
  const green = await issue(community, ago(30), sunshine.id, '绿化带枯死未补种', '中心花园及3栋北侧绿化带大面积枯死，长期未补种，黄土裸露。', day(-20));
  await respond(green, ago(22, 14), '已补种中心花园绿篱约80平方米。');
  await reissueNotice(at(community, ago(19)), green, { reason: '3栋北侧绿化带仍未补种，请一并完成。', deadline: day(7) });

  // Overdue and escalated from the community to the street: the fire lane still blocked.
  await issue(community, ago(20), sunshine.id, '消防通道被占用', '南门消防通道长期停放车辆，物业未劝离、未设置禁停标识。', day(-10));

  // A street notice that ran overdue (flagged to the 物委会), then answered late.
  const lights = await issue(official, ago(26), heyuan.id, '公共区域照明故障', '小区主干道路灯及单元门厅照明多处不亮，夜间出行不便。', day(-16));
  await escalateOverdueNotices({ ...kernel, clock: { now: () => ago(15, 9) } });
  await respond(lights, ago(3, 11), '已更换主干道路灯12盏、门厅灯具20套，并建立每月巡检。');

  // Answered, waiting for the street's verification.
  const waste = await issue(official, ago(12), sunshine.id, '垃圾分类点清运不及时', '2号垃圾分类点连续多日满溢，周边有异味，清运频次不足。', day(-3));
  await respond(waste, ago(5, 17), '已与环卫公司调整为每日两次清运，并增设一组分类桶。');

  // Waiting for the company, within their deadlines: from the 物委会 and from the street.
  await issue(committee, ago(9), heyuan.id, '电梯年检标识过期', '2号楼电梯轿厢内年检合格标志已过期，未见新的检验报告。', day(5));
  await issue(committee, ago(6), third.id, '外墙瓷砖脱落隐患', '5栋外墙局部瓷砖空鼓、脱落，下方未设置警示隔离。', day(10));
  await issue(official, ago(2), fourth.id, '二次供水水箱未按期清洗', '二次供水水箱清洗记录显示上次清洗已超过半年，请按规定清洗消毒并公示水质检测报告。', day(14));

  // From an inspection finding, when the sheets part's demo recorded one at a compound with a company.
  const finding = await read(kernel)
    .selectFrom('sup_inspection_items as it')
    .innerJoin('sup_inspections as i', (j) => j.onRef('i.street_id', '=', 'it.street_id').onRef('i.id', '=', 'it.inspection_id'))
    .select(['it.inspection_id', 'it.indicator_id', 'i.place_id'])
    .where('i.status', '=', 'submitted')
    .where('i.place_id', 'in', withCompany.map((c) => c.id))
    .where((eb) => eb.or([eb('it.findings', '>', 0), eb('it.met', '=', false)]))
    .orderBy('i.submitted_at', 'desc')
    .orderBy('it.indicator_id')
    .limit(1)
    .executeTakeFirst();
  if (finding) {
    await issue(official, ago(1), finding.place_id, '检查发现问题整改', '季度考评检查中发现的问题，详见检查记录及照片，请按期整改。', day(10), {
      inspectionId: finding.inspection_id,
      indicatorId: finding.indicator_id,
    });
  }

  // The hourly job, now: the fire lane (a community notice) goes to the street.
  await escalateOverdueNotices(kernel);
  return { notices: n };
}
