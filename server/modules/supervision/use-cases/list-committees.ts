import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import type { CommitteeRatingStatus } from '../supervision.committees.constants.ts';
import type { CommitteesQuery } from '../supervision.committees.schemas.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows, holdsAnywhere } from '../supervision.policy.ts';
import { seesCommitteesAt } from './committee-access.ts';

export interface CommitteeOfYear {
  id: string;
  streetId: string;
  name: string;
  compoundId: string;
  compoundName: string;
  /** The year's rating, if any (a draft only for raters). */
  ratingId: string | null;
  status: CommitteeRatingStatus | null;
  scoreCenti: number | null;
  stars: number | null;
  /** Whether the actor may rate it (committeesRate at its compound). */
  canRate: boolean;
}

/**
 * The owners' committees in the actor's places (narrowed to a place) with the year's rating: where a rater starts
 * and continues ratings. The streets come from the actor's grants (or the place chosen).
 */
export async function listCommittees(ctx: Ctx, q: CommitteesQuery): Promise<CommitteeOfYear[]> {
  if (!holdsAnywhere(ctx.actor, 'committeesRead') && !holdsAnywhere(ctx.actor, 'committeesRate')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  let scopes: { streetId: string; path: string }[];
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !place.street_id || !(seesCommitteesAt(ctx.actor, place.path) || ctx.actor.grants.some((g) => g.placePath.startsWith(place.path)))) throw SupervisionErrors.PLACE_NOT_FOUND();
    scopes = [{ streetId: place.street_id, path: place.path }];
  } else {
    const places = await Promise.all(ctx.actor.grants.map((g) => findPlace(db, g.placeId)));
    scopes = places.filter((p) => p?.street_id).map((p) => ({ streetId: p!.street_id!, path: p!.path }));
  }
  const seen = new Set<string>();
  const out: CommitteeOfYear[] = [];
  for (const s of scopes) {
    const orgs = (await organisationsOfKind(db, 'owners_committee', { streetId: s.streetId, placePath: s.path })).filter((o) => !seen.has(o.id) && seesCommitteesAt(ctx.actor, o.placePath));
    if (orgs.length === 0) continue;
    const ratings = await db
      .selectFrom('sup_committee_ratings')
      .select(['id', 'committee_id', 'status', 'score_centi', 'stars'])
      .where('street_id', '=', s.streetId)
      .where('period', '=', q.period)
      .where('committee_id', 'in', orgs.map((o) => o.id))
      .execute();
    for (const o of orgs) {
      seen.add(o.id);
      const canRate = allows(ctx.actor, 'committeesRate', o.placePath);
      const r = ratings.find((x) => x.committee_id === o.id && (x.status === 'submitted' || canRate));
      out.push({ id: o.id, streetId: o.streetId, name: o.name, compoundId: o.placeId, compoundName: o.placeName, ratingId: r?.id ?? null, status: r?.status ?? null, scoreCenti: r?.score_centi ?? null, stars: r?.stars ?? null, canRate });
    }
  }
  return out;
}
