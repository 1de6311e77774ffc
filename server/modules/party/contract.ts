/**
 * What the web may know of the party module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './party.constants.ts';
