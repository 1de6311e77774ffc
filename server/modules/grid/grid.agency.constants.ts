/** The agency part's vocabulary (政务服务代办点), free of dependencies: the web reads it through contract.ts. */

export const AGENCY_CASE_STATUSES = ['accepted', 'sent', 'result', 'completed', 'withdrawn'] as const;
export const AGENCY_OUTCOMES = ['success', 'refused'] as const;
export const AGENCY_HANDOVERS = ['in_person', 'delivered'] as const;
export const AGENCY_BOOKING_KINDS = ['point', 'home'] as const;
export const AGENCY_BOOKING_SLOTS = ['am', 'pm'] as const;
export const AGENCY_BOOKING_STATUSES = ['requested', 'confirmed', 'declined'] as const;

/** The case statuses as the resident and the staff read them. */
export const AGENCY_STATUS_ZH: Record<(typeof AGENCY_CASE_STATUSES)[number], string> = {
  accepted: '已受理',
  sent: '已转报',
  result: '已出结果',
  completed: '已办结',
  withdrawn: '已撤回',
};
export const AGENCY_OUTCOME_ZH: Record<(typeof AGENCY_OUTCOMES)[number], string> = { success: '办理成功', refused: '不予办理' };
export const AGENCY_HANDOVER_ZH: Record<(typeof AGENCY_HANDOVERS)[number], string> = { in_person: '当面交付', delivered: '送达上门' };

/** The street's default: a completed case's documents are kept this many days, then deleted. */
export const DEFAULT_RETENTION_DAYS = 30;
/** Staff home: cases due within this many days (or overdue) are to-dos. */
export const DUE_SOON_DAYS = 2;
/** At most this many documents a service asks for, each label at most 30 characters. */
export const MAX_SERVICE_DOCUMENTS = 12;
export const DOCUMENT_LABEL_MAX = 30;
