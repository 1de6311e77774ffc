/** The visitors part's vocabulary (free of dependencies: the web reads it through contract.ts). */

export const VEHICLE_KINDS = ['car', 'new_energy', 'motorbike', 'other'] as const;
export const VEHICLE_STATUSES = ['pending', 'approved', 'rejected', 'removed'] as const;
export const CARD_STATUSES = ['active', 'revoked'] as const;
/** How a pass shows in the lists: still to come or running (upcoming), arrived at least once (used), past its window unused (expired), cancelled. */
export const PASS_STATES = ['upcoming', 'used', 'expired', 'cancelled'] as const;
export type PassState = (typeof PASS_STATES)[number];

/** A pass's window: at most this many days long. */
export const PASS_MAX_DAYS = 7;
/** A pass may start at most this many minutes in the past (a form filled a moment ago). */
export const PASS_START_GRACE_MINUTES = 5;
/** The relations to a room that may register a vehicle (the owner or the tenant). */
export const VEHICLE_RELATIONS = ['owner', 'co_owner', 'tenant'] as const;

/** What the gate records of an identification it could not make or refused (zh-CN, shown on the gate's screen). */
export const GATE_REASONS = {
  unknownCard: '未登记门禁卡',
  unknownVehicle: '未登记车辆',
  invalidPass: '通行码无效',
  cancelledPass: '通行证已取消',
  earlyPass: '未到通行时间',
  expiredPass: '通行证已过期',
} as const;
