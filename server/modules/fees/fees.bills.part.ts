import type { FeesPart } from './fees.part.ts';

/** The bills part of the fees module (see fees.part.ts). */
export const billsPart: FeesPart = {};
