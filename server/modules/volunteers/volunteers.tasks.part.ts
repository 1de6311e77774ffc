import type { VolunteersPart } from './volunteers.part.ts';
import { tasksRoutes } from './volunteers.tasks.routes.ts';
import { seedTasks } from './volunteers.tasks.seed.ts';
import { tasksTemplates } from './volunteers.tasks.templates.ts';
import { myTasksHome } from './use-cases/tasks-mine.ts';
import { tasksStaffHome } from './use-cases/tasks-staff-home.ts';

/**
 * The tasks part of the volunteers module (see volunteers.part.ts): 任务抢单 — officials and the residents' committee
 * post small tasks with points, service minutes and a deadline; approved volunteers grab them on the H5 (one
 * conditional update decides the one winner), finish with photos; staff confirm and the points are credited once.
 */
export const tasksPart: VolunteersPart = {
  routes: async (app, kernel) => tasksRoutes(app, kernel),
  templates: tasksTemplates,
  // 我抢到的任务 on the resident's home (nothing when none is in progress).
  residentHome: myTasksHome,
  staffHome: tasksStaffHome,
  seed: seedTasks,
};
