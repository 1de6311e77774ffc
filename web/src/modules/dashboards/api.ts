import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FigureRowsPage, Overview } from '#server/modules/dashboards/contract.ts';
import { apiGet, type Jsonify, type Query } from '../../shared/api.ts';

/** The dashboards API as the web uses it; answer types come from the server's use cases (type-only). */
export type DashboardOverview = Jsonify<Overview>;
export type OverviewFigure = DashboardOverview['figures'][number];
export type RowsPage = Jsonify<FigureRowsPage>;

export const dashboardsKeys = {
  all: ['dashboards'] as const,
  overview: (placeId: string | null, period: string) => ['dashboards', 'overview', placeId, period] as const,
  rows: (q: Query) => ['dashboards', 'rows', q] as const,
};

export const useOverview = (placeId: string | null, period: string) =>
  useQuery({
    queryKey: dashboardsKeys.overview(placeId, period),
    queryFn: () => apiGet<DashboardOverview>('/api/dashboards/overview', { placeId, period }),
    enabled: !!placeId,
    placeholderData: keepPreviousData,
  });

export const useFigureRows = (q: Query, enabled = true) =>
  useQuery({ queryKey: dashboardsKeys.rows(q), queryFn: () => apiGet<RowsPage>('/api/dashboards/rows', q), enabled, placeholderData: keepPreviousData });
