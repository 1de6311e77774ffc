/** The mediation part's vocabulary (人民调解), free of dependencies: the web reads it through contract.ts. */

export const MEDIATION_LEVELS = ['community', 'street'] as const;
export type MediationLevel = (typeof MEDIATION_LEVELS)[number];
export const MEDIATOR_TITLES = ['director', 'deputy', 'mediator'] as const;
export type MediatorTitle = (typeof MEDIATOR_TITLES)[number];
export const MEDIATOR_TITLE_ZH: Record<MediatorTitle, string> = { director: '主任', deputy: '副主任', mediator: '调解员' };

/** Where a case came from: a resident's request, an opinion, an arrears case, a grid event, a deliberation item, other. */
export const MEDIATION_SOURCES = ['resident', 'opinion', 'arrears', 'grid_event', 'deliberation', 'other'] as const;
export type MediationSource = (typeof MEDIATION_SOURCES)[number];
export const MEDIATION_SOURCE_ZH: Record<MediationSource, string> = { resident: '居民申请', opinion: '民意诉求', arrears: '欠费案件', grid_event: '网格事件', deliberation: '议事事项', other: '其他' };

/** 纠纷类别. */
export const MEDIATION_CATEGORIES = ['neighbour', 'property_service', 'arrears', 'renovation', 'parking', 'other'] as const;
export type MediationCategory = (typeof MEDIATION_CATEGORIES)[number];
export const MEDIATION_CATEGORY_ZH: Record<MediationCategory, string> = { neighbour: '邻里纠纷', property_service: '物业服务纠纷', arrears: '欠费纠纷', renovation: '装修纠纷', parking: '停车纠纷', other: '其他' };

export const MEDIATION_CASE_STATUSES = ['applied', 'accepted', 'in_session', 'agreed', 'failed', 'declined'] as const;
export type MediationCaseStatus = (typeof MEDIATION_CASE_STATUSES)[number];
export const MEDIATION_STATUS_ZH: Record<MediationCaseStatus, string> = { applied: '待受理', accepted: '已受理', in_session: '调解中', agreed: '已达成协议', failed: '调解不成', declined: '不予受理' };
/** Open: still to be settled (the time limit runs from acceptance). */
export const MEDIATION_OPEN: readonly MediationCaseStatus[] = ['accepted', 'in_session'];

export const MEDIATION_REFERRALS = ['street', 'arbitration', 'court'] as const;
export type MediationReferral = (typeof MEDIATION_REFERRALS)[number];
export const MEDIATION_REFERRAL_ZH: Record<MediationReferral, string> = { street: '街道', arbitration: '仲裁', court: '法院' };

export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_ZH: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' };

export const CONFIRMATION_OUTCOMES = ['confirmed', 'rejected'] as const;

/** What a viewer may do to a case now (the detail answers them; the page shows one button each). */
export const MEDIATION_ACTIONS = ['assign', 'accept', 'decline', 'session', 'agree', 'fail', 'escalate', 'sign', 'confirmApply', 'confirmOutcome', 'followup', 'pdf'] as const;
export type MediationAction = (typeof MEDIATION_ACTIONS)[number];

/** The time limit: due = accepted + 30 days. */
export const MEDIATION_DAYS = 30;
/** 司法确认: applied for within 30 days after the agreement was signed (the signing day + 30 is the last day). */
export const CONFIRMATION_DAYS = 30;
export const MIN_PARTIES = 2;
export const MAX_PARTIES = 10;
export const MAX_MEDIATORS = 3;
