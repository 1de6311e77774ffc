/**
 * What the web may import from the kernel (scripts/check-boundaries.ts holds it): shared vocabularies,
 * nothing that runs on the server.
 */
export * from './access/place-kinds.ts';
export * from './auth/sms-readers.ts';
export type * from './public/payload.ts';
