import type { PartyPart } from './party.part.ts';
import { memberFigures } from './party.members.figures.ts';
import { membersRoutes } from './party.members.routes.ts';
import { seedMembers } from './party.members.seed.ts';
import { myMemberHome } from './use-cases/members-me.ts';

/**
 * The members part of the party module (see party.part.ts): member records (local and employed), the member's public
 * identity (亮明党员身份, shown on their posts through `partyBadges`), the organisation tree with branch hosts, and the
 * coverage figures with a page per place.
 */
export const membersPart: PartyPart = {
  routes: async (app, kernel) => membersRoutes(app, kernel),
  figures: memberFigures,
  residentHome: myMemberHome,
  seed: seedMembers,
};
