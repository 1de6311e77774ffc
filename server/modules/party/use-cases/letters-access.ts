import { sql } from 'kysely';
import { type Actor, findPlace, holdsAny, isSystem, pathInScope, type PlaceRow, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../party.db.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { LettersErrors } from '../party.letters.errors.ts';
import { allows } from '../party.policy.ts';
import { workplaceOrgsOf } from './workplace-orgs-of.ts';

/** The readers whose grant reaches a community's letters by place: everyone of lettersRead but the liaison. */
const PLACE_READERS = PARTY_ROLES.lettersRead.filter((r) => r !== 'workplace_party_contact');

/**
 * Who reads which letters: staff by the community's place (their grant's subtree); a workplace liaison only the
 * letters SENT to the organisations it speaks for (workplaceOrgsOf), in the streets of its grants.
 */
export interface LetterScope {
  prefixes: string[] | null;
  liaison: { streetIds: string[]; orgIds: string[] };
}

export async function letterScope(db: Executor, ctx: Ctx): Promise<LetterScope> {
  const prefixes = scopePrefixes(ctx.actor, PLACE_READERS);
  const liaison = { streetIds: [] as string[], orgIds: [] as string[] };
  if (holdsAny(ctx.actor, ['workplace_party_contact'])) {
    for (const g of ctx.actor.grants.filter((x) => x.role === 'workplace_party_contact')) {
      const place = await findPlace(db, g.placeId);
      if (!place?.street_id) continue;
      const orgs = await workplaceOrgsOf(db, ctx, place.street_id);
      if (orgs.length) {
        liaison.streetIds.push(place.street_id);
        liaison.orgIds.push(...orgs);
      }
    }
  }
  return { prefixes, liaison };
}

export const readsAnyLetters = (actor: Actor) => holdsAny(actor, PARTY_ROLES.lettersRead);

/** The SQL condition of a scope over a letters query aliased `l` joined to its community `c`. */
export function letterScopeFilter(scope: LetterScope) {
  const byPlace = pathInScope('c.path', scope.prefixes);
  if (scope.liaison.orgIds.length === 0) return byPlace;
  return sql<boolean>`(${byPlace} or (l.status = 'sent' and l.street_id = any(${scope.liaison.streetIds}::uuid[]) and l.organisation_id = any(${scope.liaison.orgIds}::uuid[])))`;
}

/** A letter as stored, with its community's place, if the actor may read it; else LETTER_NOT_FOUND. */
export async function visibleLetter(db: Executor, ctx: Ctx, id: string) {
  const scope = await letterScope(db, ctx);
  const row = await db
    .selectFrom('pty_letters as l')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'l.street_id').onRef('c.id', '=', 'l.community_id'))
    .selectAll('l')
    .select(['c.name as communityName', 'c.path as communityPath'])
    .where('l.id', '=', id)
    .where(letterScopeFilter(scope))
    .executeTakeFirst();
  if (!row) throw LettersErrors.LETTER_NOT_FOUND();
  return row;
}

/** A community the actor writes letters in (lettersWrite over it): 404 outside the actor's places, 403 without the right. */
export async function writableCommunity(db: Executor, ctx: Ctx, communityId: string): Promise<PlaceRow> {
  const place = await findPlace(db, communityId);
  if (!place || !allows(ctx.actor, 'lettersRead', place.path)) throw LettersErrors.LETTER_NOT_FOUND();
  if (!allows(ctx.actor, 'lettersWrite', place.path)) throw CommonErrors.FORBIDDEN();
  if (place.kind !== 'community') throw LettersErrors.NOT_A_COMMUNITY();
  return place;
}

/** The acting account for created_by / recorded_by columns (null: the system, the demo). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
