import { type Actor, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type OrganisationAt, organisationsOfKind } from '../../registry/index.ts';
import { CommitteeErrors } from '../supervision.committees.errors.ts';
import { findRating, type RatingRow } from '../supervision.committees.repository.ts';
import type { Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows } from '../supervision.policy.ts';

/** Whether the actor sees 红色业委会 records at a place: they read committees there or rate them there. */
export const seesCommitteesAt = (actor: Actor, path: string) => allows(actor, 'committeesRead', path) || allows(actor, 'committeesRate', path);

/**
 * An owners' committee (a registry organisation of kind owners_committee) the actor sees: 404 when it is not one or
 * lies outside their places; 403 when they see it but may not `permission` there (a member rating their own).
 */
export async function committeeFor(ctx: Ctx, db: Executor, committeeId: string, permission?: 'committeesRate'): Promise<OrganisationAt> {
  const [org] = await organisationsOfKind(db, 'owners_committee', { ids: [committeeId] });
  if (!org || !seesCommitteesAt(ctx.actor, org.placePath)) throw CommitteeErrors.COMMITTEE_NOT_FOUND();
  if (permission && !allows(ctx.actor, permission, org.placePath)) throw CommonErrors.FORBIDDEN();
  return org;
}

/**
 * A rating the actor sees, with the path of its compound: a submitted one for whoever sees committees there, a draft
 * only for its raters (committeesRate there); else 404. With `write`, a rater's only (403) and a draft's only (409).
 */
export async function ratingFor(ctx: Ctx, db: Executor, id: string, opts: { write?: boolean; forUpdate?: boolean } = {}): Promise<RatingRow & { path: string }> {
  const row = await findRating(db, id, opts.forUpdate);
  const place = row && (await findPlace(db, row.compound_id));
  if (!row || !place) throw CommitteeErrors.RATING_NOT_FOUND();
  const rater = allows(ctx.actor, 'committeesRate', place.path);
  if (!(rater || (row.status === 'submitted' && seesCommitteesAt(ctx.actor, place.path)))) throw CommitteeErrors.RATING_NOT_FOUND();
  if (opts.write) {
    if (!rater) throw CommonErrors.FORBIDDEN();
    if (row.status !== 'draft') throw CommitteeErrors.RATING_SUBMITTED();
  }
  return { ...row, path: place.path };
}

/** A street the actor acts at for the committees' settings: 404 outside what they see, 400 another kind, 403 without `permission`. */
export async function committeeStreetFor(ctx: Ctx, db: Executor, streetId: string, permission?: 'committeesRate') {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (!(seesCommitteesAt(ctx.actor, place.path) || readsInside(ctx.actor, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw CommitteeErrors.NOT_A_STREET();
  if (permission && !allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as typeof place & { street_id: string };
}

/** Whether one of the actor's committee grants lies inside the place (a community secretary or a member, under the street). */
function readsInside(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => g.placePath.startsWith(path) && (allows(actor, 'committeesRead', g.placePath) || allows(actor, 'committeesRate', g.placePath)));
}
