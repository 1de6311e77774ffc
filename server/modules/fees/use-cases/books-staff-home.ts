import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { booksHeldAnywhere } from '../fees.books.policy.ts';
import { listBookStatements } from './list-book-statements.ts';

/**
 * The workbench home's to-do of the open books: drafts in the actor's compounds that wait for their side's
 * confirmation (the owners' committee's or the company's) — the same use case as the list its link opens, so the
 * count is that list's total.
 */
export async function booksStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: NonNullable<StaffHomeSlice['todos']> = [];
  for (const side of ['committee', 'company'] as const) {
    if (!booksHeldAnywhere(ctx.actor, side === 'committee' ? 'confirmCommittee' : 'confirmCompany')) continue;
    const page = await listBookStatements(ctx, { page: 1, pageSize: 1, awaiting: side, sort: 'month', order: 'desc' });
    todos.push({ key: side === 'committee' ? 'feesBooksCommittee' : 'feesBooksCompany', count: page.total, link: `/fees/books/statements?awaiting=${side}` });
  }
  return { todos };
}

