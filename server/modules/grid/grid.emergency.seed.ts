import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext, Rng } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { DEFAULT_QUESTIONS, type EmergencyPost, type MarkStatus } from './grid.emergency.constants.ts';
import { read } from './grid.db.ts';
import { assignBuilding } from './use-cases/emergency-assign.ts';
import { answerCallUp } from './use-cases/emergency-callup-answer.ts';
import { createCallUp } from './use-cases/emergency-callup-create.ts';
import { claimHousehold } from './use-cases/emergency-claim.ts';
import { declareEmergency } from './use-cases/emergency-declare.ts';
import { endEmergency } from './use-cases/emergency-end.ts';
import { markHousehold } from './use-cases/emergency-mark.ts';
import { addRoster } from './use-cases/emergency-rosters-save.ts';
import { placeVolunteers, screeningStaff } from './use-cases/emergency-visitors.ts';

/** The emergency part's draws: its own stream. */
export const EMERGENCY_SEED = 2503;
/** Where the demo's active emergency is (安和社区's second compound): the e2e declares at 阳光花园. */
export const DEMO_ACTIVE_COMPOUND = '和园小区';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });
const chinaDayOf = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);

const NEEDS = ['独居老人需代购降压药', '家中老人行动不便，需要送菜上门', '孕妇需要定期产检接送', '家中有发热病人，需社区医生上门', '需代购婴儿奶粉', '残疾人家庭需要生活物资'];

/** A visitor's status for a household: mostly visited; some nobody home, a few refusing, a few needing help. */
function drawStatus(rng: Rng): { status: MarkStatus; need: string } {
  const r = rng.next();
  if (r < 0.78) return { status: 'visited', need: '' };
  if (r < 0.88) return { status: 'nobody_home', need: '' };
  if (r < 0.92) return { status: 'refused', need: '' };
  return { status: 'needs_help', need: rng.pick(NEEDS) };
}
const drawAnswers = (rng: Rng, n: number): Record<string, 'yes' | 'no'> => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), rng.chance(i === 0 ? 0.12 : 0.05) ? ('yes' as const) : ('no' as const)]));

/**
 * The emergency part of the demo: at 阳光花园 an ENDED emergency of last month (screening complete — nobody-home
 * households revisited —, a three-day roster, a call-up) and at 和园小区 an ACTIVE one declared two days ago with the
 * screening about 40% covered by wangge and juweihui (and by a volunteer of the compound, should one have activated
 * an account — none has in today's demo; volunteers without one answered the call-up by phone), a roster for three days and a call-up half full. Residents with logins live only in 阳光花园, so nobody
 * sees a pinned notice from the seed; the past declaration tells nobody now.
 */
