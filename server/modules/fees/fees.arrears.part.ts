import type { FeesPart } from './fees.part.ts';

/** The arrears part of the fees module (see fees.part.ts). */
export const arrearsPart: FeesPart = {};
