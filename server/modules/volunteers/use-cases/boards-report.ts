import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { write } from '../volunteers.db.ts';
import { neighbourListing } from './boards-access.ts';

/** A neighbour reports a listing to the community with a reason: once per person and listing; it joins the moderation queue. */
export async function reportListing(ctx: Ctx, id: string, reason: string): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const listing = await neighbourListing(tx, ctx, id);
    const reportId = newId();
    const inserted = await tx
      .insertInto('vol_listing_reports')
      .values({ street_id: listing.streetId, id: reportId, listing_id: id, reporter_person_id: ctx.actor.personId!, reason, created_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'listing_id', 'reporter_person_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw BoardsErrors.ALREADY_REPORTED();
    await audit(tx, ctx, { action: 'volunteers.boards.listing_reported', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: { report: reportId } });
    return { id: reportId };
  });
}
