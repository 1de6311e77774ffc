import type { Ctx } from '../../../kernel/context.ts';
import { currentRoomsOf } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import type { AgencyBookingKind, AgencyBookingSlot, AgencyBookingStatus, AgencyCaseStatus } from '../grid.tables.ts';
import { isOverdue, todayOf } from './agency-access.ts';

export interface MyCaseCard {
  id: string;
  no: string;
  serviceName: string;
  pointName: string;
  status: AgencyCaseStatus;
  outcome: 'success' | 'refused' | null;
  acceptedAt: Date;
  dueOn: string;
  completedAt: Date | null;
  overdue: boolean;
}
export interface MyBooking {
  id: string;
  pointName: string;
  serviceName: string | null;
  kind: AgencyBookingKind;
  day: string;
  slot: AgencyBookingSlot;
  note: string;
  status: AgencyBookingStatus;
  declineReason: string | null;
}
export interface MyPoint {
  id: string;
  name: string;
  compoundName: string;
  address: string;
  hours: string;
  phone: string;
  services: { id: string; name: string; documents: string[]; timeLimitDays: number }[];
}
export interface MyAgency {
  cases: MyCaseCard[];
  bookings: MyBooking[];
  points: MyPoint[];
}

/**
 * The resident's H5: the cases opened for them (as the registry person they are), newest first; their bookings; and
 * the active points of the compounds they live in, with the services each accepts. Nobody else's rows.
 */
export async function myAgency(ctx: Ctx): Promise<MyAgency> {
  const personId = ctx.actor.personId;
  if (!personId) return { cases: [], bookings: [], points: [] };
  const db = read(ctx);
  const today = todayOf(ctx);
  const cases = await db
    .selectFrom('grid_agency_cases as k')
    .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'k.street_id').onRef('pt.id', '=', 'k.point_id'))
    .select(['k.id', 'k.no', 'k.service_name as serviceName', 'pt.name as pointName', 'k.status', 'k.outcome', 'k.accepted_at as acceptedAt', 'k.due_on as dueOn', 'k.completed_at as completedAt'])
    .where('k.applicant_person_id', '=', personId)
    .orderBy('k.accepted_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(100)
    .execute();
  const bookings = await db
    .selectFrom('grid_agency_bookings as b')
    .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'b.street_id').onRef('pt.id', '=', 'b.point_id'))
    .leftJoin('grid_agency_services as s', (j) => j.onRef('s.street_id', '=', 'b.street_id').onRef('s.id', '=', 'b.service_id'))
    .select(['b.id', 'pt.name as pointName', 's.name as serviceName', 'b.kind', 'b.day', 'b.slot', 'b.note', 'b.status', 'b.decline_reason as declineReason'])
    .where('b.person_id', '=', personId)
    .orderBy('b.day', 'desc')
    .orderBy('b.id', 'desc')
    .limit(50)
    .execute();
  const compounds = [...new Set((await currentRoomsOf(db, personId)).map((r) => r.compoundId))];
  const points = compounds.length
    ? await db
        .selectFrom('grid_agency_points as pt')
        .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'pt.street_id').onRef('c.id', '=', 'pt.compound_id'))
        .select(['pt.id', 'pt.street_id as streetId', 'pt.name', 'c.name as compoundName', 'pt.address', 'pt.hours', 'pt.phone'])
        .where('pt.compound_id', 'in', compounds)
        .where('pt.active', '=', true)
        .orderBy('pt.name')
        .execute()
    : [];
  const services = points.length
    ? await db
        .selectFrom('grid_agency_point_services as ps')
        .innerJoin('grid_agency_services as s', (j) => j.onRef('s.street_id', '=', 'ps.street_id').onRef('s.id', '=', 'ps.service_id'))
        .select(['ps.point_id as pointId', 's.id', 's.name', 's.documents', 's.time_limit_days as timeLimitDays'])
        .where(
          'ps.point_id',
          'in',
          points.map((p) => p.id),
        )
        .where('s.active', '=', true)
        .orderBy('s.name')
        .execute()
    : [];
  return {
    cases: cases.map((c) => ({ ...c, overdue: isOverdue(c.status, c.dueOn, today) })),
    bookings,
    points: points.map(({ streetId: _, ...p }) => ({ ...p, services: services.filter((s) => s.pointId === p.id).map(({ pointId: __, ...s }) => s) })),
  };
}
