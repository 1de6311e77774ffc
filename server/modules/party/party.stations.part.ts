import type { PartyPart } from './party.part.ts';
import { stationsRoutes } from './party.stations.routes.ts';
import { seedStations } from './party.stations.seed.ts';
import { myStations } from './use-cases/stations-mine.ts';

/**
 * The stations part of the party module (see party.part.ts): 红色驿站 per compound with their address, opening hours,
 * services and duty roster; the resident's home shows their compound's station.
 */
export const stationsPart: PartyPart = {
  routes: async (app, kernel) => stationsRoutes(app, kernel),
  residentHome: async (ctx) => {
    const stations = await myStations(ctx);
    return stations.length ? { partyStations: stations } : {};
  },
  seed: seedStations,
};
