import { sql } from 'kysely';
import { holdsAny, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';

/**
 * What the 生成年度函 / 发起函告 forms offer: the communities the actor writes letters in, and the workplace party
 * organisations of their streets (报到单位).
 */
export async function letterOptions(ctx: Ctx) {
  if (!holdsAny(ctx.actor, PARTY_ROLES.lettersWrite)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const prefixes = scopePrefixes(ctx.actor, PARTY_ROLES.lettersWrite) ?? [];
  const communities = await db
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.street_id as streetId'])
    .where('c.kind', '=', 'community')
    .where(sql<boolean>`exists (select 1 from unnest(${prefixes}::text[]) p where c.path like p || '%')`)
    .orderBy('c.path')
    .execute();
  const streets = [...new Set(communities.map((c) => c.streetId))];
  const organisations = (await Promise.all(streets.map((streetId) => organisationsOfKind(db, 'party_org', { streetId }))))
    .flat()
    .filter((o) => o.partyLevel === 'workplace')
    .map((o) => ({ id: o.id, name: o.name, streetId: o.streetId }));
  return { communities, organisations };
}

/** The active employed members of a workplace organisation the actor may write about (the 函告 form's choices). */
export async function letterMemberOptions(ctx: Ctx, organisationId: string) {
  if (!holdsAny(ctx.actor, PARTY_ROLES.lettersWrite)) throw CommonErrors.FORBIDDEN();
  const { organisations } = await letterOptions(ctx);
  const org = organisations.find((o) => o.id === organisationId);
  if (!org) return { items: [] };
  const items = await read(ctx)
    .selectFrom('pty_members')
    .select(['id', 'person_name as name'])
    .where('street_id', '=', org.streetId)
    .where('workplace_org_id', '=', org.id)
    .where('membership', '=', 'employed')
    .where('status', '=', 'active')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
  return { items };
}
