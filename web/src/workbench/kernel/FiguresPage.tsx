import { CameraOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Form, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useSignedIn } from '../../shared/session.ts';
import { addSheet, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import { FormModal } from '../components/FormModal.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useScope } from '../scope.tsx';
import { type FigureReport, FIGURE_READERS, FIGURE_TAKERS, type FigureUnit, type Parts, type PlaceRef, useFigure, useFigureReport, useTakeSnapshot } from './figures-api.ts';
import { change, partsText, recentMonths, shown } from './figures-format.ts';

type Row = FigureReport['items'][number];

/** The monthly report of the scoped place (DOMAIN.md §8): every figure this month beside last month, each drilling into a ranking of the places one level down and its history. */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const { scope } = useScope();
  const fallback = me.grants.find((g) => FIGURE_READERS.includes(g.role));
  const placeId = scope?.id ?? fallback?.placeId ?? null;
  const months = recentMonths();
  const [period, setPeriod] = useState(months[0]!);
  const report = useFigureReport(placeId, period);
  const [open, setOpen] = useState<Row | null>(null);
  const [taking, setTaking] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const canTake = report.data?.place.kind === 'street' && me.grants.some((g) => FIGURE_TAKERS.includes(g.role));

  const columns: TableColumnsType<Row> = [
    { title: t('figures.name'), dataIndex: 'key', render: (_, r) => <Typography.Link onClick={() => setOpen(r)}>{r.name[lang]}</Typography.Link> },
    { title: t('figures.thisMonth', { period }), key: 'current', align: 'right', render: (_, r) => shown(r.unit, r.current, t) },
    { title: t('figures.parts'), key: 'currentParts', align: 'right', render: (_, r) => partsText(r.current) },
    { title: t('figures.lastMonth', { period: report.data?.previousPeriod ?? '' }), key: 'previous', align: 'right', render: (_, r) => shown(r.unit, r.previous, t) },
    { title: t('figures.change'), key: 'change', align: 'right', render: (_, r) => change(r.unit, r.current, r.previous) },
    { title: t('figures.definition'), key: 'definition', render: (_, r) => <Typography.Text type="secondary">{r.definition[lang]}</Typography.Text> },
  ];

  const exportReport = async () => {
    const data = report.data;
    if (!data) return;
    const book = await newWorkbook();
    const sheet = addSheet(book, data.period, [
      { header: t('figures.name'), key: 'name', width: 28 },
      { header: t('figures.thisMonth', { period: data.period }), key: 'now', width: 16 },
      { header: t('figures.numerator'), key: 'n', width: 12 },
      { header: t('figures.denominator'), key: 'd', width: 12 },
      { header: t('figures.lastMonth', { period: data.previousPeriod }), key: 'before', width: 16 },
      { header: t('figures.numerator'), key: 'pn', width: 12 },
      { header: t('figures.denominator'), key: 'pd', width: 12 },
      { header: t('figures.change'), key: 'change', width: 12 },
      { header: t('figures.definition'), key: 'definition', width: 60 },
    ]);
    for (const r of data.items) {
      sheet.addRow({
        name: r.name[lang],
        now: shown(r.unit, r.current, t),
        n: r.current?.numerator ?? '',
        d: r.current?.denominator ?? '',
        before: shown(r.unit, r.previous, t),
        pn: r.previous?.numerator ?? '',
        pd: r.previous?.denominator ?? '',
        change: change(r.unit, r.current, r.previous),
        definition: r.definition[lang],
      });
    }
    await saveWorkbook(book, `${t('figures.fileName')}_${data.place.name}_${data.period}`);
  };

  return (
    <>
      <PageHeader
        title={t('menu.figures')}
        extra={
          <>
            <Select aria-label={t('figures.month')} value={period} onChange={setPeriod} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} />
            {canTake && (
              <Button icon={<CameraOutlined />} onClick={() => setTaking(true)}>
                {t('figures.take')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} disabled={!report.data} onClick={() => void exportReport()}>
              {t('figures.export')}
            </Button>
          </>
        }
      />
      {!placeId ? (
        <Empty description={t('figures.noPlace')} />
      ) : (
        <Card title={report.data ? t('figures.reportOf', { place: report.data.place.name, period }) : undefined}>
          {report.error && <Alert type="error" showIcon message={report.error.message} style={{ marginBottom: 12 }} />}
          {report.data && !report.data.takenAt && <Alert type="info" showIcon message={t('figures.notTaken')} style={{ marginBottom: 12 }} />}
          {report.data?.takenAt && (
            <Typography.Paragraph type="secondary">{t('figures.takenAt', { at: formatDateTime(report.data.takenAt) })}</Typography.Paragraph>
          )}
          <Table<Row> rowKey="key" size="middle" loading={report.isFetching} columns={columns} dataSource={report.data?.items ?? []} pagination={false} />
        </Card>
      )}
      {open && placeId && <FigureDrawer row={open} placeId={placeId} period={period} lang={lang} onClose={() => setOpen(null)} />}
      {taking && report.data && <TakeModal placeId={report.data.place.id} period={period} current={period === months[0]} onClose={() => setTaking(false)} />}
    </>
  );
}

/** One figure: the ranking of the places one level down (sortable) and its monthly history. */
function FigureDrawer({ row, placeId, period, lang, onClose }: { row: Row; placeId: string; period: string; lang: 'zh' | 'en'; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useFigure(row.key, placeId, period);
  const columns: TableColumnsType<Parts & { place: PlaceRef }> = [
    { title: t('figures.rank'), key: 'rank', width: 64, render: (_, __, i) => i + 1 },
    { title: t('figures.place'), key: 'place', render: (_, c) => c.place.name, sorter: (a, b) => a.place.name.localeCompare(b.place.name, 'zh-CN', { numeric: true }) },
    {
      title: t('figures.value'),
      key: 'value',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity),
      render: (_, c) => shown(row.unit, c, t),
    },
    { title: t('figures.parts'), key: 'parts', align: 'right', render: (_, c) => partsText(c) },
  ];
  const history = detail.data?.history ?? [];
  return (
    <Drawer open width={640} title={row.name[lang]} onClose={onClose}>
      <Typography.Paragraph type="secondary">{row.definition[lang]}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {row.numerator[lang]}
        {row.denominator ? ` / ${row.denominator[lang]}` : ''}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('figures.ranking')}</Typography.Title>
      <Table rowKey={(c) => c.place.id} size="small" loading={detail.isLoading} columns={columns} dataSource={detail.data?.children ?? []} pagination={false} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('figures.history')}
      </Typography.Title>
      <HistoryLine unit={row.unit} points={history} />
      <Table
        rowKey="period"
        size="small"
        pagination={false}
        dataSource={history.filter((h) => h.numerator !== null).reverse()}
        columns={[
          { title: t('figures.month'), dataIndex: 'period' },
          { title: t('figures.value'), key: 'v', align: 'right', render: (_, h) => shown(row.unit, h, t) },
          { title: t('figures.parts'), key: 'p', align: 'right', render: (_, h) => partsText(h) },
        ]}
      />
    </Drawer>
  );
}

