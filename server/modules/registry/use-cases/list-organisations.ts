import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows, placeFilter } from '../registry.policy.ts';
import { findOrganisation, listOrganisations as queryOrganisations, listPositions, presentOrganisation } from '../registry.repository.ts';
import type { OrganisationsQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

export async function listOrganisations(ctx: Ctx, q: OrganisationsQuery) {
  const under = q.placeId ? await loadPlaceFor(read(ctx), ctx, q.placeId, 'readOrganisations') : null;
  return queryOrganisations(read(ctx), { ...q, underPath: under?.path }, placeFilter(ctx.actor, 'readOrganisations', 'places.id', 'places.path'));
}

/** One organisation with its members (positions) and child organisations. */
export async function getOrganisation(ctx: Ctx, id: string) {
  const db = read(ctx);
  const org = await findOrganisation(db, id);
  const place = org && (await findPlace(db, org.place_id));
  if (!org || !place || !allows(ctx.actor, 'readOrganisations', place.path)) throw RegistryErrors.ORGANISATION_NOT_FOUND();
  const [members, children] = await Promise.all([
    listPositions(db, { page: 1, pageSize: 200, organisationId: id }, sql`true`),
    db.selectFrom('reg_organisations').select(['id', 'name', 'kind', 'party_level as partyLevel']).where('parent_id', '=', id).orderBy('name').execute(),
  ]);
  return {
    ...presentOrganisation({ ...org, place_name: place.name }),
    members: members.items,
    children,
    canWrite: allows(ctx.actor, 'writeOrganisations', place.path),
  };
}
