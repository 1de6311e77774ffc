/** The surveys module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/** Who may do what: the roles whose grant on a place allows it over the place's subtree. */
export const SURVEYS_ROLES = {
  read: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker'],
  write: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'],
} as const;

export const TITLE_MAX = 100;
