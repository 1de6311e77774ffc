/**
 * What the web may know of the grid module (scripts/check-boundaries.ts holds it): its vocabulary (runtime values,
 * free of server dependencies), and the types of its requests and answers (type-only). Each part adds its types in
 * its own block below.
 */
export * from './grid.constants.ts';
export type { FileSubject, FileKind } from './grid.tables.ts';
