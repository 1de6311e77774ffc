/** Dates and numbers as the platform shows them: 2026-11-22, 24-hour times, Asia/Shanghai. */
const TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date) {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, seconds: p.second };
}

/** "2026-11-22 08:30" in Shanghai time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return `${p.date} ${p.time}`;
}

/** "2026-11-22 08:30:15" for logs, where seconds matter. */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return `${p.date} ${p.time}:${p.seconds}`;
}

/**
 * A calendar date. The API sends dates as 'YYYY-MM-DD' already (no time zone to shift); full
 * timestamps are converted to the Shanghai calendar day.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return parts(value).date;
}

/** Today in Shanghai, as the API expects dates. */
export const todayInShanghai = (): string => parts(new Date()).date;

/** Shares are stored in basis points: 5000 → "50%", 3333 → "33.33%". */
export function formatShare(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

/** "50" or "33.33" (percent, as typed) → basis points, without floating-point drift. */
export function percentToBp(percent: string | number): number | null {
  const s = String(percent).trim();
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10000 ? bp : null;
}

/** A proportion as a percentage with one decimal: 118541 of 164253 → "72.2%". */
export function formatRatio(part: number, whole: number): string {
  if (!whole) return '—';
  return `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`;
}