/** A small line of the monthly values (ECharts is not among the dependencies yet: plain SVG). */
function HistoryLine({ unit, points }: { unit: FigureUnit; points: (Parts & { period: string })[] }) {
  const { t } = useTranslation();
  const known = points.map((p, i) => ({ i, p })).filter(({ p }) => p.value !== null);
  if (known.length < 2) return <Typography.Paragraph type="secondary">{t('figures.tooFew')}</Typography.Paragraph>;
  const w = 560;
  const h = 120;
  const values = known.map(({ p }) => p.value!);
  const max = unit === 'percent' ? 100 : Math.max(...values, 1);
  const x = (i: number) => 20 + (i * (w - 40)) / (points.length - 1);
  const y = (v: number) => h - 20 - (v / max) * (h - 40);
  return (
    <svg width="100%" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('figures.history')}>
      <polyline fill="none" stroke="#1677ff" strokeWidth={2} points={known.map(({ i, p }) => `${x(i)},${y(p.value!)}`).join(' ')} />
      {known.map(({ i, p }) => (
        <g key={p.period}>
          <circle cx={x(i)} cy={y(p.value!)} r={3} fill="#1677ff" />
          <text x={x(i)} y={h - 4} fontSize={10} textAnchor="middle" fill="#888">
            {p.period.slice(2)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Takes the street's snapshot now (this month), or re-takes a closed month with a reason. */
function TakeModal({ placeId, period, current, onClose }: { placeId: string; period: string; current: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const take = useTakeSnapshot();
  return (
    <FormModal<{ reason?: string }>
      open
      title={t('figures.takeTitle', { period })}
      onClose={onClose}
      okText={t('figures.take')}
      submit={async (values) => {
        await take.mutateAsync({ placeId, period, ...(values.reason ? { reason: values.reason } : {}) });
        void message.success(t('figures.taken'));
      }}
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph>{current ? t('figures.takeCurrent') : t('figures.takeClosed')}</Typography.Paragraph>
        {!current && (
          <Form.Item name="reason" label={t('figures.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Flex>
    </FormModal>
  );
}
