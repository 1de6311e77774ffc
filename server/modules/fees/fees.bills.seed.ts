import { decideApproval } from '../../kernel/approvals/approvals.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { billingRoomsUnder, DEMO_STREET } from '../registry/index.ts';
import { read } from './fees.db.ts';
import { addDays, periodContaining } from './use-cases/bill-rules.ts';
import { createFeeItem } from './use-cases/create-fee-item.ts';
import { generateBills } from './use-cases/generate-bills.ts';
import { registerVacancy } from './use-cases/register-vacancy.ts';
import { requestPriceChange } from './use-cases/request-price-change.ts';

/** A context whose clock stands at `when`: the demo's history happened months ago, through the same use cases. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });
/** 09:00 in China on a day. */
const morning = (day: string) => new Date(`${day}T09:00:00+08:00`);
/** The first of the month `n` months before the one holding `day`. */
function monthsBefore(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 - n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** The property fee per m² and month at each demo compound, in layout order (阳光花园 2.35, 和园小区 1.80, …). */
const AREA_PRICE_FEN = [235, 180, 150, 200, 165, 210];
const CONTRACT_NO = (i: number) => `WY-${2025 - (i % 2)}-${String(17 + i * 3).padStart(3, '0')}`;

/**
 * The bills part of the demo, at every demo compound with a property company: 物业服务费 (by area, 30 % off a
 * registered vacancy), 垃圾清运费 (10 元/月) and, where there are parking spaces, 车位管理费 (150 元/月) — their
 * prices requested by the property manager (wuye where he serves, else admin) and approved by the street
 * (street), six months before this one; two vacancies at 阳光花园; the bills of those six months and this one,
 * each generated on its month's first morning; and one price change at 阳光花园 still waiting for approval.
 * Paying is the payments part's. A no-op once fee items exist.
 */
export async function seedBillsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ items: number; bills: number }> {
  if (await read(kernel).selectFrom('fee_items').select('id').limit(1).executeTakeFirst()) return { items: 0, bills: 0 };
  const street = demo.get(DEMO_STREET);
  const [wuye, admin, approver, staff] = await Promise.all([demo.as('wuye'), demo.as('admin'), demo.as('street'), demo.as('wuyestaff')]);
  if (!street || !admin || !approver) return { items: 0, bills: 0 };
  const today = chinaDay(demo.now);
  const firstMonth = monthsBefore(today, 6);
  const asked = morning(addDays(firstMonth, -20));
  let items = 0;
  let bills = 0;
  for (const [i, compound] of street.compounds.entries()) {
    if (!compound.propertyCompanyId) continue;
    const requester = wuye && wuye.actor.grants.some((g) => compound.path.startsWith(g.placePath)) ? wuye : admin;
    const rooms = await billingRoomsUnder(kernel.db, street.street.id, compound.path, today);
    const defs = [
      { name: '物业服务费', kind: 'area' as const, vacancyDiscountBp: 3000, unitFen: AREA_PRICE_FEN[i % AREA_PRICE_FEN.length]! },
      { name: '垃圾清运费', kind: 'fixed' as const, vacancyDiscountBp: 0, unitFen: 1000 },
      ...(rooms.some((r) => r.use === 'parking') ? [{ name: '车位管理费', kind: 'parking' as const, vacancyDiscountBp: 0, unitFen: 15000 }] : []),
    ];
    let areaItem = '';
    for (const d of defs) {
      const { id } = await createFeeItem(at(requester, asked), { compoundId: compound.id, name: d.name, kind: d.kind, cycle: 'month', vacancyDiscountBp: d.vacancyDiscountBp });
      const price = await requestPriceChange(at(requester, asked), id, { unitFen: d.unitFen, effectiveFrom: firstMonth, basisKind: 'contract', basisRef: CONTRACT_NO(i), note: '物业服务合同约定的收费标准' });
      await decideApproval(at(approver, new Date(asked.getTime() + 26 * 3_600_000)), price.approvalId, 'approve', '与合同及备案价格一致');
      if (d.kind === 'area') areaItem = id;
      items++;
    }
    if (i === 0) {
      // Two owners abroad: their flats registered vacant (the contract gives 30 % off the property fee).
      const homes = rooms.filter((r) => r.use === 'residential' && !r.developerHeld);
      const vacancyActor = staff ?? requester;
      if (homes[7]) await registerVacancy(at(vacancyActor, morning(addDays(firstMonth, -3))), { roomId: homes[7].roomId, startsOn: firstMonth, endsOn: monthsBefore(today, 2), note: '业主出国，房屋空置' });
      if (homes[23]) await registerVacancy(at(vacancyActor, morning(monthsBefore(today, 3))), { roomId: homes[23].roomId, startsOn: monthsBefore(today, 3), note: '房屋待售，无人居住' });
    }
    for (let n = 6; n >= 0; n--) {
      const month = monthsBefore(today, n);
      const r = await generateBills(at(requester, morning(month)), { compoundId: compound.id, cycle: 'month', periodLabel: periodContaining('month', month).label });
      bills += r.created;
    }
    if (i === 0 && areaItem) {
      // A raise the owners' committee agreed to in the renewed contract, waiting for the street's approval.
      await requestPriceChange(requester, areaItem, { unitFen: 245, effectiveFrom: monthsBefore(today, -1), basisKind: 'contract', basisRef: 'WY-2026-052', note: '续签合同：电梯维保费用上涨' });
    }
  }
  return { items, bills };
}
