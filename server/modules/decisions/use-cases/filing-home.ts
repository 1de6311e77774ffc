import type { Ctx } from '../../../kernel/context.ts';
import type { StaffToDo } from '../../../kernel/module.ts';
import { FILING_OFFICES } from '../decisions.constants.ts';
import { FilingsQuery } from '../filing.schemas.ts';
import { holdsFilingRole } from './filing-access.ts';
import { listFilings } from './list-filings.ts';

const TODO_KEY = { street_office: 'filingsToReviewStreet', district_housing: 'filingsToReviewHousing' } as const;

/**
 * The filings' to-dos on the workbench home, counted by the inbox's own query (so each count is its link's total):
 * for the street's officials, the filings of their places overdue with either office (备案逾期); for each office's
 * receivers, the packages submitted to their office waiting for review (备案待审).
 */
export async function filingToDos(ctx: Ctx): Promise<StaffToDo[]> {
  const count = async (query: Record<string, string>) => (await listFilings(ctx, FilingsQuery.parse({ ...query, pageSize: '1' }))).total;
  const todos: StaffToDo[] = [];
  if (holdsFilingRole(ctx.actor, 'street_office')) {
    const query = { overdue: 'true' };
    todos.push({ key: 'filingsOverdue', count: await count(query), link: `/filings?${new URLSearchParams(query)}` });
  }
  for (const office of FILING_OFFICES) {
    if (!holdsFilingRole(ctx.actor, office)) continue;
    const query = { office, status: 'submitted' };
    todos.push({ key: TODO_KEY[office], count: await count(query), link: `/filings?${new URLSearchParams(query)}` });
  }
  return todos.filter((t) => t.count > 0);
}
