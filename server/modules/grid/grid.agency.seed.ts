import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import type { AgencyHandover } from './grid.tables.ts';
import { read } from './grid.db.ts';
import { bookAgency } from './use-cases/agency-book.ts';
import { decideBooking } from './use-cases/agency-bookings-decide.ts';
import { handOver } from './use-cases/agency-cases-handover.ts';
import { openCase } from './use-cases/agency-cases-open.ts';
import { recordResult } from './use-cases/agency-cases-result.ts';
import { sendCase } from './use-cases/agency-cases-send.ts';
import { withdrawCase } from './use-cases/agency-cases-withdraw.ts';
import { createPoint } from './use-cases/agency-points-save.ts';
import { purgeAgencyDocuments } from './use-cases/agency-retention.ts';
import { createService } from './use-cases/agency-services-save.ts';

/** The agency part's draws: its own stream. */
export const AGENCY_SEED = 2475;
/** The point at 阳光花园 (锦华物业's office) where the e2e opens its case. */
export const DEMO_AGENCY_POINT = '阳光花园物业服务中心代办点';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A tiny real PNG: a demo ID copy. */
const COPY = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Xiangmihu's kind of services: documents asked for, time limit in days, pay per completed case in fen. */
export const DEMO_SERVICES: { name: string; documents: string[]; timeLimitDays: number; payFen: number }[] = [
  { name: '老年人优待证办理', documents: ['身份证复印件', '一寸免冠照片'], timeLimitDays: 10, payFen: 1500 },
  { name: '高龄津贴申领', documents: ['身份证复印件', '户口簿复印件', '银行卡复印件'], timeLimitDays: 15, payFen: 2000 },
  { name: '居住证办理', documents: ['身份证复印件', '租赁合同', '一寸免冠照片'], timeLimitDays: 15, payFen: 2000 },
  { name: '残疾人证办理', documents: ['身份证复印件', '户口簿复印件', '二寸免冠照片'], timeLimitDays: 30, payFen: 3000 },
  { name: '城乡居民医保参保', documents: ['身份证复印件', '户口簿复印件'], timeLimitDays: 7, payFen: 1000 },
  { name: '灵活就业登记', documents: ['身份证复印件', '就业登记表'], timeLimitDays: 7, payFen: 1000 },
  { name: '独生子女父母奖励', documents: ['身份证复印件', '独生子女父母光荣证', '户口簿复印件'], timeLimitDays: 20, payFen: 2000 },
  { name: '门牌证明开具', documents: ['身份证复印件', '房产证复印件'], timeLimitDays: 5, payFen: 800 },
  { name: '最低生活保障申请', documents: ['身份证复印件', '户口簿复印件', '收入证明', '家庭财产申报表'], timeLimitDays: 30, payFen: 5000 },
  { name: '临时救助申请', documents: ['身份证复印件', '困难情况说明'], timeLimitDays: 10, payFen: 3000 },
  { name: '生育登记', documents: ['夫妻双方身份证复印件', '结婚证复印件'], timeLimitDays: 5, payFen: 800 },
];

/** A moment in Shanghai `days` from `base`, at the given hour. */
const shanghaiAt = (base: Date, days: number, hour: number) => {
  const day = new Date(base.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
};
/** The same actor at a moment of the demo's past: what it records carries that time. */
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });

type To = 'accepted' | 'sent' | 'result' | 'completed' | 'refused' | 'withdrawn';
interface Plan {
  service: number;
  point: 0 | 1;
  /** When it was accepted: days after the start of a month (0 this month, 1 last month, 2 the month before), or days ago. */
  accepted: { monthsBack: 1 | 2; day: number } | { daysAgo: number };
  to: To;
  /** Days from acceptance to completion (completed cases). */
  takes?: number;
  how?: AgencyHandover;
  reason?: string;
  /** The applicant: 张明远 (13800000001), 林晓雯 (13800000002), or the n-th owner or tenant of the compound. */
  who: 'zhang' | 'lin' | number;
}

