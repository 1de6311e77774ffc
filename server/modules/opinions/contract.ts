/**
 * What the web may know of the opinions module (scripts/check-boundaries.ts holds it): its vocabulary and
 * rules shared with the browser (runtime values, free of server dependencies), and the types of its
 * requests and answers (type-only: erased from the browser's bundle).
 */
export * from './opinions.constants.ts';
export type { PostOpinionBody } from './opinions.schemas.ts';
export type { getOpinion } from './use-cases/get-opinion.ts';
export type { listInbox } from './use-cases/list-opinions.ts';
export type { opinionTargets } from './use-cases/opinion-targets.ts';
