import { SMS_SANDBOX_READERS } from '#server/kernel/contract.ts';
import { ACTIVATION_ROLES } from '#server/modules/activation/contract.ts';
import type { Me } from '../../shared/session.ts';

/** Which activation pages to offer (from the same role lists the server checks; it still checks every request). */
const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

export const canReview = (me: Me) => holds(me, ACTIVATION_ROLES.review);
export const canReadRates = (me: Me) => holds(me, ACTIVATION_ROLES.readRates);
export const canReadSandbox = (me: Me) => holds(me, SMS_SANDBOX_READERS);