const PLANS: Plan[] = [
  { service: 4, point: 0, accepted: { monthsBack: 2, day: 3 }, to: 'completed', takes: 6, how: 'in_person', who: 'zhang' },
  { service: 1, point: 0, accepted: { monthsBack: 2, day: 8 }, to: 'completed', takes: 12, how: 'delivered', who: 2 },
  { service: 4, point: 1, accepted: { monthsBack: 2, day: 12 }, to: 'completed', takes: 9, how: 'in_person', who: 1 },
  { service: 2, point: 0, accepted: { monthsBack: 1, day: 2 }, to: 'completed', takes: 10, how: 'in_person', who: 'lin' },
  { service: 7, point: 0, accepted: { monthsBack: 1, day: 5 }, to: 'completed', takes: 3, how: 'in_person', who: 4 },
  { service: 3, point: 1, accepted: { monthsBack: 1, day: 6 }, to: 'completed', takes: 21, how: 'delivered', who: 3 },
  { service: 8, point: 0, accepted: { monthsBack: 1, day: 9 }, to: 'refused', takes: 16, how: 'in_person', reason: '家庭人均收入高于本市最低生活保障标准', who: 6 },
  { service: 5, point: 1, accepted: { monthsBack: 1, day: 14 }, to: 'completed', takes: 9, how: 'in_person', who: 5 },
  { service: 10, point: 0, accepted: { monthsBack: 1, day: 16 }, to: 'withdrawn', reason: '办事人已自行前往街道便民服务中心办理', who: 8 },
  { service: 6, point: 0, accepted: { daysAgo: 12 }, to: 'completed', takes: 8, how: 'delivered', who: 10 },
  { service: 9, point: 0, accepted: { daysAgo: 14 }, to: 'result', who: 12 },
  { service: 1, point: 1, accepted: { daysAgo: 20 }, to: 'sent', who: 7 },
  { service: 4, point: 0, accepted: { daysAgo: 9 }, to: 'sent', who: 14 },
  { service: 0, point: 0, accepted: { daysAgo: 2 }, to: 'accepted', who: 16 },
  { service: 2, point: 1, accepted: { daysAgo: 1 }, to: 'accepted', who: 9 },
];

/**
 * The agency part of the demo: the street's eleven services; two points — 阳光花园's property office (锦华物业,
 * staffed by wuyestaff) and the next compound's (also 锦华物业, run by wuye) — and fifteen cases over the last three
 * months in every status (completed in the month before last and last month, so statements have lines; one refused,
 * one withdrawn; open ones, one overdue), documents deleted under the retention rule where due, and two bookings by
 * 林晓雯. 张明远 (13800000001) has only a completed 城乡居民医保参保 (the e2e opens his 老年人优待证办理); 周雨桐 is left alone.
 */
