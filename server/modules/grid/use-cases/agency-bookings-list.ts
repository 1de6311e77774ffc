import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { BookingsQuery } from '../grid.agency.schemas.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import type { AgencyBookingKind, AgencyBookingSlot, AgencyBookingStatus } from '../grid.tables.ts';
import { visiblePoints } from './agency-access.ts';

export const BookingsSort = sortable({ day: ['b.day', 'b.slot'], createdAt: 'b.created_at' }, { sort: 'day', order: 'asc' }, 'b.id');

export interface BookingRow {
  id: string;
  pointId: string;
  pointName: string;
  personName: string;
  serviceName: string | null;
  kind: AgencyBookingKind;
  day: string;
  slot: AgencyBookingSlot;
  note: string;
  status: AgencyBookingStatus;
  declineReason: string | null;
  createdAt: Date;
  /** The actor staffs the point and the booking waits for an answer. */
  canDecide: boolean;
}

/** Bookings at the points the actor may read, by day; filtered by point and status, paged. */
export async function listBookings(ctx: Ctx, q: BookingsQuery): Promise<Page<BookingRow>> {
  if (!holdsAnywhere(ctx.actor, 'agencyRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const points = await visiblePoints(db, ctx);
  if (!points.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const staffed = new Set(points.filter((p) => p.staffs).map((p) => p.id));
  const base = db
    .selectFrom('grid_agency_bookings as b')
    .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'b.street_id').onRef('pt.id', '=', 'b.point_id'))
    .leftJoin('grid_agency_services as s', (j) => j.onRef('s.street_id', '=', 'b.street_id').onRef('s.id', '=', 'b.service_id'))
    .where(
      'b.point_id',
      'in',
      points.map((p) => p.id),
    )
    .$if(!!q.pointId, (s) => s.where('b.point_id', '=', q.pointId!))
    .$if(!!q.status, (s) => s.where('b.status', '=', q.status!));
  const items = BookingsSort.orderBy(
    base.select(['b.id', 'b.point_id as pointId', 'pt.name as pointName', 'b.person_name as personName', 's.name as serviceName', 'b.kind', 'b.day', 'b.slot', 'b.note', 'b.status', 'b.decline_reason as declineReason', 'b.created_at as createdAt']),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute()
    .then((rows) =>
      // The point's own staff know who booked; overseers see the name masked.
      rows.map((r) => ({ ...r, personName: staffed.has(r.pointId) ? r.personName : maskName(r.personName), canDecide: r.status === 'requested' && staffed.has(r.pointId) })),
    );
  return paginate(q, items, base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}
