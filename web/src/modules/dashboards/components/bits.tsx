import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DASHBOARDS_ROLES } from '#server/modules/dashboards/contract.ts';
import { useSignedIn } from '../../../shared/session.ts';
import type { FigureUnit } from '../../../workbench/kernel/figures-api.ts';
import { changeText, verdict } from '../../../workbench/kernel/figures-format.ts';
import { useScope } from '../../../workbench/scope.tsx';

const has = (list: readonly string[], role: string) => list.includes(role);

/** The place the dashboard pages show: `?place=` (a drill-down is a navigation, so Back climbs), else the scope's place, else the first readable grant. */
export function useDashboardPlace(): string | null {
  const [search] = useSearchParams();
  const me = useSignedIn();
  const { scope } = useScope();
  return search.get('place') ?? scope?.id ?? me.grants.find((g) => has(DASHBOARDS_ROLES.read, g.role))?.placeId ?? null;
}

/** Whether the signed-in account may build a dispatch report now (the server still checks the place). */
export function useCanBuild(): boolean {
  const me = useSignedIn();
  return me.grants.some((g) => has(DASHBOARDS_ROLES.build, g.role));
}

/** The module a figure belongs to, by its key's prefix, in the reader's language. */
export function useModuleName() {
  const { t } = useTranslation();
  return (key: string) => {
    const prefix = key.split('.')[0] ?? key;
    return t(`dashboards.modules.${prefix}`, { defaultValue: prefix });
  };
}

/** 'YYYY-MM' as 2026年11月 / November 2026. */
export function monthText(period: string, lang: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  if (lang !== 'en') return `${y}年${m}月`;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const lang2 = (language: string): 'zh' | 'en' => (language === 'en' ? 'en' : 'zh');

const COLOURS = { better: '#389e0d', worse: '#cf1322', none: '#8c8c8c' } as const;

/** A change against an earlier month: ▲/▼ and the amount, green when better, red when worse, grey without a direction. */
export function Delta({ label, d, unit, better, figureKey }: { label?: string; d: number | null; unit: FigureUnit; better: 'higher' | 'lower' | null; figureKey: string }) {
  const { t } = useTranslation();
  const v = verdict(better, d);
  const arrow = d === null || d === 0 ? '' : d > 0 ? '▲ ' : '▼ ';
  const words = v === 'none' ? '' : t(`dashboards.verdict.${v}`);
  return (
    <Typography.Text style={{ color: COLOURS[v], whiteSpace: 'nowrap' }} aria-label={[label, changeText(unit, d, figureKey), words].filter(Boolean).join(' ')}>
      {label && <Typography.Text type="secondary">{label} </Typography.Text>}
      {d === null ? '—' : `${arrow}${changeText(unit, Math.abs(d), figureKey).replace(/^\+/, '')}`}
    </Typography.Text>
  );
}
