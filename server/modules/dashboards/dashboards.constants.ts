/** The dashboards module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Reading is the kernel's
 * FIGURE_READERS (figures are read through the kernel), written out again so a change is made deliberately.
 */
export const DASHBOARDS_ROLES = {
  read: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'],
  /** Build a month's dispatch report again, on demand (the job builds it on the first of each month). */
  build: ['platform_admin', 'street_official', 'community_secretary'],
} as const;

/**
 * The figures whose rankings of the places one level down the dashboard draws (DOMAIN.md §8 and the issue: handling
 * rate, satisfaction, collection rate, committee coverage, activation).
 */
export const RANKED_FIGURES = ['repairs.on_time', 'repairs.satisfaction', 'fees.collection_rate', 'registry.owners_committee_rate', 'activation.rate'] as const;

/**
 * The figures each role watches first (DOMAIN.md §8), shown above the rest on its dashboard: the street runs the
 * rankings and the company supervision, the property management committee (物委会) the companies, the community the
 * residents' side. A role not listed sees the figures in the modules' order only.
 */
export const DASHBOARD_FOCUS: Partial<Record<(typeof DASHBOARDS_ROLES.read)[number], readonly string[]>> = {
  platform_admin: [...RANKED_FIGURES, 'supervision.notices_overdue'],
  street_official: [...RANKED_FIGURES, 'registry.professional_coverage', 'supervision.notices_overdue', 'party.company_coverage'],
  property_committee_member: ['registry.professional_coverage', 'registry.owners_committee_rate', 'supervision.notices_open', 'supervision.notices_overdue', 'supervision.colour_red', 'repairs.satisfaction', 'fees.collection_rate'],
  community_secretary: ['activation.rate', 'opinions.answered', 'repairs.on_time', 'grid.events_on_time', 'volunteers.registered_share', 'party.compound_coverage', 'grid.mediation_settled_share'],
  committee_staff: ['activation.rate', 'opinions.answered', 'grid.events_on_time', 'volunteers.registered_share', 'notices.reach'],
};

/** At most this many lagging places per figure in a dispatch report. */
export const LAGGING_MAX = 5;
/** At most this many items per watch source in a dispatch report (the total is always given). */
export const WATCH_ITEMS_MAX = 50;
/** A page of the rows behind a figure. */
export const ROWS_PAGE_MAX = 200;
