import { activitiesRoutes } from './party.activities.routes.ts';
import { seedActivities } from './party.activities.seed.ts';
import { activitiesTemplates } from './party.activities.templates.ts';
import type { PartyPart } from './party.part.ts';
import { myActivities } from './use-cases/activities-mine.ts';

/**
 * The activities part of the party module (see party.part.ts): 主题党日, 学习会, 组织生活会 and 志愿服务 of the community's
 * party organisations — scheduled for the branch's members (and the employed members confirmed at its community),
 * notified, signed in by a time-limited code, and each member's attendance over the year.
 */
export const activitiesPart: PartyPart = {
  routes: async (app, kernel) => activitiesRoutes(app, kernel),
  templates: activitiesTemplates,
  // A member's home: the next activities they are invited to and this year's attendance (nothing for others).
  residentHome: async (ctx) => {
    const mine = await myActivities(ctx);
    return mine.upcoming.length || mine.history.length ? { partyActivities: { upcoming: mine.upcoming.filter((a) => a.status === 'scheduled').slice(0, 3), year: mine.year } } : {};
  },
  seed: seedActivities,
};
