/**
 * What the web may know of the repairs module (scripts/check-boundaries.ts holds it): its vocabulary and
 * rules shared with the browser (runtime values, free of server dependencies), and the types of its
 * requests and answers (type-only: erased from the browser's bundle).
 */
export * from './repairs.constants.ts';
export type { SettingsBody } from './repairs.schemas.ts';
export type { getFigures } from './use-cases/get-figures.ts';
export type { getOrder } from './use-cases/get-order.ts';
export type { listAssignees } from './use-cases/list-assignees.ts';
export type { listEscalations } from './use-cases/list-escalations.ts';
export type { listMyOrders } from './use-cases/list-my-orders.ts';
export type { listOrders } from './use-cases/list-orders.ts';
export type { reportPlaces } from './use-cases/report-places.ts';
export type { getSettings, listSettings } from './use-cases/settings.ts';
