import { serviceRecordPage } from './volunteers.activities.public.ts';
import { activitiesRoutes } from './volunteers.activities.routes.ts';
import { seedActivities } from './volunteers.activities.seed.ts';
import { activitiesTemplates } from './volunteers.activities.templates.ts';
import type { VolunteersPart } from './volunteers.part.ts';
import { listActivities } from './use-cases/activities-list.ts';
import { myActivitiesSoon } from './use-cases/activities-mine.ts';
import { remindActivitiesJob } from './use-cases/activities-remind.ts';
import { holdsAnywhere } from './volunteers.policy.ts';

/**
 * The activities part of the volunteers module (see volunteers.part.ts): a community's or compound's volunteer
 * activities with sign-up under a capacity, sign-in and sign-out by a rotating code on the organiser's phone, service
 * hours capped at the activity's length and credited when the organiser confirms, and the service certificate.
 */
export const activitiesPart: VolunteersPart = {
  routes: async (app, kernel) => activitiesRoutes(app, kernel),
  templates: activitiesTemplates,
  jobs: [remindActivitiesJob],
  publicPages: [serviceRecordPage],
  // A resident's home shows the section only when they have an activity today or tomorrow.
  residentHome: async (ctx) => {
    const soon = await myActivitiesSoon(ctx);
    return soon.length ? { volunteerActivities: soon.map((a) => ({ id: a.id, title: a.title, venue: a.venue, startsAt: a.startsAt, endsAt: a.endsAt, signedIn: !!a.mine?.signedInAt })) } : {};
  },
  // The organisers' to-do: activities whose sign-outs wait for the hours to be confirmed (the list its link opens).
  staffHome: async (ctx) => {
    if (!holdsAnywhere(ctx.actor, 'activitiesManage')) return {};
    const waiting = await listActivities(ctx, { page: 1, pageSize: 1, attention: 'toConfirm', sort: 'startsAt', order: 'desc' });
    return { todos: [{ key: 'volActivitiesToConfirm', count: waiting.total, link: '/volunteers/activities?attention=toConfirm' }] };
  },
  seed: seedActivities,
};
