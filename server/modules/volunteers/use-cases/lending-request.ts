import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { write } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import type { RequestBody } from '../volunteers.lending.schemas.ts';
import { refuseBannedWords } from './banned-words-check.ts';
import { lendableListing } from './lending-access.ts';
import { residentCompound } from './resident-compounds.ts';

/**
 * A resident of the item's compound asks to borrow a tool or book: not their own, not hidden or withdrawn, not lent
 * out now, and one open request (or loan) per borrower and item (the partial unique index is the last word). The owner
 * is told in the app. Audited; a refusal writes nothing.
 */
export async function requestLoan(ctx: Ctx, listingId: string, body: RequestBody): Promise<{ id: string; status: 'requested' }> {
  return write(ctx, async (tx) => {
    const item = await lendableListing(tx, listingId, { lock: true });
    if (item.hiddenAt || item.status === 'closed') throw LendingErrors.LENDING_ITEM_NOT_FOUND();
    const compound = await residentCompound(tx, ctx, item.placeId);
    const personId = ctx.actor.personId!;
    if (item.ownerPersonId === personId) throw LendingErrors.LENDING_OWN_ITEM();
    const open = await tx
      .selectFrom('vol_loans')
      .select('status')
      .where('street_id', '=', item.streetId)
      .where('listing_id', '=', item.id)
      .where('borrower_person_id', '=', personId)
      .where('status', 'in', ['requested', 'lent'])
      .executeTakeFirst();
    if (open) throw LendingErrors.LENDING_REQUEST_EXISTS();
    if (item.status !== 'open') throw LendingErrors.LENDING_ITEM_LENT();
    if (body.note) await refuseBannedWords(tx, item.streetId, [body.note]);
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('vol_loans')
      .values({
        street_id: item.streetId,
        id,
        listing_id: item.id,
        place_id: compound.compoundId,
        owner_person_id: item.ownerPersonId,
        borrower_person_id: personId,
        borrower_name: ctx.actor.name,
        borrower_account_id: ctx.actor.accountId,
        note: body.note,
        requested_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await notify(tx, ctx, {
      template: 'volunteers.lending.requested',
      placeId: item.placeId,
      to: { persons: [item.ownerPersonId] },
      data: { title: item.title, borrower: maskName(ctx.actor.name) },
      subject: { type: 'vol_loan', id },
    });
    await audit(tx, ctx, { action: 'volunteers.lending.requested', placeId: item.placeId, subjectType: 'vol_loan', subjectId: id, detail: { listing: item.id, kind: item.kind } });
    return { id, status: 'requested' as const };
  });
}
