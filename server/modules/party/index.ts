import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { activitiesPart } from './party.activities.part.ts';
import { lettersPart } from './party.letters.part.ts';
import { membersPart } from './party.members.part.ts';
import { reportingPart } from './party.reporting.part.ts';
import { stationsPart } from './party.stations.part.ts';

/**
 * The parts in the order their demo runs: members first (every other part reads them), then 双报到 with its
 * projects, claims and service records, the letters that total that service, the 红色驿站 and the party activities.
 */
const parts = [membersPart, reportingPart, lettersPart, stationsPart, activitiesPart];

/**
 * 党建引领 (Party building): party members as records with their public identity, 双报到 of workplace organisations and
 * employed members with service letters and 函告, coverage figures, 红色驿站 and party activities. Reads the registry's
 * places, persons, organisations and positions through its public face.
 */
export const partyModule: Module = moduleOfParts('party', parts);

export { PartyPolicy } from './party.policy.ts';
export type { PartyTables } from './party.tables.ts';
/** Of these persons, the active party members who show their identity (the opinions module's authors). */
export { partyBadges } from './use-cases/badge-of.ts';
