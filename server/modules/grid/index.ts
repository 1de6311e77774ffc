import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { agencyPart } from './grid.agency.part.ts';
import { collectionPart } from './grid.collection.part.ts';
import { eventsPart } from './grid.events.part.ts';
import type { GridPart } from './grid.part.ts';
import { gridRoutes } from './grid.routes.ts';

/** What every part shares: the files of events, records and cases. */
const sharedPart: GridPart = { routes: async (app, kernel) => gridRoutes(app, kernel) };

/** The parts in the order their demo runs: events (with the departments' liaisons), collection, agency points. */
const parts = [sharedPart, eventsPart, collectionPart, agencyPart];

/**
 * 网格 (Grid work): grid events dispatched to the responsible body — the property company, the residents'
 * committee, or a department's liaison for the compound (执法进小区); the four-actuals collection (四个实有) checked
 * against the registry and applied to it through its public face, paid per verified new record; and government
 * service agency points (政务服务代办点) at property offices, paid per completed case. Reads the registry's places
 * and persons through its public face.
 */
export const gridModule: Module = moduleOfParts('grid', parts);

export { GridPolicy } from './grid.policy.ts';
export type { GridTables } from './grid.tables.ts';
