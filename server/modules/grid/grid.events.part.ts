import { eventsRoutes } from './grid.events.routes.ts';
import { seedEvents } from './grid.events.seed.ts';
import { eventsTemplates } from './grid.events.templates.ts';
import type { GridPart } from './grid.part.ts';
import { overdueEventsJob } from './use-cases/events-overdue.ts';
import { eventsStaffHome } from './use-cases/events-staff-home.ts';
import { eventsWatch } from './grid.events.watch.ts';
import { eventsFigures } from './grid.events.figures.ts';

/**
 * The events part of the grid module: 网格事件 — grid workers, building leaders, property staff and residents (随手拍)
 * report events at a compound; the community dispatches each to the responsible body (the property company, the
 * residents' committee, or a department's liaison for the compound: 执法进小区), who accepts, resolves or rejects it;
 * the dispatcher closes, reopens or escalates it to the street; an hourly job escalates the overdue once; the reporter
 * rates the handling. Departments' liaisons and joint patrols (联合巡查).
 */
export const eventsPart: GridPart = {
  routes: async (app, kernel) => eventsRoutes(app, kernel),
  templates: eventsTemplates,
  jobs: [overdueEventsJob],
  watchlist: eventsWatch,
  figures: eventsFigures,
  staffHome: eventsStaffHome,
  seed: seedEvents,
};
