import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import type { BudgetLine, FundingLine, MilestoneStatus, OrgField, ProjectGrade, ReportStatus, RoundStatus, ScoreCriterion } from '../grid.social.contract.ts';
import { type FileSummary, filesOf } from './files.ts';
import { readableRound } from './social-access.ts';

export interface ScoreRow {
  applicationId: string;
  accountId: string;
  criterion: ScoreCriterion;
  score: number;
}

/**
 * The ranking: each application's average total over the reviewers who scored it (a reviewer's total is the sum of
 * their criteria), highest first; ties (and the unscored, last) by the earlier application (created, then number).
 */
export function rankApplications<A extends { id: string; no: number; createdAt: Date }>(apps: readonly A[], scores: readonly ScoreRow[]): (A & { average: number | null; scoredBy: number; rank: number })[] {
  const totals = new Map<string, Map<string, number>>();
  for (const s of scores) {
    const byReviewer = totals.get(s.applicationId) ?? new Map<string, number>();
    byReviewer.set(s.accountId, (byReviewer.get(s.accountId) ?? 0) + s.score);
    totals.set(s.applicationId, byReviewer);
  }
  const withAvg = apps.map((a) => {
    const t = [...(totals.get(a.id)?.values() ?? [])];
    return { ...a, scoredBy: t.length, average: t.length ? Math.round((t.reduce((x, y) => x + y, 0) / t.length) * 100) / 100 : null };
  });
  withAvg.sort((x, y) => (y.average ?? -1) - (x.average ?? -1) || x.createdAt.getTime() - y.createdAt.getTime() || x.no - y.no);
  return withAvg.map((a, i) => ({ ...a, rank: i + 1 }));
}

export interface RoundDetail {
  id: string;
  placeId: string;
  placeName: string;
  title: string;
  year: number;
  poolFen: number;
  capFen: number;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  /** review: on the panel; score: on the panel while the round is in review. */
  may: { manage: boolean; approve: boolean; review: boolean; score: boolean };
  myAffiliationOrgId: string | null;
  applications: {
    id: string;
    no: number;
    orgId: string;
    orgName: string;
    title: string;
    field: OrgField;
    summary: string;
    beneficiaries: string;
    budget: BudgetLine[];
    budgetFen: number;
    createdAt: Date;
    average: number | null;
    scoredBy: number;
    rank: number;
    grantFen: number | null;
    grade: ProjectGrade | null;
    gradeNote: string | null;
    /** The actor is affiliated with the applying organisation: they may not score it. */
    conflict: boolean;
    myScores: Partial<Record<ScoreCriterion, number>> | null;
  }[];
  panel: { accountId: string; name: string; affiliationOrgId: string | null; affiliationName: string | null; scored: number }[];
  scores: ScoreRow[];
  funding: { id: string; status: 'proposed' | 'approved'; lines: (FundingLine & { title: string; orgName: string })[]; totalFen: number; proposedBy: string; proposedAt: Date; approvedBy: string | null; approvedAt: Date | null; mayApprove: boolean } | null;
  projects: {
    applicationId: string;
    milestones: {
      id: string;
      seq: number;
      title: string;
      dueOn: string;
      trancheFen: number;
      status: MilestoneStatus;
      reports: { id: string; note: string; status: ReportStatus; submittedAt: Date; decidedAt: Date | null; decisionNote: string | null; files: FileSummary[] }[];
    }[];
  }[];
}

