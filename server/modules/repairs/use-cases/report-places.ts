import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices, currentRoomsOf } from '../../registry/index.ts';
import { read } from '../repairs.db.ts';

/**
 * Where a resident can report a repair: each of their rooms, then the common parts above them
 * (unit, building, compound), each with the property company that will receive the order.
 */
export async function reportPlaces(ctx: Ctx) {
  const db = read(ctx);
  if (!ctx.actor.personId) return { items: [] };
  const rooms = await currentRoomsOf(db, ctx.actor.personId);
  if (rooms.length === 0) return { items: [] };
  const ancestorIds = [...new Set(rooms.flatMap((r) => r.roomPath.split('/').filter(Boolean)))];
  const places = await db
    .selectFrom('places as p')
    .select(['p.id', 'p.kind', 'p.path', pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('label')])
    .where('p.id', 'in', ancestorIds)
    .where('p.kind', 'in', ['room', 'unit', 'building', 'compound'])
    .execute();
  const companies = new Map<string, string | null>();
  for (const r of rooms) if (!companies.has(r.compoundId)) companies.set(r.compoundId, (await compoundServices(db, r.compoundId)).propertyCompany?.name ?? null);
  const order = { room: 0, unit: 1, building: 2, compound: 3 } as Record<string, number>;
  return {
    items: places
      .map((p) => {
        const room = rooms.find((r) => r.roomPath.startsWith(p.path))!;
        return { id: p.id, kind: p.kind, label: p.label, compoundId: room.compoundId, compoundName: room.compoundName, companyName: companies.get(room.compoundId) ?? null };
      })
      .sort((a, b) => order[a.kind]! - order[b.kind]! || a.label.localeCompare(b.label, 'zh-CN')),
  };
}
