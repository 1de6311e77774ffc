import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import { lendableListing, type LoanRow, type LoanView, loanRows, loanViews } from './lending-access.ts';
import { photoIdsOf } from './photos.ts';
import { residentCompound } from './resident-compounds.ts';

export interface LendingItemView {
  id: string;
  kind: 'tool' | 'book';
  title: string;
  author: string | null;
  body: string;
  loanDays: number;
  compoundName: string;
  ownerName: string;
  mine: boolean;
  available: boolean;
  dueOn: string | null;
  photoIds: string[];
  /** My loans of it (the open one first), each with its timeline. */
  myLoans: LoanView[];
  /** For its owner: every request and loan of it, the open ones first. */
  requests: LoanView[];
}

/** A tool or book of my compound (not hidden, not withdrawn), with my loans of it, and for its owner every request. */
export async function lendingItem(ctx: Ctx, id: string): Promise<LendingItemView> {
  const db = read(ctx);
  const item = await lendableListing(db, id);
  if (item.hiddenAt || item.status === 'closed') throw LendingErrors.LENDING_ITEM_NOT_FOUND();
  const compound = await residentCompound(db, ctx, item.placeId);
  const me = ctx.actor.personId!;
  const mine = item.ownerPersonId === me;
  const loans = (await loanRows(db)
    .where('n.street_id', '=', item.streetId)
    .where('n.listing_id', '=', item.id)
    .$if(!mine, (s) => s.where('n.borrower_person_id', '=', me))
    .orderBy((eb) => eb.case().when('n.status', 'in', ['requested', 'lent']).then(0).else(1).end())
    .orderBy('n.requested_at', 'desc')
    .limit(50)
    .execute()) as LoanRow[];
  const views = await loanViews(db, ctx, loans);
  const out = await db.selectFrom('vol_loans').select('due_on').where('street_id', '=', item.streetId).where('listing_id', '=', item.id).where('status', '=', 'lent').executeTakeFirst();
  const photos = await photoIdsOf(db, item.streetId, 'listing', [item.id]);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    author: item.author,
    body: item.body,
    loanDays: item.loanDays,
    compoundName: compound.compoundName,
    ownerName: mine ? item.ownerName : maskName(item.ownerName),
    mine,
    available: item.status === 'open',
    dueOn: out?.due_on ?? null,
    photoIds: photos.get(item.id) ?? [],
    myLoans: mine ? [] : views,
    requests: mine ? views : [],
  };
}
