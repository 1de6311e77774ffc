import type { SupervisionPart } from './supervision.part.ts';
import { assessmentRoutes } from './supervision.assessment.routes.ts';
import { seedAssessment } from './supervision.assessment.seed.ts';
import { myAssessmentColours } from './use-cases/my-assessment-colours.ts';
import { publishAssessmentApproval } from './use-cases/request-publication.ts';
import { assessmentFigures } from './supervision.assessment.figures.ts';

/**
 * The assessment part of the supervision module (see supervision.part.ts): the property-company assessment into
 * four colours — per street the inputs' weights and colour bands, the street's and party organisation's
 * evaluations, computing a quarter for every compound with a company (a missing input's weight shared out over
 * those present), the company roll-up by rooms, publication by a second street official, and the resident's colour.
 */
export const assessmentPart: SupervisionPart = {
  routes: async (app, kernel) => assessmentRoutes(app, kernel),
  approvals: [publishAssessmentApproval],
  figures: assessmentFigures,
  residentHome: async (ctx) => {
    const colours = await myAssessmentColours(ctx);
    return colours.length ? { supervisionColours: colours } : {};
  },
  seed: seedAssessment,
};
