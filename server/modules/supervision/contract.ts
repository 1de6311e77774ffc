/**
 * What the web may know of the supervision module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './supervision.constants.ts';
export * from './supervision.sheets.constants.ts';
export * from './supervision.assessment.constants.ts';