export async function seedAgency(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; services?: number; points?: number; cases?: Record<string, number>; bookings?: number; purged?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  const db = read(kernel);
  if (await db.selectFrom('grid_agency_services').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const official = await demo.as('street');
  const staff0 = await demo.as('wuyestaff');
  const staff1 = await demo.as('wuye');
  if (!official || !staff0 || !staff1) return { skipped: 'no staff logins' };
  const rng = demo.random(AGENCY_SEED);
  const now = demo.now;
  const longAgo = new Date(now.getTime() - 100 * DAY);

  const serviceIds: string[] = [];
  for (const s of DEMO_SERVICES) serviceIds.push((await createService(at(official, longAgo), { ...s, active: true, streetId })).id);

  const sites = [street.compounds[0], street.compounds[1]].filter((c): c is NonNullable<typeof c> => !!c && !!c.propertyCompanyId);
  if (sites.length < 2) return { skipped: 'no compounds with a property company', services: serviceIds.length };
  const pointIds: string[] = [];
  const names = [DEMO_AGENCY_POINT, `${sites[1]!.name}物业服务中心代办点`];
  for (const [i, c] of sites.entries()) {
    const { id } = await createPoint(at(official, longAgo), {
      compoundId: c.id,
      companyId: c.propertyCompanyId!,
      name: names[i]!,
      address: `${c.name}${i === 0 ? '东门' : '南门'}物业服务中心一楼`,
      hours: '周一至周六 9:00–12:00，14:00–17:30',
      phone: i === 0 ? '0571-86001201' : '0571-86001302',
      // The first point accepts every service; the second all but two.
      serviceIds: i === 0 ? serviceIds : serviceIds.filter((_, k) => k !== 8 && k !== 10),
      active: true,
    });
    pointIds.push(id);
  }

  // Applicants: owners and tenants of each compound, without 周雨桐 (a privacy e2e needs her untouched) and the e2e's two.
  const zhang = demo.account('13800000001')?.personId ?? null;
  const lin = demo.account('13800000002')?.personId ?? null;
  const keep = new Set([zhang, lin, demo.account('13800000003')?.personId].filter(Boolean));
  const holders = await Promise.all(sites.map((c) => roomHoldersUnder(db, c.path, 400)));
  const others = holders.map((hs) => [...new Map(hs.filter((h) => !keep.has(h.personId)).map((h) => [h.personId, h])).values()]);
  const staffOf = [staff0, staff1];
  const cases: Record<string, number> = {};
  for (const plan of PLANS) {
    const pointId = pointIds[plan.point]!;
    const personId = plan.who === 'zhang' ? zhang : plan.who === 'lin' ? lin : (others[plan.point]![plan.who % Math.max(1, others[plan.point]!.length)]?.personId ?? null);
    if (!personId) continue;
    const accepted =
      'daysAgo' in plan.accepted
        ? shanghaiAt(now, -plan.accepted.daysAgo, 9 + rng.int(0, 7))
        : new Date(
            (plan.accepted.monthsBack === 1 ? previousPeriod('month', now) : previousPeriod('month', previousPeriod('month', now).start)).start.getTime() +
              (plan.accepted.day - 1) * DAY +
              (9 + rng.int(0, 7)) * HOUR,
          );
    const staff = staffOf[plan.point]!;
    const service = DEMO_SERVICES[plan.service]!;
    const idNumber = withIdChecksum(`33010619${String(40 + rng.int(0, 45))}0${rng.int(1, 9)}1${rng.int(0, 9)}${String(rng.int(100, 999))}`);
    const { id } = await openCase(
      at(staff, accepted),
      { pointId, serviceId: serviceIds[plan.service]!, personId, idNumber, labels: service.documents.join('\n'), note: '' },
      service.documents.slice(0, 2).map((d, k) => ({ filename: `${d}-${k + 1}.png`, content: COPY })),
    );
    const step = (days: number) => new Date(Math.min(accepted.getTime() + days * DAY + rng.int(1, 5) * HOUR, now.getTime() - HOUR));
    if (plan.to !== 'accepted' && plan.to !== 'withdrawn') await sendCase(at(staff, step(1)), id, { note: `已转报${rng.pick(['区民政局', '区人社局', '区医保局', '街道社会事务办'])}` });
    if (plan.to === 'withdrawn') await withdrawCase(at(staff, step(2)), id, { reason: plan.reason! });
    const takes = plan.takes ?? Math.max(2, Math.floor(service.timeLimitDays / 2));
    if (plan.to === 'result' || plan.to === 'completed' || plan.to === 'refused')
      await recordResult(at(staff, step(Math.max(2, takes - 1))), id, plan.to === 'refused' ? { outcome: 'refused', reason: plan.reason! } : { outcome: 'success' });
    if (plan.to === 'completed' || plan.to === 'refused') {
      const done = step(takes);
      await handOver(at(staff, done), id, { how: plan.how ?? 'in_person', note: '' });
    }
    const shown = plan.to === 'refused' ? 'completed' : plan.to;
    cases[shown] = (cases[shown] ?? 0) + 1;
  }

  // Documents of cases completed more than the retention ago are deleted, as the daily job would have.
  const { purged } = await purgeAgencyDocuments(kernel);

  // Two bookings by 林晓雯 at 阳光花园's point: one confirmed, one waiting.
  let bookings = 0;
  const linCtx = await demo.as('13800000002');
  if (linCtx) {
    const today = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const plus = (d: number) => new Date(Date.parse(`${today}T00:00:00Z`) + d * DAY).toISOString().slice(0, 10);
    const first = await bookAgency(at(linCtx, new Date(now.getTime() - 2 * DAY)), { pointId: pointIds[0]!, serviceId: serviceIds[4], kind: 'point', day: plus(1), slot: 'am', note: '想咨询父母医保参保需要带哪些材料' });
    await decideBooking(at(staff0, new Date(now.getTime() - DAY)), first.id, { confirm: true });
    await bookAgency(at(linCtx, new Date(now.getTime() - 3 * HOUR)), { pointId: pointIds[0]!, serviceId: serviceIds[0], kind: 'home', day: plus(3), slot: 'pm', note: '家中老人行动不便，希望上门办理优待证' });
    bookings = 2;
  }
  demo.notes.push(`政务代办：wuyestaff 在「${DEMO_AGENCY_POINT}」受理代办件（/grid/agency/cases），居民在 /h5/grid/agency 查看进度和预约。`);
  return { services: serviceIds.length, points: pointIds.length, cases, bookings, purged };
}
