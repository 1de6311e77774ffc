/** What the web may know of the social part (re-exported by contract.ts): its vocabulary and plain types. */

/** Registration status of a community social organisation: 登记 / 备案 / 培育中. */
export const ORG_REGISTRATIONS = ['registered', 'filed', 'incubating'] as const;
export type OrgRegistration = (typeof ORG_REGISTRATIONS)[number];
export const ORG_REGISTRATION_ZH: Record<OrgRegistration, string> = { registered: '登记', filed: '备案', incubating: '培育中' };

/** The field an organisation (and a project) works in. */
export const ORG_FIELDS = ['elderly', 'youth', 'culture', 'environment', 'disability', 'mediation', 'volunteer', 'other'] as const;
export type OrgField = (typeof ORG_FIELDS)[number];
export const ORG_FIELD_ZH: Record<OrgField, string> = {
  elderly: '为老服务',
  youth: '青少年',
  culture: '文体',
  environment: '环保',
  disability: '助残',
  mediation: '调解',
  volunteer: '志愿',
  other: '其他',
};

/** A round's life: draft → call (open for applications) → review → funded (list approved) → running → closed. */
export const ROUND_STATUSES = ['draft', 'call', 'review', 'funded', 'running', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_ZH: Record<RoundStatus, string> = { draft: '草稿', call: '征集中', review: '评审中', funded: '已立项', running: '执行中', closed: '已结束' };
/** The step a round may be moved on to by hand (review → funded happens by approving the funded list). */
export const ROUND_NEXT: Partial<Record<RoundStatus, RoundStatus>> = { draft: 'call', call: 'review', funded: 'running', running: 'closed' };

/** The panel's criteria and their maximum points (sum 100). */
export const SCORE_CRITERIA = ['need', 'feasibility', 'budget', 'capacity'] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];
export const SCORE_MAX: Record<ScoreCriterion, number> = { need: 30, feasibility: 30, budget: 20, capacity: 20 };
export const SCORE_CRITERION_ZH: Record<ScoreCriterion, string> = { need: '需求契合', feasibility: '方案可行', budget: '预算合理', capacity: '组织能力' };

export const FUNDING_STATUSES = ['proposed', 'approved', 'superseded'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const MILESTONE_STATUSES = ['pending', 'reported', 'returned', 'accepted'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The final evaluation of a funded project: 优秀 / 良好 / 合格 / 不合格 (合格 or better counts as completed). */
export const PROJECT_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type ProjectGrade = (typeof PROJECT_GRADES)[number];
export const PROJECT_GRADE_ZH: Record<ProjectGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** A line of an application's budget; a line of a proposed funded list. Money in fen. */
export interface BudgetLine {
  item: string;
  amountFen: number;
}
export interface FundingLine {
  applicationId: string;
  grantFen: number;
}

/** At most this many budget lines, milestones per project and reviewers per panel. */
export const MAX_BUDGET_LINES = 20;
export const MAX_MILESTONES = 12;

// The types of the answers the web shows (type-only: erased, no server code reaches the web).
export type { OrgListRow } from './use-cases/social-orgs-list.ts';
export type { RoundListRow } from './use-cases/social-rounds-list.ts';
export type { RoundDetail } from './use-cases/social-round-get.ts';
export type { MySocial } from './use-cases/social-public.ts';
export type { SocialPlace } from './use-cases/social-places.ts';
