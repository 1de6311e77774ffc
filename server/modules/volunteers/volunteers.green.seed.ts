import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import type { GreenCareKind } from './volunteers.tables.ts';
import { applyForPlot } from './use-cases/green-adoptions-apply.ts';
import { decideAdoption } from './use-cases/green-adoptions-decide.ts';
import { postCare } from './use-cases/green-care-post.ts';
import { createPlot } from './use-cases/green-plots-save.ts';

/** The green part's draws: its own stream. */
export const GREEN_SEED = 2371;
/** The demo login who must stay free of volunteering records (the e2e journey registers her). */
const KEEP_CLEAR = ['13800000003'];

const SPOTS = [
  ['东侧花坛', '楼前花坛'],
  ['中心花园草坪', '中心花园'],
  ['南门绿化带', '南门入口'],
  ['儿童乐园旁花圃', '儿童乐园西侧'],
  ['北侧围墙绿篱', '北围墙内侧'],
  ['停车场隔离绿带', '地面停车场'],
  ['健身步道旁草地', '健身步道沿线'],
  ['景观水池边花境', '景观水池南岸'],
  ['西侧银杏林下', '西侧消防通道旁'],
  ['会所前月季园', '会所正门'],
] as const;
const DESCRIPTIONS = ['种有月季、茶花，需定期浇水修剪', '草坪为主，夏季需每周除草', '绿篱为红叶石楠，适合修剪造型', '可种植时令花卉，欢迎亲子认养', '树下阴凉，适合种植玉簪、麦冬', '土质偏黏，建议种植耐旱植物'];
const CARE: Record<GreenCareKind, string[]> = {
  watering: ['连续晴天，傍晚浇透一遍', '早上浇水，顺便清理了落叶', '给新栽的花苗浇了定根水'],
  weeding: ['拔除杂草两袋，草坪清爽多了', '和孩子一起除草，顺便认识了几种野草'],
  planting: ['补种了十株矮牵牛', '种下一棵桂花树苗，期待秋天花开', '栽了一排太阳花，颜色很喜人'],
  fertilising: ['施了一次有机肥', '给月季追施了缓释肥'],
  pruning: ['修剪了绿篱，造型整齐了', '剪掉了月季的残花和病枝'],
  cleaning: ['捡拾烟头和塑料袋，花坛干净了', '清理了被风吹进来的垃圾'],
};
const KINDS = Object.keys(CARE) as GreenCareKind[];

const DAY_MS = 86_400_000;
const dayAt = (now: Date, days: number) => chinaDay(new Date(now.getTime() + days * DAY_MS));
/** The day's 10:00 Shanghai, as an instant. */
const instant = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
/** A context acting at another moment (the demo's records carry their own dates: plots set up, approvals, care). */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * 认栽认养's part of the demo: at each demo compound 4–8 green plots with believable names and areas (20–260 m²), about
 * half to two-thirds of the area adopted by residents (approved adoptions of a year, begun over the past months,
 * 张明远 one of them at 阳光花园) with two to four care records each, and one application waiting per compound.
 * Written through the part's use cases, each at its own date. A no-op once any plot exists.
 */
export async function seedGreen(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; plots?: number; adoptions?: number; care?: number; pending?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('vol_green_plots').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const rng = demo.random(GREEN_SEED);
  const now = demo.now;
  const keepClear = new Set(KEEP_CLEAR.map((l) => demo.account(l)?.personId).filter(Boolean));
  const zhang = demo.account('13800000001');
  let plots = 0;
  let adoptions = 0;
  let care = 0;
  let pending = 0;
  for (const [ci, c] of street.compounds.entries()) {
    const setUp = instant(dayAt(now, -400 + ci));
    const count = rng.int(4, 8);
    const spots = [...SPOTS].sort(() => rng.next() - 0.5).slice(0, count);
    const made = [];
    for (const [name, location] of spots) {
      const building = rng.int(1, 8);
      const plotName = name === '东侧花坛' ? `${building}栋东侧花坛` : name;
      const area = rng.int(20, 260) * 100 + (rng.chance(0.4) ? 50 : 0);
      const plot = await createPlot(at(system, setUp), { compoundId: c.id, name: plotName, area: area, location: name === '东侧花坛' ? `${building}栋${location}` : location, description: rng.pick(DESCRIPTIONS) });
      made.push({ id: plot.id, area });
    }
    plots += made.length;
    const total = made.reduce((s, p) => s + p.area, 0);
    const target = 0.5 + rng.next() * 0.17;
    const holders = (await roomHoldersUnder(read(kernel), c.path, 400)).filter((h) => !keepClear.has(h.personId));
    const people = [...new Map(holders.map((h) => [h.personId, h])).values()].sort(() => rng.next() - 0.5);
    if (ci === 0 && zhang?.personId) {
      const i = people.findIndex((p) => p.personId === zhang.personId);
      if (i > 0) people.unshift(...people.splice(i, 1));
    }
    let adopted = 0;
    let next = 0;
    const free = [];
    for (const plot of [...made].sort(() => rng.next() - 0.5)) {
      const person = people[next];
      if (adopted / total >= target || (adopted + plot.area) / total > 0.7 || !person) {
        free.push(plot);
        continue;
      }
      next++;
      const resident: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, name: person.name, personId: person.personId } };
      const from = dayAt(now, -rng.int(20, 300));
      const to = dayAt(instant(from), 364);
      const { id } = await applyForPlot(at(resident, instant(from, 8)), plot.id, { fromDay: from, toDay: to, roomId: rng.chance(0.6) ? person.roomId : undefined, note: '' });
      await decideAdoption(at(system, instant(from, 16)), id, { decision: 'approve' });
      adoptions++;
      adopted += plot.area;
      const records = rng.int(2, 4);
      const since = Math.max(1, Math.round((now.getTime() - instant(from).getTime()) / DAY_MS));
      const days = [...new Set(Array.from({ length: records }, () => rng.int(1, Math.max(1, since - 1))))].sort((a, b) => b - a);
      for (const back of days) {
        const kind = rng.pick(KINDS);
        await postCare(at(resident, instant(dayAt(now, -back), rng.int(7, 18))), id, { kind, note: rng.pick(CARE[kind]) });
        care++;
      }
    }
    const waiting = free[0];
    const applicant = people[next];
    if (waiting && applicant) {
      const resident: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, name: applicant.name, personId: applicant.personId } };
      const from = dayAt(now, rng.int(3, 20));
      await applyForPlot(at(resident, instant(dayAt(now, -1))), waiting.id, { fromDay: from, toDay: dayAt(instant(from), 364), roomId: applicant.roomId, note: '家里老人喜欢养花，想和孩子一起照看这片绿地' });
      pending++;
    }
  }
  return { plots, adoptions, care, pending };
}
