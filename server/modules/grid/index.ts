import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { agencyPart } from './grid.agency.part.ts';
import { collectionPart } from './grid.collection.part.ts';
import { emergencyPart } from './grid.emergency.part.ts';
import { eventsPart } from './grid.events.part.ts';
import { mediationPart } from './grid.mediation.part.ts';
import type { GridPart } from './grid.part.ts';
import { gridRoutes } from './grid.routes.ts';
import { socialPart } from './grid.social.part.ts';

/** What every part shares: the files of events, records and cases. */
const sharedPart: GridPart = { routes: async (app, kernel) => gridRoutes(app, kernel) };

/**
 * The parts in the order their demo runs: events (with the departments' liaisons), collection, agency points, then
 * mediation (whose cases may come from events), social organisations and 公益创投, and emergency mode.
 */
const parts = [sharedPart, eventsPart, collectionPart, agencyPart, mediationPart, socialPart, emergencyPart];

/**
 * 网格 (Grid work): grid events dispatched to the responsible body — the property company, the residents'
 * committee, or a department's liaison for the compound (执法进小区); the four-actuals collection (四个实有) checked
 * against the registry and applied to it through its public face, paid per verified new record; and government
 * service agency points (政务服务代办点) at property offices, paid per completed case; people's mediation (人民调解)
 * from complaint to agreement or referral; community social organisations and their 公益创投 rounds; and emergency
 * mode with duty rosters, door-to-door screening (入户排查) and volunteer call-ups. Reads the registry's places and
 * persons, and the volunteers module's registered volunteers, through their public faces.
 */
export const gridModule: Module = moduleOfParts('grid', parts);

export { GridPolicy } from './grid.policy.ts';
export type { GridTables } from './grid.tables.ts';