/** A round the actor may read, with everything its page shows: applications ranked, the panel and its scores, the funded list, the projects' milestones and reports. */
export async function getRound(ctx: Ctx, id: string): Promise<RoundDetail> {
  const db = read(ctx);
  const round = await readableRound(db, ctx, id);
  const me = isSystem(ctx.actor) ? null : ctx.actor.accountId;
  const [apps, panel, scores, funding] = await Promise.all([
    db
      .selectFrom('grid_venture_applications as a')
      .innerJoin('grid_social_orgs as o', (j) => j.onRef('o.street_id', '=', 'a.street_id').onRef('o.id', '=', 'a.org_id'))
      .select([
        'a.id',
        'a.no',
        'a.org_id as orgId',
        'o.name as orgName',
        'a.title',
        'a.field',
        'a.summary',
        'a.beneficiaries',
        'a.budget',
        'a.budget_fen as budgetFen',
        'a.created_at as createdAt',
        'a.grant_fen as grantFen',
        'a.grade',
        'a.grade_note as gradeNote',
      ])
      .where('a.street_id', '=', round.streetId)
      .where('a.round_id', '=', round.id)
      .execute(),
    db
      .selectFrom('grid_venture_reviewers as v')
      .leftJoin('grid_social_orgs as o', (j) => j.onRef('o.street_id', '=', 'v.street_id').onRef('o.id', '=', 'v.affiliation_org_id'))
      .select(['v.account_id as accountId', 'v.name', 'v.affiliation_org_id as affiliationOrgId', 'o.name as affiliationName'])
      .where('v.street_id', '=', round.streetId)
      .where('v.round_id', '=', round.id)
      .orderBy('v.added_at')
      .execute(),
    db
      .selectFrom('grid_venture_scores')
      .select(['application_id as applicationId', 'account_id as accountId', 'criterion', 'score'])
      .where('street_id', '=', round.streetId)
      .where('round_id', '=', round.id)
      .execute(),
    db
      .selectFrom('grid_venture_fundings as f')
      .innerJoin('accounts as p', 'p.id', 'f.proposed_by')
      .leftJoin('accounts as q', 'q.id', 'f.approved_by')
      .select(['f.id', 'f.status', 'f.lines', 'f.total_fen as totalFen', 'f.proposed_by as proposedById', 'p.display_name as proposedBy', 'f.proposed_at as proposedAt', 'q.display_name as approvedBy', 'f.approved_at as approvedAt'])
      .where('f.street_id', '=', round.streetId)
      .where('f.round_id', '=', round.id)
      .where('f.status', 'in', ['proposed', 'approved'])
      .executeTakeFirst(),
  ]);
  const ranked = rankApplications(apps, scores);
  const affiliation = round.reviewer?.affiliationOrgId ?? null;
  const byApp = new Map(apps.map((a) => [a.id, a]));

  const funded = apps.filter((a) => a.grantFen !== null).map((a) => a.id);
  const milestones = funded.length
    ? await db
        .selectFrom('grid_venture_milestones')
        .select(['id', 'application_id as applicationId', 'seq', 'title', 'due_on as dueOn', 'tranche_fen as trancheFen', 'status'])
        .where('street_id', '=', round.streetId)
        .where('application_id', 'in', funded)
        .orderBy('seq')
        .execute()
    : [];
  const reports = milestones.length
    ? await db
        .selectFrom('grid_venture_reports')
        .select(['id', 'milestone_id as milestoneId', 'note', 'status', 'submitted_at as submittedAt', 'decided_at as decidedAt', 'decision_note as decisionNote'])
        .where('street_id', '=', round.streetId)
        .where(
          'milestone_id',
          'in',
          milestones.map((m) => m.id),
        )
        .orderBy('submitted_at')
        .execute()
    : [];
  const files = await filesOf(
    db,
    round.streetId,
    'project',
    reports.map((r) => r.id),
  );

  return {
    id: round.id,
    placeId: round.placeId,
    placeName: round.placeName,
    title: round.title,
    year: round.year,
    poolFen: round.poolFen,
    capFen: round.capFen,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: round.status,
    may: { manage: round.manages, approve: round.approves, review: !!round.reviewer, score: !!round.reviewer && round.status === 'review' },
    myAffiliationOrgId: affiliation,
    applications: ranked.map((a) => {
      const mine = me && round.reviewer ? scores.filter((s) => s.applicationId === a.id && s.accountId === me) : [];
      return { ...a, conflict: !!affiliation && affiliation === a.orgId, myScores: mine.length ? Object.fromEntries(mine.map((s) => [s.criterion, s.score])) : null };
    }),
    panel: panel.map((p) => ({ ...p, scored: new Set(scores.filter((s) => s.accountId === p.accountId).map((s) => s.applicationId)).size })),
    scores,
    funding: funding
      ? {
          id: funding.id,
          status: funding.status as 'proposed' | 'approved',
          lines: funding.lines.map((l) => ({ ...l, title: byApp.get(l.applicationId)?.title ?? '', orgName: byApp.get(l.applicationId)?.orgName ?? '' })),
          totalFen: funding.totalFen,
          proposedBy: funding.proposedBy,
          proposedAt: funding.proposedAt,
          approvedBy: funding.approvedBy,
          approvedAt: funding.approvedAt,
          mayApprove: funding.status === 'proposed' && round.approves && funding.proposedById !== me && round.status === 'review',
        }
      : null,
    projects: funded.map((applicationId) => ({
      applicationId,
      milestones: milestones
        .filter((m) => m.applicationId === applicationId)
        .map((m) => ({ ...m, reports: reports.filter((r) => r.milestoneId === m.id).map(({ milestoneId: _, ...r }) => ({ ...r, files: files.get(r.id) ?? [] })) })),
    })),
  };
}
