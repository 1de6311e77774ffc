import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { QUARTER_PATTERN } from '../fees.fund.constants.ts';
import { dayBefore, fundTotals, fundUses, publishedUse, quarterSpan } from '../fees.fund.repository.ts';
import { accountOf } from './arrears-scope.ts';
import { fundStaffPlace } from './fund-access.ts';

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * Publishes a compound's fund for a quarter that has ended (Civil Code art. 281: the raising and use published
 * to the owners regularly): a snapshot of the opening balance, what was raised, used, earned and returned, the
 * closing balance, and each use with its basis. Refused while any use of the quarter has no basis; once per
 * compound and quarter. The compound's owners are told.
 */
export async function publishFundQuarter(ctx: Ctx, input: { placeId: string; quarter: string }) {
  return write(ctx, async (tx) => {
    const place = await fundStaffPlace(ctx, tx, input.placeId, 'publish');
    if (!QUARTER_PATTERN.test(input.quarter)) throw FeesErrors.FUND_BAD_QUARTER();
    const span = quarterSpan(input.quarter);
    if (span.to >= chinaDay(ctx.kernel.clock.now())) throw FeesErrors.FUND_BAD_QUARTER();
    const exists = await tx.selectFrom('fee_fund_publications').select('id').where('street_id', '=', place.street_id).where('compound_id', '=', place.id).where('quarter', '=', input.quarter).executeTakeFirst();
    if (exists) throw FeesErrors.FUND_PUBLISHED_ALREADY();
    const uses = await fundUses(tx, place.street_id, place.id, span);
    const published = uses.map(publishedUse);
    const missing = published.filter((u) => !u).length;
    if (missing) throw FeesErrors.FUND_USE_WITHOUT_BASIS({ count: missing });
    const [before, during] = await Promise.all([fundTotals(tx, place.street_id, place.id, { to: dayBefore(span.from) }), fundTotals(tx, place.street_id, place.id, span)]);
    const id = newId();
    const snapshot = {
      opening_fen: before.netFen,
      raised_fen: during.raisedFen,
      used_fen: during.usedFen,
      interest_fen: during.interestFen,
      refunded_fen: during.refundedFen,
      closing_fen: before.netFen + during.netFen,
    };
    await tx
      .insertInto('fee_fund_publications')
      .values({ street_id: place.street_id, id, compound_id: place.id, quarter: input.quarter, ...snapshot, uses: JSON.stringify(published), published_by: accountOf(ctx), published_at: ctx.kernel.clock.now() })
      .execute();
    const { recipients } = await notify(tx, ctx, {
      template: 'fees.fund_published',
      placeId: place.id,
      to: { audience: 'registry.owners' },
      data: { compound: place.name, quarter: input.quarter, closing: yuan(snapshot.closing_fen), used: yuan(snapshot.used_fen), publicationId: id },
      subject: { type: 'fee_fund_publication', id },
    });
    await audit(tx, ctx, { action: 'fees.fund.published', placeId: place.id, subjectType: 'fee_fund_publication', subjectId: id, detail: { quarter: input.quarter, ...snapshot, uses: published.length, recipients } });
    return { id, quarter: input.quarter, ...snapshot, uses: published.length, recipients };
  });
}
