import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import type { Ctx } from '../../kernel/context.ts';
import { approveStatement, generatePayouts, payStatement, periodContaining, previousPeriod, reviewStatement } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './supervision.db.ts';
import { STANDARD_SUBSIDY_KIND } from './supervision.subsidy.constants.ts';
import { listSubsidyCompound } from './use-cases/enlist-subsidy-compound.ts';
import { setSubsidyPolicy } from './use-cases/set-subsidy-policy.ts';

/**
 * The old compounds of the demo street the subsidy lists. The registry keeps no build year, so they are picked by
 * name from the demo's layout: 纺织厂宿舍 (built 1988), 东街3号院 (1995, no property company — never assessed, so it
 * shows why it earns nothing) and 和园小区 (2009, the oldest served by 锦华物业).
 */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });
const VOUCHER_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

const OLD = ['纺织厂宿舍', '东街3号院', '和园小区'];

/**
 * 达标补贴's part of the demo, after the assessment published last quarter: the three old compounds listed from a
 * year ago; a policy from a year ago (published score ≥ 82.00, 15.00 yuan per room per quarter, at most 30,000 yuan
 * per compound — last quarter 纺织厂宿舍 meets it and 和园小区, just above 80, does not) and a stricter one from this quarter on (≥ 85.00); last quarter's statement generated from the
 * published assessment, reviewed by 'street', approved by 'street2' and paid yesterday with a voucher. A no-op once a policy exists.
 */
export async function seedSubsidy(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; lines?: number }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('sup_subsidy_policies').select('street_id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const current = periodContaining('quarter', demo.now);
  const last = previousPeriod('quarter', demo.now);
  let yearAgo = current;
  for (let i = 0; i < 4; i++) yearAgo = previousPeriod('quarter', new Date(yearAgo.start.getTime()));

  for (const name of OLD) {
    const c = street.compounds.find((x) => x.name === name);
    if (c) await listSubsidyCompound(official, { compoundId: c.id, fromPeriod: yearAgo.label, note: '老旧小区（2010 年前建成）' });
  }
  await setSubsidyPolicy(official, { streetId: street.street.id, fromPeriod: yearAgo.label, thresholdCenti: 8200, rateFen: 1500, capFen: 3_000_000, note: '街道老旧小区物业服务达标补贴办法（试行）' });
  await setSubsidyPolicy(official, { streetId: street.street.id, fromPeriod: current.label, thresholdCenti: 8500, rateFen: 1500, capFen: 3_000_000, note: '修订：达标线提高至 85 分' });

  const made = await generatePayouts({ kernel, actor: SYSTEM_ACTOR }, { kind: STANDARD_SUBSIDY_KIND, streetId: street.street.id, period: last.label });
  const statements = await read(kernel).selectFrom('payout_statements').select('id').where('street_id', '=', street.street.id).where('kind', '=', STANDARD_SUBSIDY_KIND).where('period', '=', last.label).execute();
  const second = await demo.as('street2');
  const yesterday = new Date(demo.now.getTime() - 86_400_000);
  for (const s of statements) {
    await reviewStatement(official, s.id, '已核对名单、考评公布结果及户数');
    if (!second) continue;
    await approveStatement(second, s.id, '同意拨付');
    await payStatement(at(second, yesterday), s.id, async () => ({
      voucherNo: `DB${last.label.replace('-', '')}-${s.id.slice(0, 6).toUpperCase()}`,
      upload: { filename: '达标补贴拨付凭证.pdf', mimetype: 'application/pdf', content: VOUCHER_PDF },
    }));
  }
  return { lines: made.lines };
}
