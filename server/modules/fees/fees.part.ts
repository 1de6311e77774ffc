import type { ModulePart } from '../../kernel/module-parts.ts';

/**
 * One part of the fees module (bills, payments, arrears, subsidies, ratings, fund, books): the slices of the manifest it adds, in its own files. index.ts merges the parts into the
 * one module the kernel sees (kernel/module-parts.ts).
 */
export type FeesPart = ModulePart;
