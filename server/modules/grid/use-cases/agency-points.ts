import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationNames, roomHoldersUnder } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { readablePoint, staffedPoint, visiblePoints } from './agency-access.ts';

export interface PointView {
  id: string;
  streetId: string;
  name: string;
  compoundId: string;
  compoundName: string;
  companyId: string;
  companyName: string;
  address: string;
  hours: string;
  phone: string;
  active: boolean;
  services: { id: string; name: string }[];
  /** Whether the actor staffs the point (opens cases, answers bookings there). */
  staffs: boolean;
  openCases: number;
}

/** The points the actor may read: every point under an overseer's grants, a property staff's own points only. */
export async function listPoints(ctx: Ctx): Promise<{ items: PointView[] }> {
  if (!holdsAnywhere(ctx.actor, 'agencyRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const points = await visiblePoints(db, ctx);
  if (!points.length) return { items: [] };
  const ids = points.map((p) => p.id);
  const services = await db
    .selectFrom('grid_agency_point_services as ps')
    .innerJoin('grid_agency_services as s', (j) => j.onRef('s.street_id', '=', 'ps.street_id').onRef('s.id', '=', 'ps.service_id'))
    .select(['ps.point_id as pointId', 's.id', 's.name'])
    .where('ps.point_id', 'in', ids)
    .orderBy('s.name')
    .execute();
  const open = await db
    .selectFrom('grid_agency_cases')
    .select(['point_id as pointId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('point_id', 'in', ids)
    .where('status', 'in', ['accepted', 'sent', 'result'])
    .groupBy('point_id')
    .execute();
  const names = await organisationNames(db, points.map((p) => p.companyId));
  return {
    items: points.map((p) => ({
      id: p.id,
      streetId: p.streetId,
      name: p.name,
      compoundId: p.compoundId,
      compoundName: p.compoundName,
      companyId: p.companyId,
      companyName: names.get(p.companyId) ?? '',
      address: p.address,
      hours: p.hours,
      phone: p.phone,
      active: p.active,
      services: services.filter((s) => s.pointId === p.id).map((s) => ({ id: s.id, name: s.name })),
      staffs: p.staffs,
      openCases: Number(open.find((o) => o.pointId === p.id)?.n ?? 0),
    })),
  };
}

/** One point the actor may read, with its services. */
export async function getPoint(ctx: Ctx, id: string): Promise<PointView> {
  await readablePoint(read(ctx), ctx, id);
  const point = (await listPoints(ctx)).items.find((p) => p.id === id);
  if (!point) throw CommonErrors.FORBIDDEN();
  return point;
}

export interface ApplicantOption {
  personId: string;
  name: string;
  room: string;
  phoneMasked: string | null;
}

/**
 * The current owners and tenants of the point's compound, for the staff opening a case (its own staff only): found
 * by name; the room as 1栋1单元1201 and the phone masked.
 */
export async function pointResidents(ctx: Ctx, pointId: string, q?: string): Promise<{ items: ApplicantOption[] }> {
  const db = read(ctx);
  const point = await staffedPoint(db, ctx, pointId);
  const holders = await roomHoldersUnder(db, point.compoundPath, 5000);
  const roomIds = [...new Set(holders.map((h) => h.roomId))];
  const labels = new Map<string, string>();
  if (roomIds.length) {
    const ancestors = await db.selectFrom('street_places').select(['id', 'name', 'kind']).where('street_id', '=', point.streetId).where('path', 'like', `${point.compoundPath}%`).where('kind', 'in', ['building', 'unit', 'room']).execute();
    const nameOf = new Map(ancestors.map((a) => [a.id, a.name]));
    for (const h of holders) labels.set(h.roomId, h.roomPath.split('/').filter(Boolean).map((id) => nameOf.get(id)).filter(Boolean).join(''));
  }
  const seen = new Set<string>();
  const items: ApplicantOption[] = [];
  for (const h of holders) {
    if (seen.has(h.personId)) continue;
    if (q && !h.name.includes(q)) continue;
    seen.add(h.personId);
    items.push({ personId: h.personId, name: h.name, room: labels.get(h.roomId) ?? '', phoneMasked: h.phoneMasked });
    if (items.length >= 50) break;
  }
  return { items };
}
