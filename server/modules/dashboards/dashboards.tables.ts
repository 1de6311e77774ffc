import type { ColumnType } from 'kysely';

/** Kysely types of the dashboards module's own tables. */
export interface DashboardsReportsTable {
  /** The street of the report's place: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  /** 'YYYY-MM', Asia/Shanghai. */
  period: string;
  built_at: Date;
  /** null: built by the monthly job. */
  built_by: string | null;
  /** The report as built (DispatchReport in use-cases/report-build.ts); jsonb. */
  content: ColumnType<unknown, string, string>;
}

/** A city's or district's report (regions are reference rows above the streets). */
export interface DashboardsRegionReportsTable {
  id: string;
  region_id: string;
  period: string;
  built_at: Date;
  built_by: string | null;
  content: ColumnType<unknown, string, string>;
}

export interface DashboardsTables {
  dash_reports: DashboardsReportsTable;
  dash_region_reports: DashboardsRegionReportsTable;
}
