import { type Actor, findPlace } from '../../../kernel/access/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows, type DecisionsPolicy } from '../decisions.policy.ts';

/** A compound the actor may see decisions at (404 otherwise) and may act on with `permission` (403 otherwise). */
export async function compoundFor(db: Executor, actor: Actor, compoundId: string, permission: keyof typeof DecisionsPolicy) {
  const place = await findPlace(db, compoundId);
  if (!place || place.kind !== 'compound' || !place.street_id || !allows(actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return { ...place, street_id: place.street_id };
}

/** A version of the rules, with its compound's path; 404 unless the actor may see the compound's decisions. */
export async function rulesFor(db: Executor, actor: Actor, id: string, permission: keyof typeof DecisionsPolicy, forUpdate = false) {
  const row = await db
    .selectFrom('dec_rules as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.compound_id'))
    .selectAll('r')
    .select('p.path')
    .where('r.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('r'))
    .executeTakeFirst();
  if (!row || !allows(actor, 'read', row.path)) throw DecisionsErrors.RULES_NOT_FOUND();
  if (!allows(actor, permission, row.path)) throw CommonErrors.FORBIDDEN();
  return row;
}
