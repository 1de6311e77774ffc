import type { SupervisionPart } from './supervision.part.ts';

/**
 * The subsidy part of the supervision module (see supervision.part.ts): 达标补贴: for the old compounds the street lists, a company whose published assessment meets the standard gets the subsidy its policy computes, paid through payout statements.
 */
export const subsidyPart: SupervisionPart = {};
