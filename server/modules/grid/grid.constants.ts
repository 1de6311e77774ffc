/** The grid module's vocabulary, free of dependencies: the web reads it through contract.ts. */

const COMMUNITY = ['community_secretary', 'committee_staff'] as const;
const PROPERTY = ['property_manager', 'property_staff'] as const;

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. A grant is necessary, not
 * always enough: a department liaison reads only the events dispatched to their department in their compounds, and
 * property staff collect or run an agency point only where the street commissioned their company — each part's use
 * cases narrow the rows themselves (in SQL).
 */
export const GRID_ROLES = {
  // events part: 网格事件 and 执法进小区 liaisons.
  /** Read grid events, their timelines and the liaisons. Liaisons (department reviewers) see only theirs. */
  eventsRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', 'building_leader', ...PROPERTY, 'department_reviewer'],
  /** Report an event at a place (residents report at their own compound through the H5, without a grant). */
  eventsReport: ['street_official', ...COMMUNITY, 'grid_worker', 'building_leader', ...PROPERTY],
  /** Dispatch, reassign, reject, close, reopen and escalate events: the residents' committee, grid workers and the street. */
  eventsDispatch: ['street_official', ...COMMUNITY, 'grid_worker'],
  /** Name a department's liaison for a compound and record joint patrols' liaisons. */
  liaisonsManage: ['street_official', 'department_reviewer'],
  /** Handle events dispatched to the property company (its staff at the compound) or the residents' committee. */
  eventsHandleProperty: [...PROPERTY],
  eventsHandleCommittee: [...COMMUNITY],
  /** Dispatch events escalated to the street. */
  eventsDispatchStreet: ['street_official'],
  // collection part: 四个实有.
  /** Read collected records, the actual legal persons and components, statements. Property staff: commissioned compounds only. */
  collectionRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', ...PROPERTY],
  /** Submit a record: grid workers, or property staff of a commissioned company. */
  collectionSubmit: ['grid_worker', ...PROPERTY],
  /** Check a record against the registry and verify or reject it (verification applies it to the registry). */
  collectionVerify: [...COMMUNITY],
  /** Commission a property company to collect, set the per-record incentive and the spot-check share; record spot checks. */
  collectionManage: ['street_official'],
  // agency part: 政务服务代办点.
  /** Read agency points, services and cases. Property staff: their own points only. */
  agencyRead: ['platform_admin', 'street_official', ...COMMUNITY, ...PROPERTY],
  /** Open, send on, complete and hand over cases at a point the actor staffs. */
  agencyHandle: [...PROPERTY],
  /** List the services points may accept, set up points, set the retention of documents. */
  agencyManage: ['street_official'],
  // mediation part: 人民调解.
  /** Read mediation committees and cases (parties masked to everyone but the case's mediators). */
  mediationRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker'],
  /** Open a case from any source (a resident, an opinion, an arrears case, a grid event, a deliberation item). */
  mediationOpen: ['street_official', ...COMMUNITY, 'grid_worker'],
  /** Set up mediation committees and name their mediators; assign cases; record referrals and court confirmations. */
  mediationManage: ['street_official', ...COMMUNITY],
  // social part: social organisations and 公益创投.
  /** Read the registry of community social organisations and the venture-philanthropy rounds. */
  socialRead: ['platform_admin', 'street_official', ...COMMUNITY],
  /** Register and update social organisations; run a round's call, milestones and final evaluation. */
  socialManage: ['street_official', ...COMMUNITY],
  /** Open rounds, name the panel and approve the funded list (a different account from who proposed it). */
  ventureApprove: ['street_official'],
  // emergency part: emergency mode and door-to-door screening.
  /** See emergency mode, rosters, screening coverage and call-ups. */
  emergencyRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', 'building_leader', ...PROPERTY],
  /** Switch a place into emergency mode and end it; set rosters, screening assignments and call-ups. */
  emergencyDeclare: ['street_official', 'community_secretary'],
  /** Run the duty rosters, the screening assignments and call-ups of a place in emergency mode. */
  emergencyManage: ['street_official', ...COMMUNITY],
  /** Visit households and mark their screening status (volunteers assigned to a building do so without a grant). */
  emergencyScreen: ['grid_worker', 'building_leader', ...COMMUNITY, ...PROPERTY],
} as const;

/** Files (photos of events and components, documents of agency cases): at most six, each at most 5 MB. */
export const MAX_FILES = 6;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const NAME_MAX = 60;
export const NOTE_MAX = 500;
