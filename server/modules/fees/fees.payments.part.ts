import type { FeesPart } from './fees.part.ts';

/** The payments part of the fees module (see fees.part.ts). */
export const paymentsPart: FeesPart = {};
