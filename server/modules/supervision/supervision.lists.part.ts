import type { SupervisionPart } from './supervision.part.ts';
import { listPublicPage } from './supervision.lists.public.ts';
import { listsRoutes } from './supervision.lists.routes.ts';
import { seedLists } from './supervision.lists.seed.ts';
import { listsStaffHome } from './use-cases/list-appeals.ts';

/**
 * The lists part of the supervision module (see supervision.part.ts): the red and black list (红黑榜) published each
 * quarter from the companies' credit grades, black-list entry by the street's rule with an appeal window and a
 * recorded decision, and the measures that follow — only those the street's rules list, each citing its basis.
 */
export const listsPart: SupervisionPart = {
  routes: async (app, kernel) => listsRoutes(app, kernel),
  publicPages: [listPublicPage],
  staffHome: listsStaffHome,
  seed: seedLists,
};
