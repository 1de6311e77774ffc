import type { Ctx } from '../../../kernel/context.ts';
import { type CreditGrade, type CreditRecordKind, type CreditRecordState, type CreditRepairStatus, type CreditSourceType, formatCreditBand } from '../supervision.credit.constants.ts';
import { creditRecordsOf, creditSettingsAt, scoredOf } from '../supervision.credit.repository.ts';
import { creditScore, recordState, topOf } from '../supervision.credit.scoring.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { companyFor, mayApplyFor } from './credit-access.ts';

export interface CreditFileView {
  id: string;
  fileName: string;
  mime: string;
}

export interface CreditRecordView {
  id: string;
  kind: CreditRecordKind;
  pointsCenti: number;
  basis: string;
  sourceType: CreditSourceType;
  sourceLabel: string;
  compoundId: string | null;
  occurredAt: Date;
  expiresAt: Date;
  note: string;
  state: CreditRecordState | 'not_yet';
  repairedAt: Date | null;
  files: CreditFileView[];
  /** The latest repair application of the record, if any. */
  repair: { id: string; status: CreditRepairStatus; appliedAt: Date } | null;
  /** Whether the actor may apply for its repair now: a bad record counting, unrepaired, with no pending application. */
  canApply: boolean;
}

export interface CreditRepairView {
  id: string;
  recordId: string;
  recordLabel: string;
  recordKind: CreditRecordKind;
  pointsCenti: number;
  status: CreditRepairStatus;
  statement: string;
  applicantName: string;
  appliedAt: Date;
  deciderName: string | null;
  decidedAt: Date | null;
  reason: string | null;
  files: CreditFileView[];
}

export interface CreditCompanyDetail {
  companyId: string;
  companyName: string;
  streetId: string;
  streetName: string;
  compounds: { id: string; name: string }[];
  at: Date;
  scoreCenti: number;
  grade: CreditGrade;
  goodCenti: number;
  badCenti: number;
  counting: number;
  /** The formula the score was computed with (the version in force now). */
  formula: { version: number; baseCenti: number; capCenti: number; validityMonths: number; bands: { grade: CreditGrade; from: number; to: number; label: string }[] };
  records: CreditRecordView[];
  repairs: CreditRepairView[];
  canApply: boolean;
  canDecide: boolean;
  canManage: boolean;
}

/**
 * A company's credit as its page shows it (SUPERVISION_ROLES.creditRead: officials of its compounds' places; the
 * company itself): the score and grade now, the formula stated, every record with its points, basis, expiry and
 * state (expired and repaired ones shown, greyed by the page), and the repair applications. 404 for any other.
 */
export async function getCreditCompany(ctx: Ctx, companyId: string): Promise<CreditCompanyDetail> {
  const db = read(ctx);
  const company = await companyFor(ctx, db, companyId);
  const now = ctx.kernel.clock.now();
  const [settings, records, repairs, files] = await Promise.all([
    creditSettingsAt(db, company.streetId, now),
    creditRecordsOf(db, company.streetId, { companyId }),
    db.selectFrom('sup_credit_repairs').selectAll().where('street_id', '=', company.streetId).where('company_id', '=', companyId).orderBy('applied_at', 'desc').orderBy('id').execute(),
    db
      .selectFrom('sup_credit_files as f')
      .select(['f.id', 'f.owner_type', 'f.owner_id', 'f.file_name', 'f.mime'])
      .where('f.street_id', '=', company.streetId)
      .where((eb) =>
        eb.or([
          eb('f.owner_id', 'in', eb.selectFrom('sup_credit_records').select('id').where('street_id', '=', company.streetId).where('company_id', '=', companyId)),
          eb('f.owner_id', 'in', eb.selectFrom('sup_credit_repairs').select('id').where('street_id', '=', company.streetId).where('company_id', '=', companyId)),
        ]),
      )
      .orderBy('f.uploaded_at')
      .orderBy('f.id')
      .execute(),
  ]);
  const filesOf = (type: string, id: string) => files.filter((f) => f.owner_type === type && f.owner_id === id).map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime }));
  const applies = mayApplyFor(ctx.actor, company);
  const score = creditScore(records.map(scoredOf), settings, now);
  const top = topOf(settings);
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    companyId,
    companyName: company.companyName,
    streetId: company.streetId,
    streetName: company.streetName,
    compounds: company.compounds.map((c) => ({ id: c.id, name: c.name })),
    at: now,
    scoreCenti: score.scoreCenti,
    grade: score.grade,
    goodCenti: score.goodCenti,
    badCenti: score.badCenti,
    counting: score.records,
    formula: {
      version: settings.version,
      baseCenti: settings.baseCenti,
      capCenti: settings.capCenti,
      validityMonths: settings.validityMonths,
      bands: settings.bands.map((b) => ({ ...b, label: formatCreditBand(b, top) })),
    },
    records: records.map((r) => {
      const state = recordState(scoredOf(r), now);
      const latest = repairs.find((p) => p.record_id === r.id);
      return {
        id: r.id,
        kind: r.kind,
        pointsCenti: r.points_centi,
        basis: r.basis,
        sourceType: r.source_type,
        sourceLabel: r.source_label,
        compoundId: r.compound_id,
        occurredAt: r.occurred_at,
        expiresAt: r.expires_at,
        note: r.note,
        state,
        repairedAt: r.repaired_at,
        files: filesOf('record', r.id),
        repair: latest ? { id: latest.id, status: latest.status, appliedAt: latest.applied_at } : null,
        canApply: applies && r.points_centi < 0 && state === 'counting' && latest?.status !== 'pending',
      };
    }),
    repairs: repairs.map((p) => ({
      id: p.id,
      recordId: p.record_id,
      recordLabel: byId.get(p.record_id)?.source_label ?? '',
      recordKind: byId.get(p.record_id)!.kind,
      pointsCenti: byId.get(p.record_id)!.points_centi,
      status: p.status,
      statement: p.statement,
      applicantName: p.applicant_name,
      appliedAt: p.applied_at,
      deciderName: p.decider_name,
      decidedAt: p.decided_at,
      reason: p.reason,
      files: filesOf('repair', p.id),
    })),
    canApply: applies,
    canDecide: allows(ctx.actor, 'creditDecide', company.street.path),
    canManage: allows(ctx.actor, 'creditManage', company.street.path),
  };
}
