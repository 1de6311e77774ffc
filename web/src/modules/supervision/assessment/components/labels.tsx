import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Colour, ColourBand } from '#server/modules/supervision/contract.ts';

/** The four colours as antd tag colours and chart colours. */
export const TAG_COLOUR: Record<Colour, string> = { green: 'green', blue: 'blue', yellow: 'gold', red: 'red' };
export const CHART_COLOUR: Record<Colour | 'none', string> = { green: '#52c41a', blue: '#1677ff', yellow: '#faad14', red: '#f5222d', none: '#bfbfbf' };

/** A score in hundredths shown with two decimals (integers only: no floating rounding). */
export const score = (centi: number | null | undefined) => (centi === null || centi === undefined ? '—' : `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`);

export function ColourTag({ colour }: { colour: Colour | null }) {
  const { t } = useTranslation();
  if (!colour) return <Tag>{t('supervisionAssessment.colour.none')}</Tag>;
  return <Tag color={TAG_COLOUR[colour]}>{t(`supervisionAssessment.colour.${colour}`)}</Tag>;
}

/** The bands as the settings state them: "[90, 100] 绿色 · [80, 90) 蓝色 · …" (top band closed at 100). */
export function bandsText(bands: readonly ColourBand[], name: (c: Colour) => string): string {
  return [...bands]
    .sort((a, b) => b.from - a.from)
    .map((b) => `[${score(b.from).replace(/\.00$/, '')}, ${score(b.to).replace(/\.00$/, '')}${b.to === 10000 ? ']' : ')'} ${name(b.colour)}`)
    .join(' · ');
}

/** The quarters up to the current one (newest first), for the period selector. */
export function recentQuarters(n = 8, today = new Date()): string[] {
  const china = new Date(today.getTime() + 8 * 3_600_000);
  let i = china.getUTCFullYear() * 4 + Math.floor(china.getUTCMonth() / 3);
  return Array.from({ length: n }, () => {
    const q = `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
    i--;
    return q;
  });
}

export function StatusTag({ status }: { status: 'draft' | 'pending' | 'published' | null }) {
  const { t } = useTranslation();
  const colour = { draft: 'default', pending: 'orange', published: 'green' } as const;
  return <Tag color={status ? colour[status] : undefined}>{t(`supervisionAssessment.status.${status ?? 'none'}`)}</Tag>;
}
