import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import { type DemoSeedContext, demoPart } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read, write } from './devices.db.ts';
import type { VehicleKind } from './devices.tables.ts';
import { issueCard } from './use-cases/visitors-cards-issue.ts';
import { createPass } from './use-cases/visitors-passes-create.ts';
import { addVehicle } from './use-cases/visitors-vehicles-add.ts';
import { myRooms } from './use-cases/visitors-vehicles-mine.ts';
import { reviewVehicle } from './use-cases/visitors-vehicles-review.ts';

/** The visitors part's draws: its own stream. */
export const VISITORS_SEED = 2602;

/**
 * What the visitors part hands on to later demo steps (the parking part's traffic, the device simulator): at
 * 阳光花园, 张明远's upcoming pass for this afternoon (its code and plate: 李雷 driving 冀A8K2M9), his approved plate,
 * a few other approved plates and active card numbers.
 */
export interface DemoVisitors {
  compoundId: string;
  passCode: string;
  passPlate: string;
  passFrom: string;
  passTo: string;
  residentPlates: string[];
  cardNos: string[];
}
export const DEMO_VISITORS = demoPart<DemoVisitors>('devices.visitors');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });
/** The start of the demo's day in China (00:00 +08:00). */
const chinaMidnight = (d: Date) => new Date(Math.floor((d.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const KINDS: VehicleKind[] = ['car', 'car', 'car', 'new_energy', 'new_energy', 'motorbike'];

/**
 * The visitors part of the demo, at 阳光花园 (the demo street's city plates are 冀A): residents' vehicles for a
 * dozen rooms (approved by wuye), 张明远 (13800000001) with one approved and one pending; access cards for a few
 * rooms; and 张明远's passes — 李雷 this afternoon (driving 冀A8K2M9), 王芳 yesterday (came and left), 赵强 three
 * days ago (never came: expired).
 */
export async function seedVisitors(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; vehicles?: number; cards?: number; passes?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const sunny = street.compounds.find((c) => c.name === '阳光花园');
  const wuye = await demo.as('wuye');
  const zhang = await demo.as('13800000001');
  if (!sunny || !wuye || !zhang) return { skipped: 'no demo logins' };
  if (await read(kernel).selectFrom('dev_vehicles').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(VISITORS_SEED);
  const now = demo.now;
  const plate = () => `冀A${Array.from({ length: 5 }, (_, i) => (i < 2 && rng.chance(0.5) ? rng.pick([...LETTERS]) : String(rng.int(0, 9)))).join('')}`;
  let vehicles = 0;

  // 张明远's: one approved a month ago, one pending since yesterday.
  const zhangRoom = (await myRooms(zhang)).find((r) => r.compoundId === sunny.id && r.mayRegisterVehicles);
  if (!zhangRoom) return { skipped: '张明远 holds no room at 阳光花园' };
  const zhangPlate = '冀A6N3Q8';
  const approved = await addVehicle(at(zhang, new Date(now.getTime() - 30 * DAY)), { roomId: zhangRoom.roomId, plate: zhangPlate, kind: 'car', note: '白色大众朗逸' });
  await reviewVehicle(at(wuye, new Date(now.getTime() - 29 * DAY)), approved.id, { decision: 'approve', note: '' });
  await addVehicle(at(zhang, new Date(now.getTime() - 1 * DAY)), { roomId: zhangRoom.roomId, plate: '冀AD72351', kind: 'new_energy', note: '家人新购电动车' });
  vehicles += 2;

  // Other owners and tenants of 阳光花园 (residents without logins: acting as their registry person).
  const holders = (await roomHoldersUnder(read(kernel), sunny.path, 60)).filter((h) => h.roomId !== zhangRoom.roomId);
  const residentPlates = [zhangPlate];
  const seen = new Set<string>();
  const chosen = holders.filter((h) => (seen.has(h.roomId) ? false : (seen.add(h.roomId), true))).filter((_, i) => i % 4 === 0).slice(0, 12);
  for (const [i, h] of chosen.entries()) {
    const resident: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, name: h.name, personId: h.personId } };
    const p = plate();
    const added = await addVehicle(at(resident, new Date(now.getTime() - (40 - i * 3) * DAY)), { roomId: h.roomId, plate: p, kind: rng.pick(KINDS), note: '' }).catch(() => null);
    if (!added) continue;
    vehicles++;
    if (i % 5 === 4) continue; // a few still waiting for review
    const rejected = i === 6;
    await reviewVehicle(at(wuye, new Date(now.getTime() - (39 - i * 3) * DAY)), added.id, rejected ? { decision: 'reject', note: '车牌与行驶证不符，请重新登记' } : { decision: 'approve', note: '' });
    if (!rejected) residentPlates.push(p);
  }

  // Access cards for 张明远's room and a few others.
  const cardNos: string[] = [];
  for (const [i, roomId] of [zhangRoom.roomId, ...chosen.slice(0, 5).map((h) => h.roomId)].entries()) {
    const cardNo = `${(0xa1b20000 + i * 7919).toString(16).toUpperCase()}`;
    await issueCard(at(wuye, new Date(now.getTime() - (60 - i) * DAY)), sunny.id, { roomId, cardNo, holderName: i === 0 ? '张明远' : (chosen[i - 1]?.name ?? '') });
    cardNos.push(cardNo);
  }

  // 张明远's passes: this afternoon (upcoming), yesterday (used), three days ago (expired).
  const today = chinaMidnight(now);
  // This afternoon; once the afternoon is nearly over (a demo started late), tomorrow's.
  const day = now.getTime() - today.getTime() < 16 * HOUR ? today : new Date(today.getTime() + DAY);
  const afternoon = { from: new Date(day.getTime() + 14 * HOUR), to: new Date(day.getTime() + 18 * HOUR) };
  const createdAt = new Date(Math.min(now.getTime(), afternoon.from.getTime()) - 2 * HOUR);
  const upcoming = await createPass(at(zhang, createdAt), {
    roomId: zhangRoom.roomId,
    visitorName: '李雷',
    visitorPhone: '13912345678',
    plate: '冀A8K2M9',
    purpose: '朋友来访',
    validFrom: afternoon.from.toISOString(),
    validTo: afternoon.to.toISOString(),
  });
  const yesterday = { from: new Date(today.getTime() - 24 * HOUR + 9 * HOUR), to: new Date(today.getTime() - 24 * HOUR + 12 * HOUR) };
  const used = await createPass(at(zhang, new Date(yesterday.from.getTime() - HOUR)), {
    roomId: zhangRoom.roomId,
    visitorName: '王芳',
    purpose: '上门维修空调',
    validFrom: yesterday.from.toISOString(),
    validTo: yesterday.to.toISOString(),
  });
  // Her arrival and departure as the gate recorded them (the device events belong to the gates part's demo).
  await write({ kernel, actor: SYSTEM_ACTOR }, (tx) =>
    tx
      .updateTable('dev_passes')
      .set({ arrived_at: new Date(yesterday.from.getTime() + 25 * 60_000), left_at: new Date(yesterday.from.getTime() + 130 * 60_000) })
      .where('street_id', '=', street.street.id)
      .where('id', '=', used.id)
      .execute(),
  );
  const past = { from: new Date(today.getTime() - 3 * DAY + 15 * HOUR), to: new Date(today.getTime() - 3 * DAY + 17 * HOUR) };
  await createPass(at(zhang, new Date(past.from.getTime() - 3 * HOUR)), { roomId: zhangRoom.roomId, visitorName: '赵强', visitorPhone: '13787654321', purpose: '送家具', validFrom: past.from.toISOString(), validTo: past.to.toISOString() });

  demo.put(DEMO_VISITORS, {
    compoundId: sunny.id,
    passCode: upcoming.code,
    passPlate: '冀A8K2M9',
    passFrom: afternoon.from.toISOString(),
    passTo: afternoon.to.toISOString(),
    residentPlates,
    cardNos,
  });
  demo.notes.push('访客通行：13800000001（张明远）在 H5「访客通行」已为访客李雷（冀A8K2M9，下午来访）生成通行码；wuye 在工作台「门禁与停车 → 车辆审核」有待审核车辆。');
  return { vehicles, cards: cardNos.length, passes: 3 };
}
