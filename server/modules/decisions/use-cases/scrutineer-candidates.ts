import { sql } from 'kysely';
import { ROLE_LABELS, type Role, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';

/** Roles a scrutineer (监票人) may hold: the committees and offices over the place — never the property company. */
const SCRUTINEER_ROLES = ['owners_committee_member', 'committee_staff', 'community_secretary', 'street_official', 'property_committee_member', 'building_leader'];

/**
 * The accounts an organiser may name as scrutineers of a decision at a place: those holding one of the roles above
 * on the place, a place above it or a place inside it (a building leader of one of its buildings). Names and roles only.
 */
export async function scrutineerCandidates(ctx: Ctx, placeId: string) {
  const db = read(ctx);
  const place = await findPlace(db, placeId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(ctx.actor, 'organise', place.path)) throw CommonErrors.FORBIDDEN();
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.display_name as name', 'g.role', 'p.name as placeName'])
    .where('g.role', 'in', SCRUTINEER_ROLES as never[])
    .where('a.disabled', '=', false)
    .where((eb) => eb.or([sql<boolean>`${place.path} like p.path || '%'`, eb('p.path', 'like', `${place.path}%`)]))
    .orderBy('a.display_name')
    .limit(200)
    .execute();
  const byAccount = new Map<string, { id: string; name: string; roles: { role: string; label: string; place: string }[] }>();
  for (const r of rows) {
    const a = byAccount.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    a.roles.push({ role: r.role, label: ROLE_LABELS[r.role as Role][ctx.actor.locale === 'en' ? 'en' : 'zh-CN'], place: r.placeName });
    byAccount.set(r.id, a);
  }
  return { items: [...byAccount.values()] };
}
