import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { approveStatement, generatePayouts, parsePeriod, payStatement, previousPeriod, reviewStatement } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET, householdTagsOn, roomsWithOwnershipOf, updatePerson } from '../registry/index.ts';
import { SUBSIDY_PAYOUT_KIND } from './fees.constants.ts';
import { read, write } from './fees.db.ts';
import { authoriseTenant } from './use-cases/authorise-tenant.ts';
import { bookPayment } from './use-cases/book-payment.ts';
import { grantSubsidiesForPaidBills } from './use-cases/grant-subsidies.ts';
import { setSubsidyPolicy } from './use-cases/set-subsidy-policy.ts';

const DAY = 86_400_000;
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });
const VOUCHER_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
/** The household the e2e journey follows (e2e/fees-subsidy-journey.spec.ts): 林晓雯, tenant of 阳光花园 3栋1单元502. */
export const SUBSIDY_E2E_LOGIN = '13800000002';

/**
 * 先缴后补 in the demo, after the other fees parts: 安和街道's policy, adopted just before two months ago (50 % of what is paid, at most 300 元 per household
 * and period, 低保 and 特困), the subsidy lines of the bills the demo's tagged households have paid (each granted when
 * its payment was booked), and the statements: two months ago and last month generated (as the job would); in the
 * first community, last month's and the earlier ones reviewed by the residents' committee, approved by the street and
 * paid with a voucher — except 林晓雯's of two months ago, left a draft for the e2e journey to review and approve.
 * 林晓雯 (13800000002) gets a 低保 certificate dated just before two months ago and 张明远's authorisation to pay
 * 502's bills. A no-op when the street has a policy already or no bills.
 */
