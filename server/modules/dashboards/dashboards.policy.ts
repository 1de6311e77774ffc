import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { DASHBOARDS_ROLES } from './dashboards.constants.ts';

/** Who may do what in dashboards: each permission lists the roles whose grant on a place allows it over its subtree. */
export const DashboardsPolicy = {
  read: DASHBOARDS_ROLES.read,
  build: DASHBOARDS_ROLES.build,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter } = definePolicy(DashboardsPolicy);
