import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { assessmentPart } from './supervision.assessment.part.ts';
import { committeesPart } from './supervision.committees.part.ts';
import { creditPart } from './supervision.credit.part.ts';
import { listsPart } from './supervision.lists.part.ts';
import { rectificationPart } from './supervision.rectification.part.ts';
import { sheetsPart } from './supervision.sheets.part.ts';
import { starsPart } from './supervision.stars.part.ts';
import { subsidyPart } from './supervision.subsidy.part.ts';

/**
 * The parts in the order their demo runs: sheets and inspections first (the assessment reads inspection scores;
 * a finding becomes a rectification notice), then rectification, then the assessment that reads them all; then
 * Supervision 2/2's parts, which read the assessment: company credit, the red and black list, 有礼小区 stars (on
 * the sheets' civility sheet), 红色业委会 stars and the service-standard subsidy.
 */
const parts = [sheetsPart, rectificationPart, assessmentPart, creditPart, listsPart, starsPart, committeesPart, subsidyPart];

/**
 * 监督考评 (Supervision): indicator sheets and inspections, the property-company assessment into four colours, and
 * rectification notices (整改通知单). Reads repairs, owners' ratings and residents' verdicts through their modules'
 * public faces.
 */
export const supervisionModule: Module = moduleOfParts('supervision', parts);

export { SupervisionPolicy } from './supervision.policy.ts';
export type { SupervisionTables } from './supervision.tables.ts';
/** The inspection input of the assessment: per compound, submitted inspections of a period and their score sum. */
export { inspectionScoresFor, type InspectionScoresRow } from './use-cases/inspection-scores-for.ts';
/** Rectification notices per property company over a window: the company-credit input of Supervision 2/2. */
export { noticeCountsFor, type CompanyNoticeCounts } from './use-cases/notice-counts-for.ts';
