/**
 * What the web may know of the surveys module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './surveys.constants.ts';
export type { CreateRecordBody } from './surveys.schemas.ts';
export type { listRecords } from './use-cases/list-records.ts';
