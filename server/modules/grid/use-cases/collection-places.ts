import { sql } from 'kysely';
import { can, findPlace, holdsAny, pathInScope, pathLabel, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { PlacesQuery } from '../grid.collection.schemas.ts';
import { read } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';

/**
 * The submission form's place picker: rooms (resident records) or compounds and buildings (legal persons,
 * components) where the actor may collect, found by any part of their label (「1201」, 「1栋」), at most 50.
 */
export async function collectionPlaces(ctx: Ctx, q: PlacesQuery): Promise<{ id: string; kind: string; label: string }[]> {
  if (!holdsAny(ctx.actor, GRID_ROLES.collectionSubmit)) throw CommonErrors.FORBIDDEN();
  const label = pathLabel('p.path', ['compound', 'building', 'unit', 'room']);
  return read(ctx)
    .selectFrom('street_places as p')
    .select(['p.id', 'p.kind', label.as('label')])
    .where(pathInScope('p.path', scopePrefixes(ctx.actor, GRID_ROLES.collectionSubmit)))
    .where('p.kind', 'in', q.kind === 'room' ? ['room'] : ['compound', 'building'])
    // 「1201」, 「1栋 1单元」 or 「1栋1单元1201」: the label with or without its separators.
    .$if(!!q.q, (s) => s.where(sql<boolean>`(${label} ilike ${containing(q.q!)} or replace(${label}, ' / ', '') ilike ${containing(q.q!.replace(/[\s/]+/g, ''))})`))
    .orderBy('p.path')
    .limit(50)
    .execute();
}

/** A room's current members (masked ID), to pick the landlord of a rental or the person leaving. */
export async function collectionRoomMembers(ctx: Ctx, roomId: string) {
  const db = read(ctx);
  const room = await findPlace(db, roomId);
  if (!room || room.kind !== 'room' || !(can(ctx.actor, GRID_ROLES.collectionSubmit, room.path) || can(ctx.actor, GRID_ROLES.collectionVerify, room.path))) throw GridErrors.PLACE_NOT_FOUND();
  return (await currentMembersOfRoom(db, room.id)).map((m) => ({ personId: m.personId, name: m.name, relations: m.relations, idNumberMasked: m.idNumberMasked }));
}

/** The known components at a compound or building, to report one again (its condition now). */
export async function collectionPlaceComponents(ctx: Ctx, placeId: string) {
  const db = read(ctx);
  const place = await findPlace(db, placeId);
  if (!place || !(can(ctx.actor, GRID_ROLES.collectionSubmit, place.path) || can(ctx.actor, GRID_ROLES.collectionRead, place.path))) throw GridErrors.PLACE_NOT_FOUND();
  return db
    .selectFrom('grid_components')
    .select(['id', 'kind', 'location', 'condition'])
    .where('place_id', '=', place.id)
    .orderBy('kind')
    .orderBy('location')
    .orderBy('id')
    .limit(200)
    .execute();
}
