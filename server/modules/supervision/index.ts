import type { Module, StaffHomeSlice } from '../../kernel/module.ts';
import { assessmentPart } from './supervision.assessment.part.ts';
import { rectificationPart } from './supervision.rectification.part.ts';
import { sheetsPart } from './supervision.sheets.part.ts';

/**
 * The parts in the order their demo runs: sheets and inspections first (the assessment reads inspection scores;
 * a finding becomes a rectification notice), then rectification, then the assessment that reads them all.
 */
const parts = [sheetsPart, rectificationPart, assessmentPart];

/**
 * 监督考评 (Supervision): indicator sheets and inspections, the property-company assessment into four colours, and
 * rectification notices (整改通知单). Reads repairs, owners' ratings and residents' verdicts through their modules'
 * public faces.
 */
export const supervisionModule: Module = {
  name: 'supervision',
  routes: async (app, kernel) => {
    for (const part of parts) await part.routes?.(app, kernel);
  },
  approvals: parts.flatMap((p) => p.approvals ?? []),
  jobs: parts.flatMap((p) => p.jobs ?? []),
  publicPages: parts.flatMap((p) => p.publicPages ?? []),
  figures: parts.flatMap((p) => p.figures ?? []),
  notifications: { templates: parts.flatMap((p) => p.templates ?? []) },
  staffHome: async (ctx) => {
    const slices = await Promise.all(parts.map((p) => p.staffHome?.(ctx)));
    return slices.reduce<StaffHomeSlice>((all, s) => ({ todos: [...(all.todos ?? []), ...(s?.todos ?? [])], figures: [...(all.figures ?? []), ...(s?.figures ?? [])] }), {});
  },
  residentHome: async (ctx) => Object.assign({}, ...(await Promise.all(parts.map((p) => p.residentHome?.(ctx) ?? {})))),
  recover: async (kernel) => {
    for (const part of parts) await part.recover?.(kernel);
  },
  demo: {
    seed: async (kernel, demo) => {
      const done: unknown[] = [];
      for (const part of parts) done.push(await part.seed?.(kernel, demo));
      return done;
    },
  },
};

export { SupervisionPolicy } from './supervision.policy.ts';
export type { SupervisionTables } from './supervision.tables.ts';
/** The inspection input of the assessment: per compound, submitted inspections of a period and their score sum. */
export { inspectionScoresFor, type InspectionScoresRow } from './use-cases/inspection-scores-for.ts';
/** Rectification notices per property company over a window: the company-credit input of Supervision 2/2. */
export { noticeCountsFor, type CompanyNoticeCounts } from './use-cases/notice-counts-for.ts';
