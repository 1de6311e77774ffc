import type { FeesPart } from './fees.part.ts';
import { ratingsRoutes } from './fees.ratings.routes.ts';
import { seedRatings } from './fees.ratings.seed.ts';
import { myRateableCount } from './use-cases/my-ratings.ts';

/**
 * The ratings part of the fees module (see fees.part.ts): the owner's right to rate — an owner whose bills of a
 * month are paid rates the property company for it (five dimensions and a comment, once) — the staff's list and
 * summary, and `ownerRatingsFor`, the public face the property-company assessment reads (index.ts).
 */
export const ratingsPart: FeesPart = {
  routes: async (app, kernel) => ratingsRoutes(app, kernel),
  residentHome: async (ctx) => {
    const rateable = await myRateableCount(ctx);
    return rateable > 0 ? { feesRateable: rateable } : {};
  },
  seed: seedRatings,
};
