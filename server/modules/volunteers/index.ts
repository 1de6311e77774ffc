import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { activitiesPart } from './volunteers.activities.part.ts';
import { boardsPart } from './volunteers.boards.part.ts';
import { greenPart } from './volunteers.green.part.ts';
import { lendingPart } from './volunteers.lending.part.ts';
import { registryPart } from './volunteers.registry.part.ts';
import type { VolunteersPart } from './volunteers.part.ts';
import { volunteersRoutes } from './volunteers.routes.ts';
import { tasksPart } from './volunteers.tasks.part.ts';

/** What every part shares: the photos of tasks, listings and care records. */
const sharedPart: VolunteersPart = { routes: async (app, kernel) => volunteersRoutes(app, kernel) };

/**
 * The parts in the order their demo runs: the registry first (volunteers, whom activities and tasks need), then
 * activities and task grabbing (which credit hours and points), the neighbour boards, lending (on the boards'
 * tool and book listings) and green adoption.
 */
const parts = [sharedPart, registryPart, activitiesPart, tasksPart, boardsPart, lendingPart, greenPart];

/**
 * 志愿服务与邻里 (Volunteers and neighbour services): the volunteer registry with review and teams, activities with
 * sign-in codes and service hours, task grabbing, points and rewards, the compound's neighbour boards (carpooling,
 * second-hand, tool sharing, book lending) under moderation, and green adoption. Reads the registry's places and
 * persons through its public face.
 */
export const volunteersModule: Module = moduleOfParts('volunteers', parts);

export { VolunteersPolicy } from './volunteers.policy.ts';
export type { VolunteersTables } from './volunteers.tables.ts';
/** For the grid module's emergency mode: the approved volunteers at or under a place, and the registered share (15%). */
export { approvedVolunteersUnder, type ApprovedVolunteer } from './use-cases/registry-approved-under.ts';
export { registeredShareParts, type ShareParts } from './use-cases/registry-share.ts';
export { REGISTERED_SHARE_TARGET } from './volunteers.registry.constants.ts';
