import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { BookingsQuery, CasesQuery } from '../grid.agency.schemas.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { listBookings } from './agency-bookings-list.ts';
import { listCases } from './agency-cases-list.ts';

/**
 * The workbench to-dos of a point's staff (counted by the lists their links open): open cases due within two days or
 * overdue, and bookings waiting for an answer, at the points they may read (for property staff: the points they staff).
 */
export async function agencyStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'agencyHandle')) return {};
  const [cases, bookings] = await Promise.all([listCases(ctx, CasesQuery.parse({ status: 'due', pageSize: 1 })), listBookings(ctx, BookingsQuery.parse({ status: 'requested', pageSize: 1 }))]);
  return {
    todos: [
      { key: 'gridAgencyCasesDue', count: cases.total, link: '/grid/agency/cases?status=due' },
      { key: 'gridAgencyBookingsToConfirm', count: bookings.total, link: '/grid/agency/bookings?status=requested' },
    ],
  };
}
