import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { allows, placeFilter } from '../surveys.policy.ts';
import { listSurveys as querySurveys } from '../surveys.repository.ts';
import type { SurveysQuery } from '../surveys.schemas.ts';

/** The surveys at the actor's places (those they read results for), filtered, sorted and paged in SQL. */
export async function listSurveys(ctx: Ctx, q: SurveysQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'readResults', place.path)) throw SurveysErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return querySurveys(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'readResults', 's.place_id', 'p.path'), ctx.kernel.clock.now());
}
