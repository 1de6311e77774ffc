import { LETTERS_TEMPLATES } from './party.letters.constants.ts';
import { lettersRoutes } from './party.letters.routes.ts';
import { seedLetters } from './party.letters.seed.ts';
import type { PartyPart } from './party.part.ts';
import { admonitionApproval } from './use-cases/letters-admonition.ts';

/**
 * The letters part of the party module (see party.part.ts): the annual letter from a community to a workplace
 * party organisation with each employed member's service (hours, points, posts) for a year, frozen when sent, as PDF
 * and xlsx; and the 函告 about a member who obstructs a compound's lawful management, sent once the community party
 * organisation approves (kernel approvals — its inbox is the approver's to-do), the member and the liaison told.
 */
export const lettersPart: PartyPart = {
  routes: async (app, kernel) => lettersRoutes(app, kernel),
  approvals: [admonitionApproval],
  templates: LETTERS_TEMPLATES,
  seed: seedLetters,
};
