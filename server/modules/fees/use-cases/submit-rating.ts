import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices } from '../../registry/index.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { RateBody } from '../fees.ratings.schemas.ts';
import { yuan } from './arrears-rules.ts';
import { billsOfMonth, billsVerdict, ownedCompounds } from './rating-eligibility.ts';
import { isRatingOpen } from './rating-rules.ts';

/**
 * An owner rates the property company serving a compound for a month (the right to rate, issue 19 §1). Allowed
 * when the actor owns or co-owns a room in the compound now (tenants do not rate), the month is open (its 1st to
 * the last day of the next month, Shanghai), the compound has a company, the owner's rooms there have at least one
 * owners' bill overlapping the month, and every such bill is paid. Once per owner (person), compound and month —
 * co-owners of one room each rate, as each holds the right — and never changed afterwards. The company is kept as
 * it is on the day of rating.
 */
export async function submitRating(ctx: Ctx, body: RateBody) {
  const personId = ctx.actor.personId;
  if (!personId) throw FeesErrors.RATING_NOT_OWNER();
  return write(ctx, async (tx) => {
    const compound = (await ownedCompounds(tx, ctx)).find((c) => c.compoundId === body.compoundId);
    if (!compound) throw FeesErrors.RATING_NOT_OWNER();
    const now = ctx.kernel.clock.now();
    if (!isRatingOpen(body.period, chinaDay(now))) throw FeesErrors.RATING_NOT_OPEN({ period: body.period });
    const company = (await compoundServices(tx, compound.compoundId)).propertyCompany;
    if (!company) throw FeesErrors.RATING_NO_COMPANY();
    const rated = await tx
      .selectFrom('fee_ratings')
      .select('id')
      .where('street_id', '=', compound.streetId)
      .where('compound_id', '=', compound.compoundId)
      .where('period', '=', body.period)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (rated) throw FeesErrors.RATING_EXISTS({ period: body.period });
    const { verdict, unpaid, unpaidFen } = billsVerdict(await billsOfMonth(tx, compound.streetId, compound.rooms.map((r) => r.roomId), body.period));
    if (verdict === 'noBills') throw FeesErrors.RATING_NO_BILLS({ period: body.period });
    if (verdict === 'unpaid') throw FeesErrors.RATING_UNPAID({ period: body.period, count: unpaid.length, amount: yuan(unpaidFen) });
    const id = newId();
    // The unique key decides a race between two submissions of the same owner: the second inserts nothing.
    const inserted = await tx
      .insertInto('fee_ratings')
      .values({
        street_id: compound.streetId,
        id,
        compound_id: compound.compoundId,
        company_id: company.id,
        period: body.period,
        person_id: personId,
        account_id: ctx.actor.accountId,
        rooms_label: compound.rooms.map((r) => r.roomLabel).join('、').slice(0, 300),
        cleaning: body.cleaning,
        security: body.security,
        repairs: body.repairs,
        greenery: body.greenery,
        attitude: body.attitude,
        comment: body.comment ?? '',
        rated_at: now,
      })
      .onConflict((oc) => oc.columns(['street_id', 'compound_id', 'period', 'person_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw FeesErrors.RATING_EXISTS({ period: body.period });
    // The scores, not the comment: free text may name people, and the audit log keeps no personal data.
    await audit(tx, ctx, {
      action: 'fees.rating.submitted',
      placeId: compound.compoundId,
      subjectType: 'fee_rating',
      subjectId: id,
      after: { period: body.period, companyId: company.id, cleaning: body.cleaning, security: body.security, repairs: body.repairs, greenery: body.greenery, attitude: body.attitude, commented: !!body.comment },
    });
    return { id, period: body.period, compoundId: compound.compoundId, companyName: company.name, ratedAt: now };
  });
}
