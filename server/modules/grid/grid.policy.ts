import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { GRID_ROLES } from './grid.constants.ts';

/** Who may do what in grid work: each permission lists the roles whose grant on a place allows it over its subtree. */
export const GridPolicy = GRID_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(GridPolicy);