export async function seedSubsidies(kernel: Kernel, demo: DemoSeedContext): Promise<{ lines: number; statements: number } | undefined> {
  const street = demo.get(DEMO_STREET);
  if (!street) return undefined;
  const db = read(kernel);
  const streetId = street.street.id;
  if (await db.selectFrom('fee_subsidy_policies').select('id').where('street_id', '=', streetId).limit(1).executeTakeFirst()) return undefined;
  const firstBill = await db.selectFrom('fee_bills').select(sql<string>`min(to_char(issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))`.as('day')).where('street_id', '=', streetId).executeTakeFirst();
  const [official, owner, committee] = await Promise.all([demo.as('street'), demo.as('13800000001'), demo.as('juweihui')]);
  const registrar = official;
  if (!firstBill?.day || !official) return undefined;
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const lastMonth = previousPeriod('month', demo.now);
  const twoAgo = previousPeriod('month', lastMonth.start);

  // The street adopted the policy shortly before the month two months ago (the bills issued since follow it), the
  // day 林晓雯's 低保 certificate is dated too; the other tagged households hold theirs from long before.
  const policyDay = chinaDay(new Date(twoAgo.start.getTime() - 10 * DAY));
  await setSubsidyPolicy(at(official, new Date(Date.parse(`${policyDay}T09:00:00+08:00`) - 20 * DAY)), {
    streetId,
    effectiveFrom: policyDay,
    mode: 'share',
    shareBp: 5000,
    capFen: 30_000,
    tags: ['low_income', 'extreme_hardship'],
    note: '街道物业费先缴后补实施办法：低保、特困家庭缴纳物业费后，按实缴金额 50% 补贴，每户每期不超过 300 元',
  });

  // 林晓雯: a 低保 certificate of two months ago; 张明远 lets her pay 502's bills.
  const tenant = demo.account(SUBSIDY_E2E_LOGIN);
  const tenantPerson = tenant ? (await db.selectFrom('accounts').select('person_id').where('id', '=', tenant.id).executeTakeFirst())?.person_id : null;
  let tenantRoom: string | null = null;
  if (tenant && tenantPerson && owner && registrar) {
    // The certificate is dated ten days before the month her bills are subsidised from (bills are issued as their month begins).
    await updatePerson(registrar, tenantPerson, { tags: ['low_income'], tagsChangedOn: policyDay });
    tenantRoom = (await roomsWithOwnershipOf(db, tenantPerson)).find((r) => !r.owner)?.roomId ?? null;
    if (tenantRoom) await authoriseTenant(owner, { roomId: tenantRoom, personId: tenantPerson });
  }

  // The lines of the bills already paid (the payments part's demo), each granted when its payment was booked.
  const paid = await db
    .selectFrom('fee_bills as b')
    .select(['b.id', 'b.room_id as roomId', sql<string>`to_char(b.issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as('day')])
    .select((eb) => eb.selectFrom('fee_payment_allocations as a').select(sql<Date>`max(a.at)`.as('m')).whereRef('a.street_id', '=', 'b.street_id').whereRef('a.bill_id', '=', 'b.id').where('a.amount_fen', '>', 0).as('paidAt'))
    .where('b.street_id', '=', streetId)
    .where('b.status', '=', 'paid')
    .where('b.source', '=', 'generated')
    .where('b.payer_kind', '=', 'owners')
    .where('b.issued_at', '>=', new Date(`${policyDay}T00:00:00+08:00`))
    .execute();
  const byDay = new Map<string, typeof paid>();
  // 林晓雯's room is seeded on its own below (the journey's household).
  for (const b of paid) if (b.roomId !== tenantRoom) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
  const byTime = new Map<number, string[]>();
  for (const [day, bills] of byDay) {
    const held = await householdTagsOn(db, [...new Set(bills.map((b) => b.roomId))], day, ['low_income', 'extreme_hardship']);
    for (const b of bills) if (held.has(b.roomId) && b.paidAt) byTime.set(new Date(b.paidAt).getTime(), [...(byTime.get(new Date(b.paidAt).getTime()) ?? []), b.id]);
  }
  let lines = 0;
  await write(system, async (tx) => {
    for (const [time, ids] of [...byTime].sort((a, b) => a[0] - b[0])) lines += (await grantSubsidiesForPaidBills(tx, at(system, new Date(time)), ids)).length;
  });

  // 林晓雯's bills since her certificate, before this month: each paid by her within its month (at the counter if the
  // payments part left it open), so each month's line lands on that month's statement — two months ago's is the journey's.
  if (tenantRoom && tenant) {
    const bills = await db
      .selectFrom('fee_bills')
      .select(['id', 'status', 'amount_fen', 'adjusted_fen', 'paid_fen', 'issued_at', 'period_end'])
      .where('street_id', '=', streetId)
      .where('room_id', '=', tenantRoom)
      .where('source', '=', 'generated')
      .where('payer_kind', '=', 'owners')
      .where('period_start', '>=', twoAgo.firstDay)
      .where('period_start', '<', chinaDay(lastMonth.end))
      .orderBy('period_start')
      .execute();
    for (const [i, b] of bills.entries()) {
      const monthEnd = Date.parse(`${b.period_end}T00:00:00+08:00`);
      const when = new Date(Math.min(b.issued_at.getTime() + 18 * DAY + 6 * 3_600_000, monthEnd - DAY, demo.now.getTime() - DAY));
      if (b.status === 'open') {
        await write(system, (tx) =>
          bookPayment(tx, at(system, when), { streetId, channel: 'cash', voucherNo: `XJ${chinaDay(when).replaceAll('-', '')}-SUB${i + 1}`, amountFen: b.amount_fen + b.adjusted_fen - b.paid_fen, billIds: [b.id], payerAccountId: tenant.id, payerNameMasked: '林*', bookedBy: demo.account('wuye')?.id ?? null }),
        );
        lines++;
      } else if (b.status === 'paid') {
        lines += (await write(system, (tx) => grantSubsidiesForPaidBills(tx, at(system, when), [b.id], tenant.id))).length;
      }
    }
  }

  // The statements (as the job makes them), then the community's review, the street's approval and the payment.
  await generatePayouts(system, { kind: SUBSIDY_PAYOUT_KIND, streetId, period: twoAgo.label });
  await generatePayouts(system, { kind: SUBSIDY_PAYOUT_KIND, streetId, period: lastMonth.label });
  const community = street.communities[0]!;
  const statements = await db
    .selectFrom('payout_statements as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select(['s.id', 's.payee_id', 's.period'])
    .where('s.kind', '=', SUBSIDY_PAYOUT_KIND)
    .where('p.path', 'like', `${community.path}%`)
    .orderBy('s.period')
    .orderBy('s.payee_name')
    .execute();
  if (committee) {
    for (const s of statements) {
      if (s.payee_id === tenantPerson && s.period === twoAgo.label) continue;
      await reviewStatement(committee, s.id, '已核对低保、特困证明及缴费记录');
      await approveStatement(official, s.id, '同意发放');
      const paidOn = new Date(parsePeriod('month', s.period)!.end.getTime() + 9 * DAY + 10 * 3_600_000);
      await payStatement(at(official, new Date(Math.min(paidOn.getTime(), demo.now.getTime() - DAY))), s.id, async () => ({
        voucherNo: `BT${s.period.replace('-', '')}-${s.id.slice(0, 6).toUpperCase()}`,
        upload: { filename: '补贴发放凭证.pdf', mimetype: 'application/pdf', content: VOUCHER_PDF },
      }));
    }
  }
  demo.notes.push('先缴后补：林晓雯 13800000002（低保）在 H5「办事 → 先缴后补」查看补贴进度；居委会 juweihui 审核、街道 street 审批「结算单」中的先缴后补补贴；工作台「先缴后补」设置政策、查看补贴明细。');
  return { lines, statements: statements.length };
}
