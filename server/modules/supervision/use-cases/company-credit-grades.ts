import { compoundsUnder } from '../../registry/index.ts';
import type { CreditGrade } from '../supervision.credit.constants.ts';
import { creditRecordsOf, creditSettingsAt, scoredOf } from '../supervision.credit.repository.ts';
import { creditScore } from '../supervision.credit.scoring.ts';
import type { Executor } from '../supervision.db.ts';

export interface CompanyCreditGrade {
  companyId: string;
  companyName: string;
  scoreCenti: number;
  grade: CreditGrade;
  /** Σ points of its counting good records (before the cap). */
  goodCenti: number;
  /** Σ |points| of its counting bad records. */
  badCenti: number;
  /** How many of its records count at the instant. */
  records: number;
}

/**
 * The credit grade at `at` of every property company serving a compound of the street (the registry's compounds),
 * and of any company no longer serving one whose records still count then: the street's formula in force at `at`
 * over the records counting at `at`. No access check: the caller's use case decides who may see them (the red and
 * black list reads it to publish a period).
 */
export async function companyCreditGrades(db: Executor, { streetId, at }: { streetId: string; at: Date }): Promise<CompanyCreditGrade[]> {
  const [compounds, settings, records] = await Promise.all([compoundsUnder(db, streetId), creditSettingsAt(db, streetId, at), creditRecordsOf(db, streetId, { at })]);
  const companies = new Map<string, string>();
  for (const c of compounds) if (c.companyId) companies.set(c.companyId, c.companyName ?? '');
  const byCompany = new Map<string, typeof records>();
  for (const r of records) byCompany.set(r.company_id, [...(byCompany.get(r.company_id) ?? []), r]);
  const out: CompanyCreditGrade[] = [];
  for (const [companyId, rs] of byCompany) {
    if (companies.has(companyId)) continue;
    const score = creditScore(rs.map(scoredOf), settings, at);
    if (score.records > 0) companies.set(companyId, rs[0]!.company_name);
  }
  for (const [companyId, companyName] of companies) {
    const score = creditScore((byCompany.get(companyId) ?? []).map(scoredOf), settings, at);
    out.push({ companyId, companyName, ...score });
  }
  return out.sort((a, b) => a.companyName.localeCompare(b.companyName, 'zh-CN') || a.companyId.localeCompare(b.companyId));
}
