import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Segmented, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../../shared/EChart.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { addSheet, fetchAllPages, newWorkbook, saveWorkbook } from '../../../shared/xlsx.ts';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { useFigure } from '../../../workbench/kernel/figures-api.ts';
import { partsText, shown } from '../../../workbench/kernel/figures-format.ts';
import { type ChildFigure, type DashboardOverview, fetchFigureRows, type FigureRow, type OverviewFigure, useFigureRows } from '../api.ts';

/** At most this many rows go into an export of the rows behind a figure. */
const ROWS_EXPORT_MAX = 5000;
type Only = 'all' | 'counted' | 'uncounted';

/**
 * One figure of the dashboard: the places one level down ranked (a row drills into its place), the records behind
 * the figure where the module lists them (at a street or below), and its last twelve months.
 */
export function FigureDrawer({
  figure: f,
  place,
  period,
  lang,
  onDrill,
  onClose,
}: {
  figure: OverviewFigure;
  place: DashboardOverview['place'];
  period: string;
  lang: 'zh' | 'en';
  onDrill: (place: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rowsHere = f.hasRows && place.kind !== 'city' && place.kind !== 'district';
  const tabs = [
    ...(f.children.length ? [{ key: 'children', label: t('dashboards.drawer.children'), children: <ChildrenTable figure={f} place={place} period={period} lang={lang} onDrill={onDrill} /> }] : []),
    ...(rowsHere ? [{ key: 'rows', label: t('dashboards.drawer.rows'), children: <RowsView figure={f} place={place} period={period} lang={lang} /> }] : []),
    { key: 'history', label: t('dashboards.drawer.history'), children: <History figure={f} placeId={place.id} period={period} lang={lang} /> },
  ];
  return (
    <Drawer open size={720} title={`${f.name[lang]} · ${place.name}`} onClose={onClose} className="gz-dash-drawer" styles={{ wrapper: { maxWidth: '100vw' } }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {f.definition[lang]}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {f.numerator[lang]}
        {f.denominator ? ` / ${f.denominator[lang]}` : ''}
      </Typography.Paragraph>
      <Flex gap={24} wrap style={{ marginBottom: 8 }}>
        <Typography.Text>
          {t('dashboards.drawer.thisMonth', { period })}: <Typography.Text strong>{f.current ? shown(f.unit, f.current, t, f.key) : t('dashboards.none')}</Typography.Text>
          {f.current && f.denominator ? <Typography.Text type="secondary"> ({partsText(f.current, f.key)})</Typography.Text> : null}
        </Typography.Text>
      </Flex>
      {tabs.length === 1 && !f.children.length && !rowsHere && <Typography.Paragraph type="secondary">{t('dashboards.drawer.noChildren')}</Typography.Paragraph>}
      <Tabs items={tabs} defaultActiveKey={tabs[0]!.key} />
    </Drawer>
  );
}

/** The places one level down, ranked as the server ranked them (best first); a row drills into its place. */
function ChildrenTable({ figure: f, place, period, lang, onDrill }: { figure: OverviewFigure; place: DashboardOverview['place']; period: string; lang: 'zh' | 'en'; onDrill: (place: string) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ChildFigure> = [
    { title: t('dashboards.drawer.rank'), key: 'rank', width: 64, render: (_, __, i) => i + 1 },
    { title: t('dashboards.drawer.place'), key: 'place', render: (_, c) => <Typography.Link onClick={() => onDrill(c.place.id)}>{c.place.name}</Typography.Link> },
    { title: t('dashboards.drawer.value'), key: 'value', align: 'right', render: (_, c) => shown(f.unit, c, t, f.key) },
    ...(f.denominator ? [{ title: t('dashboards.drawer.parts'), key: 'parts', align: 'right' as const, render: (_: unknown, c: ChildFigure) => partsText(c, f.key) }] : []),
  ];
  const exportChildren = async () => {
    const book = await newWorkbook();
    const sheet = addSheet(book, period, [
      { header: t('dashboards.drawer.rank'), key: 'rank', width: 8 },
      { header: t('dashboards.drawer.place'), key: 'place', width: 28 },
      { header: t('dashboards.drawer.value'), key: 'value', width: 16 },
      { header: f.numerator[lang], key: 'n', width: 16 },
      ...(f.denominator ? [{ header: f.denominator[lang], key: 'd', width: 16 }] : []),
    ]);
    f.children.forEach((c, i) => sheet.addRow({ rank: i + 1, place: c.place.name, value: shown(f.unit, c, t, f.key), n: c.numerator, d: c.denominator ?? '' }));
    await saveWorkbook(book, `${f.name[lang]}_${place.name}_${period}`);
  };
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('dashboards.drawer.childrenHint')}</Typography.Text>
        <Button size="small" icon={<FileExcelOutlined />} onClick={() => void exportChildren()}>
          {t('dashboards.export')}
        </Button>
      </Flex>
      <Table<ChildFigure>
        rowKey={(c) => c.place.id}
        size="small"
        columns={columns}
        dataSource={f.children}
        pagination={f.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(c) => ({ onClick: () => onDrill(c.place.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/** The records behind the figure at the place: paged, filtered by counted or not, exported whole (up to ROWS_EXPORT_MAX). */
function RowsView({ figure: f, place, period, lang }: { figure: OverviewFigure; place: DashboardOverview['place']; period: string; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [only, setOnly] = useState<Only>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState<string | null>(null);
  const filter = { figure: f.key, placeId: place.id, period, ...(only === 'all' ? {} : { only }) };
  const rows = useFigureRows({ ...filter, page, pageSize });
  const columns: TableColumnsType<FigureRow> = [
    { title: t('dashboards.rows.label'), dataIndex: 'label' },
    { title: t('dashboards.rows.place'), dataIndex: 'place' },
    {
      title: t('dashboards.rows.counted'),
      dataIndex: 'counted',
      render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? t('dashboards.rows.yes') : t('dashboards.rows.no')}</Tag>,
    },
    { title: t('dashboards.rows.at'), dataIndex: 'at', render: (v: string | null) => formatDateTime(v) },
    { title: t('dashboards.rows.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: '', dataIndex: 'link', render: (v: string | null) => (v ? <Link to={v}>{t('dashboards.rows.open')}</Link> : null) },
  ];
  const exportRows = async () => {
    setExporting('0');
    try {
      const all = (await fetchAllPages(fetchFigureRows, filter, ROWS_EXPORT_MAX, (done, total) => setExporting(`${done}/${total}`))).slice(0, ROWS_EXPORT_MAX);
      const total = rows.data?.total ?? all.length;
      const book = await newWorkbook();
      const sheet = addSheet(book, period, [
        { header: t('dashboards.rows.label'), key: 'label', width: 36 },
        { header: t('dashboards.rows.place'), key: 'place', width: 20 },
        { header: t('dashboards.rows.counted'), key: 'counted', width: 10 },
        { header: t('dashboards.rows.at'), key: 'at', width: 18 },
        { header: t('dashboards.rows.note'), key: 'note', width: 30 },
      ]);
      for (const r of all) sheet.addRow({ label: r.label, place: r.place, counted: r.counted ? t('dashboards.rows.yes') : t('dashboards.rows.no'), at: formatDateTime(r.at), note: r.note ?? '' });
      const capped = total > all.length;
      if (capped) sheet.addRow({ label: t('dashboards.rows.capped', { shown: all.length, total }) });
      await saveWorkbook(book, `${f.name[lang]}_${place.name}_${period}_${t('dashboards.rows.fileName')}`);
      if (capped) void message.warning(t('dashboards.rows.capped', { shown: all.length, total }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(null);
    }
  };
  if (rows.isError && !rows.data) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented<Only>
          aria-label={t('dashboards.rows.filter')}
          value={only}
          onChange={(v) => {
            setOnly(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('dashboards.rows.all') },
            { value: 'counted', label: t('dashboards.rows.onlyCounted') },
            { value: 'uncounted', label: t('dashboards.rows.onlyUncounted') },
          ]}
        />
        <Button size="small" icon={<FileExcelOutlined />} loading={exporting !== null} disabled={!rows.data?.total} onClick={() => void exportRows()}>
          {exporting !== null ? t('dashboards.rows.exporting', { progress: exporting }) : t('dashboards.export')}
        </Button>
      </Flex>
      {rows.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('dashboards.rows.summary', { total: rows.data.total, counted: rows.data.counted })}
          {rows.data.total > ROWS_EXPORT_MAX ? ` ${t('dashboards.rows.capNote', { max: ROWS_EXPORT_MAX })}` : ''}
        </Typography.Paragraph>
      )}
      <Table<FigureRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.rows.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
      />
    </>
  );
}

/** The figure's last twelve months at the place, as a line, from the snapshots. */
function History({ figure: f, placeId, period, lang }: { figure: OverviewFigure; placeId: string; period: string; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const detail = useFigure(f.key, placeId, period);
  const points = detail.data?.history ?? [];
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : shown(f.unit, { numerator: 0, denominator: null, value: Number(v) }, t, f.key)) },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: { type: 'value', ...(f.unit === 'percent' ? { axisLabel: { formatter: '{value}%' } } : {}) },
      series: [{ type: 'line', name: f.name[lang], connectNulls: false, data: points.map((p) => p.value), label: { show: true, position: 'top', formatter: (p) => shown(f.unit, { numerator: 0, denominator: null, value: Number((p as { value: unknown }).value) }, t, f.key) } }],
    }),
    [points, f, t, lang],
  );
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  if (detail.isPending) return <Table loading size="small" dataSource={[]} columns={[]} />;
  if (points.filter((p) => p.value !== null).length < 2) return <Typography.Paragraph type="secondary">{t('dashboards.drawer.tooFew')}</Typography.Paragraph>;
  return <EChart label={`${t('dashboards.drawer.history')} · ${f.name[lang]}`} height={260} option={option} />;
}
