/**
 * What the web may know of the deliberation module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './deliberation.constants.ts';
export type { CreateItemBody, ProposalBody, SettingsBody } from './items.schemas.ts';
export type { listItems } from './use-cases/list-items.ts';
export type { getItem } from './use-cases/get-item.ts';
export type { getSettings } from './use-cases/get-settings.ts';
export type { listPromotedForMe } from './use-cases/take-up-opinion.ts';
export type { listMyItems, myItemByOpinion } from './use-cases/my-items.ts';
export type { getMyItem } from './use-cases/get-my-item.ts';
