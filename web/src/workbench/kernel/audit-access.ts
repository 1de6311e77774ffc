import type { Me } from '../../shared/session.ts';

/**
 * Roles that may read the audit log; mirrors AUDIT_READERS in server/kernel/audit/audit.routes.ts.
 * The server is the authority (it answers 403); this only keeps the menu honest.
 */
const AUDIT_READERS = ['platform_admin', 'street_official', 'community_secretary'];

export const canReadAudit = (me: Me) => me.roles.some((r) => AUDIT_READERS.includes(r.role));
