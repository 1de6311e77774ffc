import type { Ctx } from '../../../kernel/context.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import { read } from '../grid.db.ts';
import type { AgencyCaseStatus } from '../grid.tables.ts';
import { caseById, isOverdue, pointById, todayOf } from './agency-access.ts';
import { type CaseStepView, stepsOf } from './agency-cases-get.ts';
import { filesOf } from './files.ts';

export interface MyCaseView {
  id: string;
  no: string;
  serviceName: string;
  pointName: string;
  pointPhone: string;
  pointAddress: string;
  status: AgencyCaseStatus;
  outcome: 'success' | 'refused' | null;
  refusalReason: string | null;
  acceptedAt: Date;
  dueOn: string;
  handedOverOn: string | null;
  handover: 'in_person' | 'delivered' | null;
  completedAt: Date | null;
  withdrawReason: string | null;
  overdue: boolean;
  idNumberMasked: string | null;
  /** What was handed in: the labels only (the content is for the point's staff and the street), and whether deleted. */
  documents: { label: string; purged: boolean }[];
  steps: CaseStepView[];
}

/** A case opened for the resident (their own only; anyone else's is "not found"): its steps and the documents' labels. */
export async function myCase(ctx: Ctx, id: string): Promise<MyCaseView> {
  const db = read(ctx);
  const kase = await caseById(db, id);
  if (!kase || !ctx.actor.personId || kase.applicantPersonId !== ctx.actor.personId) throw AgencyErrors.AGENCY_CASE_NOT_FOUND();
  const point = await pointById(db, kase.pointId);
  const files = (await filesOf(db, kase.streetId, 'case', [id])).get(id) ?? [];
  const steps = await stepsOf(ctx, kase.streetId, id);
  return {
    id: kase.id,
    no: kase.no,
    serviceName: kase.serviceName,
    pointName: point?.name ?? '',
    pointPhone: point?.phone ?? '',
    pointAddress: point?.address ?? '',
    status: kase.status,
    outcome: kase.outcome,
    refusalReason: kase.refusalReason,
    acceptedAt: kase.acceptedAt,
    dueOn: kase.dueOn,
    handedOverOn: kase.handedOverOn,
    handover: kase.handover,
    completedAt: kase.completedAt,
    withdrawReason: kase.withdrawReason,
    overdue: isOverdue(kase.status, kase.dueOn, todayOf(ctx)),
    idNumberMasked: kase.idNumberMasked,
    documents: files.map((f) => ({ label: f.label, purged: !!f.purgedAt })),
    // The resident sees what was done and when, not which staff member did it.
    steps: steps.map((s) => ({ ...s, byName: '' })),
  };
}
