/** The registry part's vocabulary (the web reads it through contract.ts). */

/** The registered-share target: 15% of the persons with a household at a place (Yingpu). */
export const REGISTERED_SHARE_TARGET = 0.15;
export const AVAILABILITY_MAX = 200;
export const SKILL_OTHER_MAX = 30;
export const REJECT_REASON_MAX = 200;
export const VOLUNTEER_STATUS_ZH = { pending: '待审核', approved: '已通过', rejected: '已驳回', suspended: '已暂停' } as const;
export const REDEMPTION_STATUSES = ['redeemed', 'handed_over'] as const;
/** How a ledger line's source reads on the H5 and in the xlsx. */
export const LEDGER_SOURCE_ZH = { activity: '志愿活动', task: '任务', redemption: '兑换奖品', adjustment: '积分调整' } as const;
