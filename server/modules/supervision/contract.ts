/**
 * What the web may know of the supervision module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './supervision.constants.ts';
export * from './supervision.sheets.constants.ts';
/** The sheets part's requests and answers (type-only). */
export type { CreateSheetBody, SaveSheetBody, StartInspectionBody, SaveItemBody, SubmitInspectionBody } from './supervision.sheets.schemas.ts';
export type { SheetView } from './use-cases/sheet-view.ts';
export type { InspectionView } from './use-cases/inspection-view.ts';
export type { listSheets } from './use-cases/list-sheets.ts';
export type { listInspections } from './use-cases/list-inspections.ts';
export type { listInspectableCompounds } from './use-cases/list-inspectable-compounds.ts';
export * from './supervision.rectification.constants.ts';
export type { NoticeListItem, NoticeCompanyCounts } from './use-cases/list-notices.ts';
export type { NoticeDetail } from './use-cases/get-notice.ts';
export type { NoticePrefill } from './use-cases/notice-prefill.ts';
export * from './supervision.assessment.constants.ts';
// The assessment part: request bodies and the answers the web reads (type-only).
export type { EvaluationBody, SettingsBody, StreetPeriodBody } from './supervision.assessment.schemas.ts';
export type { getAssessmentSettings, updateAssessmentSettings } from './use-cases/update-assessment-settings.ts';
export type { getAssessmentOverview } from './use-cases/get-assessment-overview.ts';
export type { getCompanyTrend } from './use-cases/get-company-trend.ts';
export type { getCompoundAssessment } from './use-cases/get-compound-assessment.ts';
export type { listAssessments } from './use-cases/list-assessments.ts';
export type { listEvaluations } from './use-cases/list-evaluations.ts';
export type { computeAssessment } from './use-cases/compute-assessment.ts';
export type { requestPublication } from './use-cases/request-publication.ts';
export type { MyCompoundColour } from './use-cases/my-assessment-colours.ts';
export type { BreakdownLine, RawInputs } from './supervision.assessment.scoring.ts';
export * from './supervision.credit.constants.ts';
// The credit part: request bodies and the answers the web reads (type-only).
export type { CreditSettingsBody, AddCreditRecordFields, ApplyRepairFields, DecideRepairBody } from './supervision.credit.schemas.ts';
export type { CreditSettingsView } from './use-cases/update-credit-settings.ts';
export type { CreditCompanyRow } from './use-cases/list-credit-companies.ts';
export type { CreditCompanyDetail, CreditRecordView, CreditRepairView, CreditFileView } from './use-cases/get-credit-company.ts';
export type { CreditRepairRow } from './use-cases/list-credit-repairs.ts';
export type { MyCompanyCredit } from './use-cases/my-credit-grades.ts';
export type { CompanyCreditGrade } from './use-cases/company-credit-grades.ts';
export type { CreditStreetRow } from './use-cases/list-credit-streets.ts';
export * from './supervision.lists.constants.ts';
// The lists part (红黑榜): request bodies and the answers the web reads (type-only).
export type { RulesBody, PublishBody, MeasureBody, DecideBody, AppealFields, PlanFields } from './supervision.lists.schemas.ts';
export type { getListRules, updateListRules } from './use-cases/update-list-rules.ts';
export type { getListPublication } from './use-cases/get-list-publication.ts';
export type { previewList, publishList } from './use-cases/publish-list.ts';
export type { listEntries } from './use-cases/list-entries.ts';
export type { getListEntry } from './use-cases/get-list-entry.ts';
export type { listAppeals } from './use-cases/list-appeals.ts';
export type { listListStreets } from './use-cases/list-streets.ts';
export * from './supervision.stars.constants.ts';
// The stars part: request bodies and the answers the web reads (type-only).
export type { StarSettingsBody, ApplyBody, AssignBody, AllocationBody } from './supervision.stars.schemas.ts';
export type { getStarSettings } from './use-cases/update-star-settings.ts';
export type { getStarApplication } from './use-cases/get-star-application.ts';
export type { ApplicationListItem } from './use-cases/list-star-applications.ts';
export type { CompoundStarRow, compoundStarHistory } from './use-cases/list-compound-stars.ts';
export type { listStarStreets, listApplicableCompounds } from './use-cases/list-star-streets.ts';
export type { listStarAssessors } from './use-cases/assign-star-assessor.ts';
export type { MyCompoundStars } from './use-cases/my-compound-stars.ts';
export * from './supervision.committees.constants.ts';
// The committees part (红色业委会): request bodies and the answers the web reads (type-only).
export type { CommitteeSettingsBody, ScoreBody, StartRatingBody } from './supervision.committees.schemas.ts';
export type { getCommitteeSettings } from './use-cases/update-committee-settings.ts';
export type { CommitteeRatingView, RatingDimensionView } from './use-cases/committee-rating-view.ts';
export type { CommitteeRatingRow } from './use-cases/list-committee-ratings.ts';
export type { CommitteeOfYear } from './use-cases/list-committees.ts';
export type { getCommittee } from './use-cases/get-committee.ts';
export * from './supervision.subsidy.constants.ts';
// The subsidy part (达标补贴): request bodies and the answers the web reads (type-only).
export type { SubsidyListingBody, SubsidyPolicyBody } from './supervision.subsidy.schemas.ts';
export type { SubsidyPolicy } from './supervision.subsidy.repository.ts';
export type { SubsidyCompoundRow, listSubsidyCandidates } from './use-cases/list-subsidy-compounds.ts';
export type { SubsidyQuarter, SubsidyQuarterRow } from './use-cases/get-subsidy-quarter.ts';
