import type { ModulePart } from '../../kernel/module-parts.ts';

/**
 * One part of the supervision module (sheets and inspections, rectification, assessment): the slices of the manifest it adds, in its own files. index.ts merges the parts into the
 * one module the kernel sees (kernel/module-parts.ts).
 */
export type SupervisionPart = ModulePart;
