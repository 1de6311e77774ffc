import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { residentPersonsOn } from '../../registry/index.ts';
import { read } from '../volunteers.db.ts';
import { seesAt, seesRegistry, underPath } from './registry-access.ts';

export interface ShareParts {
  placeId: string;
  /** Approved volunteers registered at or under the place. */
  numerator: number;
  /** Distinct persons with a household in force at or under the place. */
  denominator: number;
}

/**
 * The registered share (issue 23 §1, the 15% figure) for the street's places of the given kinds: approved volunteers
 * registered at or under each (approved before `at`) ÷ distinct persons with a household in force on `day` at or
 * under it (any relation; a person with rooms in two compounds counts in each, once in the community above both).
 */
export async function registeredShareParts(caller: AnyExecutor, streetId: string, kinds: readonly string[], day: string, at: Date): Promise<ShareParts[]> {
  const db = read(caller);
  const places = await db.selectFrom('street_places').select(['id']).where('street_id', '=', streetId).where('kind', 'in', [...kinds] as never).execute();
  const wanted = new Set(places.map((p) => p.id));
  const persons = new Map<string, Set<string>>();
  const volunteers = new Map<string, number>();
  for (const r of await residentPersonsOn(db, streetId, day)) {
    for (const id of r.roomPath.split('/')) {
      if (!wanted.has(id)) continue;
      let set = persons.get(id);
      if (!set) persons.set(id, (set = new Set()));
      set.add(r.personId);
    }
  }
  const approved = await db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['p.path'])
    .where('v.street_id', '=', streetId)
    .where('v.status', '=', 'approved')
    .where('v.reviewed_at', '<', at)
    .execute();
  for (const v of approved) for (const id of v.path.split('/')) if (wanted.has(id)) volunteers.set(id, (volunteers.get(id) ?? 0) + 1);
  return [...wanted]
    .map((placeId) => ({ placeId, numerator: volunteers.get(placeId) ?? 0, denominator: persons.get(placeId)?.size ?? 0 }))
    .filter((p) => p.denominator > 0 || p.numerator > 0);
}

export interface CompoundShare {
  compoundId: string;
  compoundName: string;
  communityName: string | null;
  volunteers: number;
  residents: number;
  /** volunteers ÷ residents, null without residents. */
  share: number | null;
}

/**
 * The registered share of each compound in the actor's places (or under one place), counted now, with the total of
 * those compounds' volunteers and residents.
 */
export async function compoundShares(ctx: Ctx, placeId?: string): Promise<{ target: number; compounds: CompoundShare[]; total: { volunteers: number; residents: number; share: number | null } }> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const under = await underPath(db, ctx, placeId);
  const compounds = (
    await db
      .selectFrom('street_places as c')
      .select(['c.id', 'c.name', 'c.path', 'c.street_id as streetId'])
      .select(sql<string | null>`(select cm.name from street_places cm where cm.street_id = c.street_id and cm.kind = 'community' and c.path like cm.path || '%' limit 1)`.as('communityName'))
      .where('c.kind', '=', 'compound')
      .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
      .orderBy('c.path')
      .execute()
  ).filter((c) => seesAt(ctx, c.path));
  const now = ctx.kernel.clock.now();
  const byStreet = new Map<string, Map<string, ShareParts>>();
  for (const streetId of new Set(compounds.map((c) => c.streetId!))) {
    byStreet.set(streetId, new Map((await registeredShareParts(db, streetId, ['compound'], chinaDay(now), new Date(now.getTime() + 1))).map((p) => [p.placeId, p])));
  }
  const rows = compounds.map((c) => {
    const p = byStreet.get(c.streetId!)?.get(c.id);
    const volunteers = p?.numerator ?? 0;
    const residents = p?.denominator ?? 0;
    return { compoundId: c.id, compoundName: c.name, communityName: c.communityName ?? null, volunteers, residents, share: residents ? volunteers / residents : null };
  });
  const volunteers = rows.reduce((s, r) => s + r.volunteers, 0);
  const residents = rows.reduce((s, r) => s + r.residents, 0);
  return { target: 0.15, compounds: rows, total: { volunteers, residents, share: residents ? volunteers / residents : null } };
}