export async function seedEmergency(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; declarations?: number; marked?: number; households?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('grid_emergency_declarations').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const sunny = street.compounds.find((c) => c.name === '阳光花园');
  const other = street.compounds.find((c) => c.name === DEMO_ACTIVE_COMPOUND);
  const shuji = await demo.as('shuji');
  const wangge = await demo.as('wangge');
  const juweihui = await demo.as('juweihui');
  const loumen = await demo.as('loumen');
  const wuyestaff = await demo.as('wuyestaff');
  const zhang = await demo.as('13800000001');
  if (!sunny || !other || !shuji || !wangge || !juweihui || !loumen || !wuyestaff || !zhang) return { skipped: 'no demo logins' };
  const rng = demo.random(EMERGENCY_SEED);
  const now = demo.now;
  let marked = 0;
  let households = 0;

  /** Marks the households of the buildings each visitor holds, in order, up to `share` of them; nobody-home ones are revisited when `revisit`. */
  const sweep = async (id: string, visitors: Map<string, Ctx>, start: Date, share: number, revisit: boolean) => {
    const rows = await db
      .selectFrom('grid_emergency_households as h')
      .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.id', '=', 'h.screening_id'))
      .select(['h.id', 'h.building_id as buildingId'])
      .where('s.declaration_id', '=', id)
      .orderBy('h.seq')
      .execute();
    households += rows.length;
    // Each building's first `share` of households (every visitor has got as far).
    const perBuilding = new Map<string, typeof rows>();
    for (const r of rows) perBuilding.set(r.buildingId, [...(perBuilding.get(r.buildingId) ?? []), r]);
    const chosen = new Set([...perBuilding.values()].flatMap((list) => list.slice(0, Math.round(list.length * share)).map((r) => r.id)));
    const todo = rows.filter((r) => chosen.has(r.id));
    const step = (36 * HOUR) / Math.max(1, todo.length);
    // The draws first, in order (the same demo every run), then each visitor's households side by side.
    const plans = todo.map((h, i) => {
      const first = drawStatus(rng);
      const firstAnswers = drawAnswers(rng, DEFAULT_QUESTIONS.length);
      const again =
        revisit && first.status === 'nobody_home'
          ? { mark: rng.chance(0.9) ? { status: 'visited' as const, need: '' } : { status: 'needs_help' as const, need: rng.pick(NEEDS) }, answers: drawAnswers(rng, DEFAULT_QUESTIONS.length) }
          : null;
      return { h, i, who: visitors.get(h.buildingId)!, first, firstAnswers, again };
    });
    const byVisitor = new Map<Ctx, typeof plans>();
    for (const p of plans) byVisitor.set(p.who, [...(byVisitor.get(p.who) ?? []), p]);
    await Promise.all(
      [...byVisitor.values()].map(async (list) => {
        for (const { h, i, who, first, firstAnswers, again } of list) {
          const when = new Date(start.getTime() + 2 * HOUR + i * step);
          if (i % 10 === 0) await claimHousehold(at(who, new Date(when.getTime() - 6 * 60_000)), h.id);
          await markHousehold(at(who, when), h.id, { ...first, answers: firstAnswers });
          marked++;
          if (again) {
            await markHousehold(at(who, new Date(when.getTime() + 20 * HOUR)), h.id, { ...again.mark, answers: again.answers });
            marked++;
          }
        }
      }),
    );
  };
  const buildingsOf = async (id: string) =>
    db
      .selectFrom('grid_emergency_households as h')
      .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.id', '=', 'h.screening_id'))
      .select(['h.building_id as id', 'h.building as name'])
      .where('s.declaration_id', '=', id)
      .groupBy(['h.building_id', 'h.building'])
      .orderBy((eb) => eb.fn.min('h.seq'))
      .execute();
  const roster = async (ctx: Ctx, id: string, start: Date, days: number, staff: { accountId: string }[], volunteers: { personId: string }[]) => {
    const posts: [EmergencyPost, string, string][] = [
      ['command', '08:00', '20:00'],
      ['watch', '08:00', '20:00'],
      ['watch', '20:00', '24:00'],
      ['patrol', '09:00', '17:00'],
      ['supplies', '08:00', '18:00'],
      ['visits', '08:30', '17:30'],
    ];
    for (let d = 0; d < days; d++) {
      const day = chinaDayOf(new Date(start.getTime() + d * DAY));
      for (const [k, [post, s, e]] of posts.entries()) {
        const volunteer = (post === 'supplies' || post === 'patrol') && volunteers.length ? volunteers[(d + k) % volunteers.length] : undefined;
        const who = volunteer ? { personId: volunteer.personId } : { accountId: staff[(d + k) % staff.length]!.accountId };
        await addRoster(ctx, id, { day, post, ...who, shiftStart: s, shiftEnd: e, note: post === 'command' ? '应急指挥部（社区党群服务中心）' : '' });
      }
    }
  };

  // 阳光花园, last month: declared, swept, ended.
  {
    const start = new Date(now.getTime() - 34 * DAY);
    const d = await declareEmergency(
      at(shuji, start),
      { placeId: sunny.id, level: 'larger', reason: '台风“海葵”过境，小区部分楼栋停电停水，启动较大应急响应，开展入户排查', screening: true },
      { past: true },
    );
    const buildings = await buildingsOf(d.id);
    const visitors = new Map<string, Ctx>();
    for (const [i, b] of buildings.entries()) {
      const pair: Ctx[] = i === 0 ? [loumen, zhang] : i % 2 ? [wangge] : [wuyestaff];
      for (const v of pair) {
        const body = v === zhang ? { buildingId: b.id, personId: zhang.actor.personId! } : { buildingId: b.id, accountId: v.actor.accountId };
        await assignBuilding(at(shuji, new Date(start.getTime() + HOUR)), d.id, body);
      }
      visitors.set(b.id, pair[0]!);
    }
    const decl = { streetId: street.street.id, placePath: (await db.selectFrom('street_places').select('path').where('id', '=', sunny.id).executeTakeFirstOrThrow()).path };
    const staff = (await screeningStaff(db, decl)).filter((s, i, all) => all.findIndex((x) => x.accountId === s.accountId) === i);
    const volunteers = (await placeVolunteers(db, decl)).slice(0, 4);
    await roster(at(shuji, new Date(start.getTime() + HOUR)), d.id, start, 3, staff, volunteers);
    const call = await createCallUp(at(shuji, new Date(start.getTime() + 3 * HOUR)), d.id, {
      task: '协助物业搬运饮用水、为高层住户送水上门',
      slots: 6,
      meetingPoint: '阳光花园东门物业服务中心',
      meetAt: new Date(start.getTime() + 5 * HOUR).toISOString(),
    });
    await answerCallUp(at(zhang, new Date(start.getTime() + 4 * HOUR)), call.id, { answer: 'accepted' });
    await sweep(d.id, visitors, start, 1, true);
    await endEmergency(at(shuji, new Date(start.getTime() + 3 * DAY)), d.id, { summary: '供电供水已全部恢复，入户排查全覆盖，需要帮助的住户均已落实帮扶，应急响应结束。' });
  }

  // 和园小区, now: declared two days ago, about 40% covered.
  {
    const start = new Date(now.getTime() - 2 * DAY);
    const d = await declareEmergency(at(shuji, start), { placeId: other.id, level: 'general', reason: '辖区出现聚集性流感病例，启动一般应急响应，开展入户健康排查和重点人群帮扶', screening: true });
    const buildings = await buildingsOf(d.id);
    const decl = { streetId: street.street.id, placePath: (await db.selectFrom('street_places').select('path').where('id', '=', other.id).executeTakeFirstOrThrow()).path };
    // A volunteer of the compound who activated an account (not a demo login) takes the last building.
    const volunteer = (await placeVolunteers(db, decl)).find((v) => v.accountId);
    const volunteerCtx: Ctx | undefined = volunteer ? { kernel, actor: { accountId: volunteer.accountId!, name: volunteer.name, personId: volunteer.personId, grants: [], requestId: null, locale: 'zh-CN' } } : undefined;
    const visitors = new Map<string, Ctx>();
    for (const [i, b] of buildings.entries()) {
      const last = i === buildings.length - 1 && volunteerCtx;
      const v = last ? volunteerCtx : i < Math.ceil(buildings.length / 2) ? wangge : juweihui;
      const body = last ? { buildingId: b.id, personId: volunteer!.personId } : { buildingId: b.id, accountId: v.actor.accountId };
      await assignBuilding(at(shuji, new Date(start.getTime() + HOUR)), d.id, body);
      visitors.set(b.id, v);
    }
    const staff = (await screeningStaff(db, decl)).filter((s, i, all) => all.findIndex((x) => x.accountId === s.accountId) === i);
    const volunteers = (await placeVolunteers(db, decl)).slice(0, 4);
    await roster(at(shuji, new Date(start.getTime() + HOUR)), d.id, start, 3, staff, volunteers);
    const call = await createCallUp(at(shuji, new Date(start.getTime() + 2 * HOUR)), d.id, {
      task: '为居家观察住户配送生活物资和药品',
      slots: 6,
      meetingPoint: '和园小区北门应急物资点',
      meetAt: new Date(now.getTime() + DAY).toISOString(),
    });
    // Three accepted: with their accounts, or (without one) by phone, recorded as their answers.
    for (const v of (await placeVolunteers(db, decl)).slice(0, 3)) {
      const byPhone: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, ...(v.accountId ? { accountId: v.accountId } : {}), name: v.name, personId: v.personId } };
      await answerCallUp(at(byPhone, new Date(start.getTime() + 3 * HOUR)), call.id, { answer: 'accepted' });
    }
    await sweep(d.id, visitors, start, 0.4, false);
  }

  demo.notes.push(`应急管理：${DEMO_ACTIVE_COMPOUND}处于应急状态（/grid/emergency），wangge 在手机上入户排查；shuji 可对阳光花园「启动应急」，张明远（13800000001）在 /h5/grid/screening 入户排查。`);
  return { declarations: 2, marked, households };
}
