import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Tx, write } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { OrgBody } from '../grid.social.schemas.ts';
import { orgById, socialPlace } from './social-access.ts';

async function nameFree(tx: Tx, streetId: string, name: string, id?: string) {
  const q = tx.selectFrom('grid_social_orgs').select('id').where('street_id', '=', streetId).where('name', '=', name);
  const other = await (id ? q.where('id', '<>', id) : q).executeTakeFirst();
  if (other) throw SocialErrors.SOCIAL_ORG_NAME_TAKEN();
}

const columns = (body: OrgBody) => ({
  place_id: body.placeId,
  name: body.name,
  registration: body.registration,
  field: body.field,
  founded_on: body.foundedOn ?? null,
  contact_name: body.contactName,
  contact_phone: body.contactPhone,
  people_count: body.peopleCount,
  description: body.description,
});

/** socialManage registers a community social organisation at a community or the street under its grant. Audited. */
export async function createOrg(ctx: Ctx, body: OrgBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await socialPlace(tx, ctx, body.placeId, 'socialManage');
    await nameFree(tx, place.street_id, body.name);
    const id = newId();
    await tx.insertInto('grid_social_orgs').values({ street_id: place.street_id, id, ...columns(body), created_at: ctx.kernel.clock.now(), updated_at: ctx.kernel.clock.now() }).execute();
    await audit(tx, ctx, { action: 'grid.social.org_created', placeId: place.id, subjectType: 'grid_social_org', subjectId: id, detail: { name: body.name, registration: body.registration, field: body.field } });
    return { id };
  });
}

/** socialManage changes an active organisation it manages (also where it belongs, within its grants). Audited. */
export async function updateOrg(ctx: Ctx, id: string, body: OrgBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const before = await orgById(tx, id);
    if (!before || !allows(ctx.actor, 'socialManage', before.placePath)) throw SocialErrors.SOCIAL_ORG_NOT_FOUND();
    if (!before.active) throw SocialErrors.SOCIAL_ORG_DISSOLVED();
    const place = await socialPlace(tx, ctx, body.placeId, 'socialManage');
    if (place.street_id !== before.streetId) throw SocialErrors.SOCIAL_ORG_NOT_FOUND();
    await nameFree(tx, before.streetId, body.name, id);
    await tx.updateTable('grid_social_orgs').set({ ...columns(body), updated_at: ctx.kernel.clock.now() }).where('street_id', '=', before.streetId).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'grid.social.org_updated', placeId: place.id, subjectType: 'grid_social_org', subjectId: id, detail: { name: body.name, registration: body.registration, field: body.field } });
    return { id };
  });
}
