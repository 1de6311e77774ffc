import type { Me } from '../../shared/session.ts';

/** The server says what the shells may offer (it still answers 403 to anything else). */
export const canReadAudit = (me: Me) => me.can.audit;
