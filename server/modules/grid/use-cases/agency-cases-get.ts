import { can, type Role } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import { read } from '../grid.db.ts';
import type { AgencyCaseStatus, AgencyStep } from '../grid.tables.ts';
import { type CaseRow, caseById, isOverdue, todayOf, visiblePoints } from './agency-access.ts';
import { type FileSummary, filesOf } from './files.ts';

const STREET: readonly Role[] = ['street_official', 'platform_admin'];

export interface CaseStepView {
  step: AgencyStep;
  note: string;
  at: Date;
  byName: string;
}
export interface CaseDocument {
  id: string;
  label: string;
  uploadedAt: string;
  /** Deleted under the retention rule: the label stays, the content is gone. */
  purgedAt: string | null;
  /** `/api/grid/files/:id` for those who may open it (the point's staff, the street); else null. */
  url: string | null;
}
export type CaseAction = 'send' | 'result' | 'handover' | 'withdraw';
export interface CaseView extends Omit<CaseRow, 'streetId'> {
  pointName: string;
  compoundName: string;
  companyName: string;
  overdue: boolean;
  documents: CaseDocument[];
  steps: CaseStepView[];
  /** What the actor may do to it now. */
  actions: CaseAction[];
}

const NEXT: Record<AgencyCaseStatus, CaseAction[]> = {
  accepted: ['send', 'withdraw'],
  sent: ['result', 'withdraw'],
  result: ['handover', 'withdraw'],
  completed: [],
  withdrawn: [],
};

/** A case's timeline steps, in order. */
export async function stepsOf(ctx: Ctx, streetId: string, caseId: string): Promise<CaseStepView[]> {
  return read(ctx)
    .selectFrom('grid_agency_case_steps')
    .select(['step', 'note', 'at', 'by_name as byName'])
    .where('street_id', '=', streetId)
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export const documentsOf = (files: readonly FileSummary[], open: boolean): CaseDocument[] =>
  files.map((f) => ({ id: f.id, label: f.label, uploadedAt: f.uploadedAt, purgedAt: f.purgedAt, url: open && !f.purgedAt ? `/api/grid/files/${f.id}` : null }));

/** A case of a point the actor may read: details (ID number and phone masked), documents, timeline and its actions. */
export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  const db = read(ctx);
  const kase = await caseById(db, id);
  if (!kase) throw AgencyErrors.AGENCY_CASE_NOT_FOUND();
  const [point] = await visiblePoints(db, ctx, { pointId: kase.pointId });
  if (!point) throw AgencyErrors.AGENCY_CASE_NOT_FOUND();
  const files = (await filesOf(db, kase.streetId, 'case', [id])).get(id) ?? [];
  const company = (await organisationNames(db, [point.companyId])).get(point.companyId) ?? '';
  const { streetId: _, ...rest } = kase;
  return {
    ...rest,
    pointName: point.name,
    compoundName: point.compoundName,
    companyName: company,
    overdue: isOverdue(kase.status, kase.dueOn, todayOf(ctx)),
    documents: documentsOf(files, point.staffs || can(ctx.actor, STREET, point.compoundPath)),
    steps: await stepsOf(ctx, kase.streetId, id),
    actions: point.staffs ? NEXT[kase.status] : [],
  };
}
