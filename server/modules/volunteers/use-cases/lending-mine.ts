import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../volunteers.db.ts';
import type { ListingStatus } from '../volunteers.tables.ts';
import { type LoanRow, type LoanView, loanRows, loanViews } from './lending-access.ts';

export interface MyLendingItem {
  id: string;
  kind: 'tool' | 'book';
  title: string;
  status: ListingStatus;
  hidden: boolean;
  hiddenReason: string | null;
}

export interface MyLending {
  /** My tools and books (hidden ones with the moderator's reason). */
  items: MyLendingItem[];
  /** Requests and loans of my items: waiting and lent first (the overdue first among those), then the latest. */
  lent: LoanView[];
  /** What I asked for or borrowed. */
  borrowed: LoanView[];
}

const byOpenFirst = (a: LoanView, b: LoanView) => {
  const rank = (v: LoanView) => (v.overdue ? 0 : v.status === 'requested' ? 1 : v.status === 'lent' ? 2 : 3);
  return rank(a) - rank(b) || (a.requestedAt < b.requestedAt ? 1 : -1);
};

/** 我的出借 / 我的借用: the acting resident's items and loans on both sides. */
export async function myLending(ctx: Ctx): Promise<MyLending> {
  const me = ctx.actor.personId;
  if (!me) return { items: [], lent: [], borrowed: [] };
  const db = read(ctx);
  const items = await db
    .selectFrom('vol_listings')
    .select(['id', 'kind', 'title', 'status', 'hidden_at', 'hidden_reason'])
    .where('owner_person_id', '=', me)
    .where('kind', 'in', ['tool', 'book'])
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  const side = (column: 'n.owner_person_id' | 'n.borrower_person_id') =>
    loanRows(db)
      .where(column, '=', me)
      .orderBy((eb) => eb.case().when('n.status', 'in', ['requested', 'lent']).then(0).else(1).end())
      .orderBy('n.requested_at', 'desc')
      .limit(100)
      .execute() as Promise<LoanRow[]>;
  const [lent, borrowed] = await Promise.all([side('n.owner_person_id'), side('n.borrower_person_id')]);
  return {
    items: items.map((i) => ({ id: i.id, kind: i.kind as 'tool' | 'book', title: i.title, status: i.status, hidden: !!i.hidden_at, hiddenReason: i.hidden_reason })),
    lent: (await loanViews(db, ctx, lent)).sort(byOpenFirst),
    borrowed: (await loanViews(db, ctx, borrowed)).sort(byOpenFirst),
  };
}
