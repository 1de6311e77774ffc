import { ancestorOfKind, findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { PartyErrors } from '../party.errors.ts';
import { read, write } from '../party.db.ts';
import { authorize } from '../party.policy.ts';
import { StationsErrors } from '../party.stations.errors.ts';
import type { StationBody, StationUpdateBody } from '../party.stations.schemas.ts';
import type { StationHours } from '../party.tables.ts';
import { seesPlace, stationFor, type StationRow } from './stations-access.ts';

/** Opening hours: each span names its days (no day twice in a span) and opens before it closes. */
export function checkHours(hours: readonly StationHours[]): StationHours[] {
  for (const h of hours) if (h.opens >= h.closes || new Set(h.days).size !== h.days.length) throw StationsErrors.HOURS_INVALID();
  return hours.map((h) => ({ days: [...h.days].sort((a, b) => a - b), opens: h.opens, closes: h.closes }));
}

const uniqueServices = (services: readonly string[]) => [...new Set(services.map((s) => s.trim()).filter(Boolean))];

/** Sets up a 红色驿站 in a compound of the actor's community (stationsManage there). Audited. */
export async function createStation(ctx: Ctx, body: StationBody): Promise<StationRow> {
  const hours = checkHours(body.hours);
  const id = await write(ctx, async (tx) => {
    const place = await findPlace(tx, body.compoundId);
    if (!place || !seesPlace(ctx, place.path)) throw PartyErrors.PLACE_NOT_FOUND();
    if (place.kind !== 'compound') throw StationsErrors.NOT_A_COMPOUND();
    authorize(ctx.actor, 'stationsManage', place.path);
    const community = await ancestorOfKind(tx, place, 'community');
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('pty_stations')
      .values({
        street_id: streetOf(place),
        id,
        compound_id: place.id,
        community_id: community?.id ?? null,
        name: body.name,
        address: body.address,
        hours: JSON.stringify(hours),
        services: JSON.stringify(uniqueServices(body.services)),
        phone: body.phone,
        status: body.status,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, ctx, { action: 'party.stations.created', placeId: place.id, subjectType: 'party_station', subjectId: id, detail: { name: body.name } });
    return id;
  });
  return stationFor(read(ctx), ctx, id, 'stationsRead');
}

/** Edits a station's name, address, hours, services, phone or status. Audited with what changed. */
export async function updateStation(ctx: Ctx, id: string, body: StationUpdateBody): Promise<StationRow> {
  const hours = checkHours(body.hours);
  return write(ctx, async (tx) => {
    const s = await stationFor(tx, ctx, id, 'stationsManage', true);
    const services = uniqueServices(body.services);
    await tx
      .updateTable('pty_stations')
      .set({ name: body.name, address: body.address, hours: JSON.stringify(hours), services: JSON.stringify(services), phone: body.phone, status: body.status, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', s.streetId)
      .where('id', '=', s.id)
      .execute();
    const changed = (['name', 'address', 'phone', 'status'] as const).filter((k) => s[k] !== body[k]);
    if (JSON.stringify(s.hours) !== JSON.stringify(hours)) changed.push('hours' as never);
    if (JSON.stringify(s.services) !== JSON.stringify(services)) changed.push('services' as never);
    await audit(tx, ctx, { action: 'party.stations.updated', placeId: s.compoundId, subjectType: 'party_station', subjectId: s.id, detail: { changed } });
    return stationFor(tx, ctx, id, 'stationsRead');
  });
}
