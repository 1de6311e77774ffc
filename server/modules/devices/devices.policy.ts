import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { DEVICES_ROLES } from './devices.constants.ts';

/** Who may do what in the devices module: each permission lists the roles whose grant on a place allows it over its subtree. */
export const DevicesPolicy = DEVICES_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(DevicesPolicy);
