/** The parking part's vocabulary, free of dependencies: the web reads it through contract.ts. */

export const SPACE_KINDS = ['titled', 'rented', 'public'] as const;
export const SPACE_KIND_ZH = { titled: '产权车位', rented: '租赁车位', public: '公共车位' } as const;
export const FEE_STATUSES = ['open', 'free', 'due', 'paid', 'waived'] as const;
export const FEE_STATUS_ZH = { open: '在场', free: '免费', due: '待缴', paid: '已缴', waived: '已减免' } as const;
/** What a session's fee may be settled as (by manageParking, with a note). */
export const SETTLE_STATUSES = ['paid', 'waived'] as const;
export const ALERT_KINDS = ['overstay', 'gate_offline', 'unknown_night'] as const;
export const ALERT_KIND_ZH = { overstay: '访客车辆超时', gate_offline: '设备离线', unknown_night: '夜间陌生车辆/人员' } as const;
export const ALERT_STATUSES = ['open', 'handled'] as const;
/** A batch of spaces ("B1-001".."B1-050") adds at most this many. */
export const SPACE_BATCH_MAX = 500;
/** The live page polls this often (ms). */
export const LIVE_REFRESH_MS = 5000;
/** The alerts job runs this often (ms). */
export const ALERTS_JOB_MS = 60_000;
/** unknown_night looks at events this far back (the job runs every minute: a day covers any pause). */
export const NIGHT_LOOKBACK_MS = 24 * 3_600_000;
