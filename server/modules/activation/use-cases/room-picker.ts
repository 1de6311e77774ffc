import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { normalise } from '../../../kernel/pii/pii.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { childPlaces, roomsOfCompound, searchCompounds } from '../activation.repository.ts';
import { read } from '../activation.db.ts';

/**
 * The room picker of the claim page, for any signed-in account (a resident is not activated yet,
 * so has no scope of their own). It shows only the names of compounds, buildings, units and rooms
 * — addresses, never who lives where.
 */
export async function pickPlaces(ctx: Ctx, q: { parentId?: string; q?: string }) {
  const db = read(ctx);
  if (!q.parentId) return { items: await searchCompounds(db, q.q) };
  const parent = await findPlace(db, q.parentId);
  // Only below a compound: the picker is no way to walk the administrative tree.
  if (!parent || !['compound', 'building', 'unit'].includes(parent.kind)) throw ActivationErrors.PLACE_NOT_FOUND();
  return { items: (await childPlaces(db, parent.id)).map(({ id, name, kind }) => ({ id, name, kind, area: null })) };
}

/**
 * A room typed rather than picked: "1栋1单元1201", "1-1-1201", "1 1 1201" or just "1201" within a
 * compound. Answers up to 20 rooms whose building, unit and room names fit, best first.
 */
export async function searchRooms(ctx: Ctx, q: { compoundId: string; q: string }) {
  const db = read(ctx);
  const compound = await findPlace(db, q.compoundId);
  if (!compound || compound.kind !== 'compound') throw ActivationErrors.PLACE_NOT_FOUND();
  const typed = normalise(q.q);
  // "1栋1单元1201" and "1-1-1201" both give the parts 1, 1, 1201.
  const parts = normalise(q.q.replace(/\s+/g, '-')).split(/[^0-9A-Z]+/).filter(Boolean);
  const alnum = (s: string) => normalise(s).replace(/[^0-9A-Z]/g, '');
  const rooms = await roomsOfCompound(db, compound.path);
  const hits = rooms.filter((r) => {
    if (normalise(`${r.building}${r.unit}${r.room}`).includes(typed)) return true;
    if (parts.length === 3) return alnum(r.building) === parts[0] && alnum(r.unit) === parts[1] && alnum(r.room) === parts[2];
    if (parts.length === 1) return alnum(r.room) === parts[0];
    return false;
  });
  const natural = new Intl.Collator('zh-CN', { numeric: true });
  hits.sort((a, b) => natural.compare(a.building, b.building) || natural.compare(a.unit, b.unit) || natural.compare(a.room, b.room));
  return { items: hits.slice(0, 20).map((r) => ({ id: r.id, label: `${compound.name} / ${r.building} / ${r.unit} / ${r.room}` })) };
}
