import type { SupervisionPart } from './supervision.part.ts';
import { starsRoutes } from './supervision.stars.routes.ts';
import { seedStars } from './supervision.stars.seed.ts';
import { myCompoundStars } from './use-cases/my-compound-stars.ts';
import { confirmStarsApproval } from './use-cases/request-star-confirmation.ts';
import { starsPublicPage } from './use-cases/stars-public-page.ts';
import { starsRewardPayout } from './use-cases/stars-reward-payout.ts';
import { starsStaffHome } from './use-cases/stars-staff-home.ts';
import { starsFigures } from './supervision.stars.figures.ts';

/**
 * The stars part of the supervision module (see supervision.part.ts): 有礼小区 三类五星: a compound applies for a
 * star level, a third-party assessor scores the 54-indicator civility sheet with evidence (the sheets part's
 * inspection), the street confirms the star with a second approver, the reward for moving up is allocated — at most
 * 30% to the property company — and paid through payout statements; a public star list and the resident's star.
 */
export const starsPart: SupervisionPart = {
  routes: async (app, kernel) => starsRoutes(app, kernel),
  approvals: [confirmStarsApproval],
  figures: starsFigures,
  payouts: [starsRewardPayout],
  publicPages: [starsPublicPage],
  staffHome: starsStaffHome,
  residentHome: async (ctx) => {
    const stars = await myCompoundStars(ctx);
    return stars.length ? { supervisionStars: stars } : {};
  },
  seed: seedStars,
};
