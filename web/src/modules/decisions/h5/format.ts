import { MATTER_LABELS } from '#server/modules/decisions/contract.ts';
import { currentLanguage } from '../../../shared/i18n.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An area in hundredths of m² as the roll shows it: 90.96. */
export const m2 = (centi: number | null | undefined): string => ((centi ?? 0) / 100).toFixed(2);

/** Whole days left until a deadline, rounded up (a vote closing in 3 hours has 1 day left); 0 once it has passed. */
export const daysLeft = (until: string | null | undefined, now = Date.now()): number =>
  until ? Math.max(0, Math.ceil((new Date(until).getTime() - now) / DAY_MS)) : 0;

/** A matter of art. 278 in the reader's language, with its item number: （五）使用建筑物及其附属设施的维修资金. */
export const matterText = (matter: number): string => {
  const label = MATTER_LABELS[matter];
  if (!label) return String(matter);
  return currentLanguage() === 'en' ? `(${matter}) ${label.en}` : `（${'一二三四五六七八九'[matter - 1]}）${label['zh-CN']}`;
};
