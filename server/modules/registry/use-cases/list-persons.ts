import type { Ctx } from '../../../kernel/context.ts';
import { isValidMobile } from '../../../kernel/pii/pii.ts';
import { allows, personFilter } from '../registry.policy.ts';
import { listPersons as queryPersons } from '../registry.repository.ts';
import type { PersonsQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { type Executor, read } from '../registry.db.ts';

/**
 * People in scope, masked. The search box takes a name, a room number, a full phone or ID number
 * (matched by keyed hash, never decrypted) or the last four digits of a phone.
 */
export async function listPersons(ctx: Ctx, q: PersonsQuery) {
  const under = q.placeId ? await loadPlaceFor(read(ctx), ctx, q.placeId, 'readPlaces') : null;
  const text = q.q?.trim();
  const lookups = {
    phoneHash: text && isValidMobile(text) ? ctx.kernel.pii.hash(text) : undefined,
    idHash: text && /^\d{17}[\dXx]$/.test(text) ? ctx.kernel.pii.hash(text) : undefined,
  };
  const page = await queryPersons(read(ctx), { ...q, q: text, underPath: under?.path }, personFilter(ctx.actor, 'reg_persons.id', 'reg_persons.place_id'), lookups);
  const rooms = await roomsOf(read(ctx), ctx, page.items.map((p) => p.id));
  return { ...page, items: page.items.map((p) => ({ ...p, rooms: rooms.get(p.id) ?? [] })) };
}

/**
 * The rooms each person of a page lives in now, labelled 小区 楼栋 单元 房号, so that two people of the same
 * name can be told apart. Two queries for the whole page (households with their rooms, then the names
 * above the rooms), whatever its size; rooms outside the actor's places are left out.
 */
async function roomsOf(db: Executor, ctx: Ctx, personIds: string[]) {
  const out = new Map<string, { id: string; label: string; relation: string }[]>();
  if (personIds.length === 0) return out;
  const held = await db
    .selectFrom('reg_households as h')
    .innerJoin('places as r', 'r.id', 'h.room_id')
    .select(['h.person_id', 'h.relation', 'r.id', 'r.name', 'r.path'])
    .where('h.person_id', 'in', personIds)
    .where('h.end_date', 'is', null)
    .orderBy('r.path')
    .execute();
  const visible = held.filter((h) => allows(ctx.actor, 'readPlaces', h.path));
  const aboveIds = [...new Set(visible.flatMap((h) => h.path.split('/').filter(Boolean)))];
  const above = aboveIds.length === 0 ? [] : await db.selectFrom('places').select(['id', 'kind', 'name']).where('id', 'in', aboveIds).execute();
  const byId = new Map(above.map((a) => [a.id, a]));
  for (const h of visible) {
    const names = h.path
      .split('/')
      .map((id) => byId.get(id))
      .filter((a) => !!a && (a.kind === 'compound' || a.kind === 'building' || a.kind === 'unit'))
      .map((a) => a!.name);
    const list = out.get(h.person_id!) ?? [];
    list.push({ id: h.id, label: [...names, h.name].join(' '), relation: h.relation });
    out.set(h.person_id!, list);
  }
  return out;
}
