import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import {
  approveStatement,
  closeStatement,
  correctLine,
  generatePayouts,
  payStatement,
  previousPeriod,
  reviewStatement,
} from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from './demo/plan.ts';
import { read } from './registry.db.ts';
import { buildingLeaderAllowance } from './registry.payouts.ts';

/** A one-page PDF standing in for the scanned payment voucher. */
const VOUCHER_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * The building leaders' allowance of last month, walked through the flow so every state shows: the
 * statements made by the job (as the system); in the first community, one closed with its voucher, one
 * approved, three reviewed (one of them corrected: the leader took the post mid-month), the rest drafts.
 * The community secretary reviews, the street official approves, the platform admin records the payment.
 * A no-op once the kind has statements, or without the registry's street.
 */
export async function seedRegistryPayoutsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ statements: number } | undefined> {
  const street = demo.get(DEMO_STREET);
  if (!street) return undefined;
  const db = read(kernel);
  if (await db.selectFrom('payout_statements').select('id').where('kind', '=', buildingLeaderAllowance.key).limit(1).executeTakeFirst()) return undefined;
  const period = previousPeriod('month', demo.now).label;
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const made = await generatePayouts(system, { kind: buildingLeaderAllowance.key, streetId: street.street.id, period });
  const [secretary, official, admin] = await Promise.all([demo.as('shuji'), demo.as('street'), demo.as('admin')]);
  if (!secretary || !official || !admin) return { statements: made.created };
  const community = street.communities[0]!;
  const inCommunity = await db
    .selectFrom('payout_statements as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select('s.id')
    .where('s.kind', '=', buildingLeaderAllowance.key)
    .where('s.period', '=', period)
    .where('p.path', 'like', `${community.path}%`)
    .orderBy('s.payee_name')
    .orderBy('s.id')
    .limit(5)
    .execute();
  for (const [i, { id }] of inCommunity.entries()) {
    if (i === 2) {
      const line = await db.selectFrom('payout_lines').select('id').where('statement_id', '=', id).executeTakeFirstOrThrow();
      await correctLine(secretary, id, { lineId: line.id, reason: '该楼门长当月 16 日到任，按半月发放', replacement: { quantity: 1, unitFen: 10_000 } });
    }
    await reviewStatement(secretary, id);
    if (i >= 2) continue;
    await approveStatement(official, id, '已核对岗位名册');
    if (i === 1) continue;
    await payStatement(admin, id, async () => ({ voucherNo: `记-${period}-001`, upload: { filename: '付款凭证.pdf', mimetype: 'application/pdf', content: VOUCHER_PDF } }));
    await closeStatement(admin, id);
  }
  return { statements: made.created };
}
