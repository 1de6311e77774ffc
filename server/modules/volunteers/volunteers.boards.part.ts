import { boardsRoutes } from './volunteers.boards.routes.ts';
import { seedBoards } from './volunteers.boards.seed.ts';
import { boardsTemplates } from './volunteers.boards.templates.ts';
import type { VolunteersPart } from './volunteers.part.ts';
import { moderationStaffHome } from './use-cases/moderation-staff-home.ts';

/**
 * The boards part of the volunteers module (see volunteers.part.ts): the compound's neighbour board — carpooling
 * (contacts only once both sides agree), second-hand exchange (reserved, given), and the posting of tool and book
 * listings the lending part lends — under moderation: the street's banned words, residents' reports, hiding with a
 * reason.
 */
export const boardsPart: VolunteersPart = {
  routes: async (app, kernel) => boardsRoutes(app, kernel),
  templates: boardsTemplates,
  staffHome: moderationStaffHome,
  seed: seedBoards,
};
