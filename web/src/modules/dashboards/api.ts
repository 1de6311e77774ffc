import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DispatchReport, FigureRowsPage, Overview } from '#server/modules/dashboards/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';

/** The dashboards API as the web uses it; answer types come from the server's use cases (type-only). */
export type DashboardOverview = Jsonify<Overview>;
export type OverviewFigure = DashboardOverview['figures'][number];
export type ChildFigure = OverviewFigure['children'][number];
export type RowsPage = Jsonify<FigureRowsPage>;
export type FigureRow = RowsPage['items'][number];
export type Report = Jsonify<DispatchReport>;
export type ReportFigure = Report['figures'][number];
export type ReportWatch = Report['watch'][number];

/** A kept monthly dispatch report, as the list shows it. */
export interface ReportSummary {
  id: string;
  place: { id: string; name: string; kind: string };
  period: string;
  builtAt: string;
  /** Who built it on demand; null when the monthly job did (系统任务). */
  builtBy: string | null;
  figures: number;
  watchTotal: number;
}
/** One kept report, whole. */
export interface ReportDetail {
  id: string;
  builtAt: string;
  builtBy: string | null;
  report: Report;
}

export const dashboardsKeys = {
  all: ['dashboards'] as const,
  overview: (placeId: string | null, period: string) => ['dashboards', 'overview', placeId, period] as const,
  rows: (q: Query) => ['dashboards', 'rows', q] as const,
  reports: (q: Query) => ['dashboards', 'reports', q] as const,
  report: (id: string) => ['dashboards', 'report', id] as const,
};

export const useOverview = (placeId: string | null, period: string) =>
  useQuery({
    queryKey: dashboardsKeys.overview(placeId, period),
    queryFn: () => apiGet<DashboardOverview>('/api/dashboards/overview', { placeId, period }),
    enabled: !!placeId,
    placeholderData: keepPreviousData,
  });

export const fetchFigureRows = (q: Query) => apiGet<RowsPage>('/api/dashboards/rows', q);

export const useFigureRows = (q: Query, enabled = true) =>
  useQuery({ queryKey: dashboardsKeys.rows(q), queryFn: () => fetchFigureRows(q), enabled, placeholderData: keepPreviousData });

export const useReports = (q: Query, enabled = true) =>
  useQuery({
    queryKey: dashboardsKeys.reports(q),
    queryFn: () => apiGet<Page<ReportSummary>>('/api/dashboards/reports', q),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useReport = (id: string) => useQuery({ queryKey: dashboardsKeys.report(id), queryFn: () => apiGet<ReportDetail>(`/api/dashboards/reports/${id}`) });

/** Builds a place's dispatch report for a month now (kept in place of the month's earlier one). */
export function useBuildReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { placeId: string; period?: string }) => apiPost<{ id: string }>('/api/dashboards/reports', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dashboards', 'reports'] }),
  });
}

/** The downloads of a kept report. */
export const reportFile = (id: string, kind: 'xlsx' | 'pdf') => `/api/dashboards/reports/${id}/report.${kind}`;
