/**
 * What the web may know of the registry module (scripts/check-boundaries.ts holds it): its vocabulary and
 * rules shared with the browser (runtime values, free of server dependencies), and the types of its
 * requests and answers (type-only: erased from the browser's bundle).
 */
export * from './registry.constants.ts';
export type { CreateHouseholdBody, CreateOrganisationBody, CreatePersonBody, CreatePlaceBody, CreatePositionBody, UpdateOrganisationBody, UpdatePersonBody, UpdatePlaceBody } from './registry.schemas.ts';
export type { getMyHome } from './use-cases/get-my-home.ts';
export type { getPerson } from './use-cases/get-person.ts';
export type { getPlace } from './use-cases/get-place.ts';
export type { getRoomHouseholds } from './use-cases/get-room-households.ts';
export type { getImport } from './use-cases/import-get.ts';
export type { getOrganisation, listOrganisations } from './use-cases/list-organisations.ts';
export type { listPersons } from './use-cases/list-persons.ts';
export type { listChildPlaces, listRootPlaces, searchPlaces } from './use-cases/list-places.ts';
export type { listRooms } from './use-cases/list-rooms.ts';
export type { AnswerCorrectionBody, CorrectionBody } from './registry.schemas.ts';
export type { listCorrections } from './use-cases/list-corrections.ts';
export type { listMyCorrections } from './use-cases/list-my-corrections.ts';
