import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreditGrade, formatPoints } from '#server/modules/supervision/contract.ts';

/** The colour of each grade's tag: green for the red list's AA and above, orange for B, red for C. */
export const GRADE_COLOUR: Record<CreditGrade, string> = { AAA: 'green', AA: 'cyan', A: 'blue', B: 'orange', C: 'red' };

export function GradeTag({ grade }: { grade: CreditGrade }) {
  const { t } = useTranslation();
  return (
    <Tag color={GRADE_COLOUR[grade]} data-testid="credit-grade" data-grade={grade}>
      {t('supervisionCredit.gradeTag', { grade })}
    </Tag>
  );
}

/** A score in hundredths with two decimals: 8250 → "82.50". */
export const score = (centi: number) => `${centi < 0 ? '-' : ''}${Math.floor(Math.abs(centi) / 100)}.${String(Math.abs(centi) % 100).padStart(2, '0')}`;

/** Signed points with two decimals: +5.00, −3.00. */
export const signedPoints = (centi: number) => (centi > 0 ? `+${score(centi)}` : centi < 0 ? `−${score(-centi)}` : '0.00');

export { formatPoints };

/** Points typed in a form (e.g. 5 or 2.5) to hundredths, exactly (no float drift). */
export const toCenti = (points: number) => Math.round(points * 100);
