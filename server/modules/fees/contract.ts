/**
 * What the web may know of the fees module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part
 * (bills, payments, arrears) adds its own lines below.
 */
export * from './fees.constants.ts';
export * from './fees.arrears.constants.ts';
