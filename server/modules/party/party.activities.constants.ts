/** The activities part's vocabulary (主题党日, 学习会 …). */
export const ACTIVITY_KINDS = ['theme_day', 'study', 'org_life', 'volunteer'] as const;
export const ACTIVITY_KIND_ZH: Record<(typeof ACTIVITY_KINDS)[number], string> = { theme_day: '主题党日', study: '学习会', org_life: '组织生活会', volunteer: '志愿服务' };
export const ACTIVITY_STATUSES = ['scheduled', 'cancelled'] as const;
export const ATTENDANCE_STATUSES = ['invited', 'present', 'excused'] as const;
/** A sign-in code lasts this many minutes unless staff choose otherwise (between the bounds). */
export const SIGN_IN_MINUTES_DEFAULT = 30;
export const SIGN_IN_MINUTES_MIN = 5;
export const SIGN_IN_MINUTES_MAX = 240;
