import type { AgencyCaseStatus } from '#server/modules/grid/contract.ts';

/** The H5's tag colour of a case's status. */
export const CASE_COLOUR: Record<AgencyCaseStatus, string> = { accepted: 'primary', sent: 'primary', result: 'warning', completed: 'success', withdrawn: 'default' };
