import type { SupervisionPart } from './supervision.part.ts';
import { rectificationFigures } from './supervision.rectification.figures.ts';
import { RECTIFICATION_NOTIFICATIONS } from './supervision.rectification.notifications.ts';
import { rectificationRoutes } from './supervision.rectification.routes.ts';
import { seedRectification } from './supervision.rectification.seed.ts';
import { escalateOverdueNoticesJob } from './use-cases/escalate-overdue-notices.ts';
import { noticesStaffHome } from './use-cases/notices-staff-home.ts';
import { rectificationWatch } from './supervision.rectification.watch.ts';

/**
 * The rectification part of the supervision module (整改通知单, issue 20 §4): officials issue notices to a
 * compound's property company, the company answers with its fix, the issuer's level verifies or sends it back; an
 * hourly job escalates overdue notices; a notice prints as a numbered PDF; figures per place; `noticeCountsFor`
 * (index.ts) gives the company's credit its counts.
 */
export const rectificationPart: SupervisionPart = {
  routes: async (app, kernel) => rectificationRoutes(app, kernel),
  jobs: [escalateOverdueNoticesJob],
  figures: rectificationFigures,
  watchlist: rectificationWatch,
  templates: RECTIFICATION_NOTIFICATIONS,
  staffHome: noticesStaffHome,
  seed: seedRectification,
};
