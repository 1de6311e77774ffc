import type { Module } from '../../kernel/module.ts';
import { registryPersonalData } from './registry.personal-data.ts';
import { correctionRoutes } from './registry.corrections.routes.ts';
import { CORRECTION_NOTIFICATIONS } from './use-cases/answer-correction.ts';
import { RegistryPolicy } from './registry.policy.ts';
import { registryImportRoutes } from './registry.import.routes.ts';
import { registryRoutes } from './registry.routes.ts';
import { OWNER_CHANGE, applyOwnerChange } from './use-cases/add-household.ts';
import { DELETE_RECORD, applyDeletion } from './use-cases/request-deletion.ts';
import { getMyHome } from './use-cases/get-my-home.ts';
import { endInterruptedImports } from './use-cases/import-recover.ts';
import { registryStaffHome } from './use-cases/staff-home.ts';
import { seedRegistryDemo } from './registry.seed.ts';
import { REGISTRY_AUDIENCES } from './registry.audiences.ts';
import { registryFigures } from './registry.figures.ts';
import { buildingLeaderAllowance } from './registry.payouts.ts';
import { seedRegistryPayoutsDemo } from './registry.payouts.seed.ts';

/** Registry: places, rooms, people, households, organisations, positions. */
export const registryModule: Module = {
  name: 'registry',
  personalData: registryPersonalData,
  residentHome: getMyHome,
  staffHome: registryStaffHome,
  recover: endInterruptedImports,
  routes: (app, kernel) => {
    registryRoutes(app, kernel);
    registryImportRoutes(app, kernel);
    correctionRoutes(app, kernel);
  },
  approvals: [
    { kind: OWNER_CHANGE, approverRoles: RegistryPolicy.approve, apply: applyOwnerChange },
    { kind: DELETE_RECORD, approverRoles: RegistryPolicy.approve, apply: applyDeletion },
  ],
  notifications: { audiences: REGISTRY_AUDIENCES, templates: CORRECTION_NOTIFICATIONS },
  figures: registryFigures,
  payouts: [buildingLeaderAllowance],
  demo: {
    seed: async (kernel, demo) => {
      await seedRegistryDemo(kernel, demo);
      await seedRegistryPayoutsDemo(kernel, demo);
    },
  },
};

export { RegistryPolicy } from './registry.policy.ts';
export { getMyHome } from './use-cases/get-my-home.ts';
export {
  currentRoomsOf,
  roomsOfActor,
  compoundServices,
  countResidentAccountsUnder,
  residentAccountRooms,
  type ResidentRoom,
  type CompoundServices,
} from './use-cases/resident-places.ts';
export {
  organisationNames,
  personContact,
  personNames,
  personPhonesMasked,
  roomHoldersUnder,
  roomsWithOwnershipOf,
  surveyEligibleCount,
} from './use-cases/module-reads.ts';
/** The bodies and position holders a joint meeting (deliberation) invites. */
export { meetingBodiesAt, positionHoldersAt, MEETING_ORG_KINDS, type MeetingBody, type MeetingOrgKind, type PositionHolder } from './use-cases/meeting-bodies.ts';
export { exclusivePartsUnder, type ExclusivePart } from './use-cases/exclusive-parts.ts';
/** The rooms a compound's fees are billed for (the fees module). */
export { billingRoomsUnder, type BillingRoomFacts } from './use-cases/billing-rooms.ts';
export {
  currentMembersOfRoom,
  householdActivationByChild,
  householdActivationOfRoom,
  householdActivationParts,
  householdActivationRows,
  householdRoomsUnder,
  roomFacts,
  type HouseholdRoom,
  type RoomMember,
  type RoomFacts,
} from './use-cases/household-reads.ts';
/** For other modules' tests and the demo seed: registry records made as an official would make them. */
export { createPlace } from './use-cases/create-place.ts';
export { createPerson } from './use-cases/create-person.ts';
/** For the fees demo seed (先缴后补): a tag certified from a past date, as an official records it. */
export { updatePerson } from './use-cases/update-person.ts';
export { createOrganisation } from './use-cases/create-organisation.ts';
export { createPosition } from './use-cases/create-position.ts';
export { insertHousehold } from './use-cases/add-household.ts';
/** For grid collection (四个实有): a verified arrival or departure applied to the registry; ownership waits for a second approver. */
export {
  applyResidencyChange,
  residentAtRoom,
  type ArrivingPerson,
  type ResidencyChange,
  type ResidencyOutcome,
} from './use-cases/residency-change.ts';
/** What the registry's demo seed hands on to later modules' seeds: `demo.get(DEMO_STREET)`. */
export { DEMO_STREET, type DemoStreet, type DemoPlace } from './demo/plan.ts';
export { BUILDING_LEADER_MONTHLY_FEN, buildingLeaderAllowance } from './registry.payouts.ts';
export type { RegistryTables } from './registry.tables.ts';
/** The tags a room's household held on a day (the fees module's 先缴后补), from the tags' history. */
export { householdTagsOn } from './use-cases/tag-spans.ts';
/** The property companies of a street (the fees module's settlement). */
export { propertyCompanies } from './use-cases/property-companies.ts';
/** How many persons own rooms under places now (the fees module's share of owners who rated). */
export { ownerPersonsUnder } from './use-cases/owners-under.ts';
/** The compounds of a street with their community, company and room count (the supervision module's assessments). */
export { compoundsUnder, type CompoundFacts } from './use-cases/compounds-under.ts';
/** The organisations of a kind at or under a place, or by id (the supervision module's 红色业委会). */
export { organisationsOfKind, type OrganisationAt } from './use-cases/organisations-of-kind.ts';
/** The positions held on a day by a person or in organisations (the party module's liaisons, instructors, committees). */
export { currentPositions, type CurrentPosition } from './use-cases/current-positions.ts';
/** Persons by name, id or the party_member tag, with where they are registered (the party module's member records). */
export { partyPersons, type PartyPerson } from './use-cases/party-persons.ts';
/** The persons with a household on a day, each with the room's path (the volunteers module's registered share). */
export { residentPersonsOn, type ResidentPersonRoom } from './use-cases/resident-persons.ts';
