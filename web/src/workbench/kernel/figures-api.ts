import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../shared/api.ts';

/** Shapes of the kernel's figures routes (server/kernel/figures). */
export interface FigureText {
  zh: string;
  en: string;
}
export type FigureUnit = 'percent' | 'count' | 'score' | 'hours' | 'days';
export interface FigureInfo {
  key: string;
  name: FigureText;
  definition: FigureText;
  numerator: FigureText;
  denominator: FigureText | null;
  unit: FigureUnit;
}
export interface Parts {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}
export interface PlaceRef {
  id: string;
  name: string;
  kind: string;
}
export interface FigureReport {
  place: PlaceRef;
  period: string;
  previousPeriod: string;
  takenAt: string | null;
  items: (FigureInfo & { current: Parts | null; previous: Parts | null })[];
}
export interface FigureDetail extends Parts {
  figure: FigureInfo;
  place: PlaceRef;
  period: string;
  takenAt: string | null;
  previous: Parts & { period: string };
  history: (Parts & { period: string })[];
  children: (Parts & { place: PlaceRef })[];
}

/** Who reads figures and who takes a street's snapshot (the server's FIGURE_READERS / FIGURE_TAKERS; it still answers 404/403). */
export const FIGURE_READERS = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
export const FIGURE_TAKERS = ['platform_admin', 'street_official'];

export const useFigureReport = (placeId: string | null, period: string) =>
  useQuery({
    queryKey: ['figures', 'report', placeId, period],
    queryFn: () => apiGet<FigureReport>('/api/figures/report', { placeId, period }),
    enabled: !!placeId,
    placeholderData: keepPreviousData,
  });

export const useFigure = (key: string | null, placeId: string | null, period: string) =>
  useQuery({
    queryKey: ['figures', key, placeId, period],
    queryFn: () => apiGet<FigureDetail>(`/api/figures/${key}`, { placeId, period }),
    enabled: !!key && !!placeId,
  });

export function useTakeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { placeId: string; period: string; reason?: string }) => apiPost<{ rows: number }>('/api/figures/snapshots', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['figures'] }),
  });
}
