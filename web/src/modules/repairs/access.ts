import { REPAIRS_POLICY } from '#server/modules/repairs/contract.ts';
import type { Me } from '../../shared/session.ts';

/** Whether any of the account's grants carries a role with this repairs permission (a UI hint; the server decides). */
export const mayRepairs = (me: Me | null | undefined, permission: keyof typeof REPAIRS_POLICY): boolean =>
  !!me?.grants.some((g) => (REPAIRS_POLICY[permission] as readonly string[]).includes(g.role));
