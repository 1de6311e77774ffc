/** The stations part's vocabulary (红色驿站). */
export const STATION_STATUSES = ['open', 'closed'] as const;
/** Services a station commonly offers (the form suggests them; any short text is allowed). */
export const STATION_SERVICE_SUGGESTIONS = ['政策咨询', '代收快递', '便民维修', '老年助餐', '法律援助', '心理疏导', '图书借阅', '矛盾调解', '党员亮身份', '志愿者招募'] as const;
export const STATION_SERVICE_MAX = 20;
export const STATION_SERVICES_MAX = 20;
/** Duty roles a shift names when the person is not picked from the registry. */
export const DUTY_ROLE_SUGGESTIONS = ['楼门长', '党员志愿者', '网格员', '社区工作者', '驿站站长'] as const;
export const WEEKDAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** The days' hours as text, e.g. 「周一至周五 09:00–17:00；周六 09:00–12:00」. */
export function hoursText(hours: readonly { days: readonly number[]; opens: string; closes: string }[]): string {
  return hours
    .map((h) => {
      const days = [...h.days].sort((a, b) => a - b);
      const run = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
      const label = run ? `${WEEKDAYS_ZH[days[0]!]}至${WEEKDAYS_ZH[days[days.length - 1]!]}` : days.map((d) => WEEKDAYS_ZH[d]).join('、');
      return `${label} ${h.opens}–${h.closes}`;
    })
    .join('；');
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
export const weekdayOf = (day: string): number => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The Monday of the week a day falls in, and the seven days from it. */
export function weekOf(day: string): string[] {
  const start = new Date(`${day}T00:00:00Z`).getTime() - (weekdayOf(day) - 1) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
