/** The collection part's vocabulary (四个实有), free of dependencies: the web reads it through contract.ts. */

export const RECORD_KINDS = ['resident_arrival', 'resident_departure', 'legal_person', 'component'] as const;
export const RECORD_STATUSES = ['submitted', 'verified', 'known', 'wrong'] as const;
/** How an arriving person lives in the room: an owner or co-owner waits for the registry's second approver. */
export const RECORD_RELATIONS = ['tenant', 'family', 'owner', 'co_owner'] as const;
export const LEGAL_KINDS = ['shop', 'company', 'individual_business', 'social_org', 'other'] as const;
export const COMPONENT_KINDS = ['fire_hydrant', 'camera', 'street_lamp', 'manhole_cover', 'fitness_equipment', 'ev_charger', 'other'] as const;
export const COMPONENT_CONDITIONS = ['good', 'damaged', 'missing'] as const;
export const SPOT_STATUSES = ['pending', 'passed', 'failed'] as const;
/** The check's three answers: 核实为新增, 已有记录, 信息有误. */
export const CHECK_OUTCOMES = ['new', 'known', 'wrong'] as const;

/** The street's defaults: ¥5.00 per verified new record, 10% of them drawn for spot checks. */
export const DEFAULT_INCENTIVE_FEN = 500;
export const DEFAULT_SPOT_CHECK_BP = 1000;
export const MAX_INCENTIVE_FEN = 100_000;

/** The payout kind of the per-record incentive (kernel payouts). */
export const COLLECTION_PAYOUT_KIND = 'grid.collection_incentive';
/** The payout line's source: one verified record, paid once. */
export const COLLECTION_PAYOUT_SOURCE = 'grid_record';

export const REASON_MAX = 300;
