import { ArrowLeftOutlined, DiffOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { shown } from '../../../workbench/kernel/figures-format.ts';
import { type ReportDetail, type ReportFigure, type ReportWatch, reportFile, useReport, useReports } from '../api.ts';
import { Delta, lang2, monthText, useModuleName } from '../components/bits.tsx';

type WatchItem = ReportWatch['items'][number];

/** One kept monthly dispatch report on screen: its figures against last month and last year with the lagging places, then the open and overdue work. */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  return <QueryView query={report}>{(r) => <ReportView detail={r} />}</QueryView>;
}

function ReportView({ detail }: { detail: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const lang = lang2(i18n.language);
  const moduleName = useModuleName();
  const r = detail.report;
  const title = t('dashboards.report.title', { place: r.place.name, month: monthText(r.period, lang) });
  // The month before's report, when one is kept: the list is newest first, so two years fit one page.
  const others = useReports({ placeId: r.place.id, sort: 'period', order: 'desc', page: 1, pageSize: 30 });
  const previous = others.data?.items.find((x) => x.period === r.previousPeriod);

  const columns: TableColumnsType<ReportFigure> = [
    { title: t('dashboards.report.module'), key: 'module', render: (_, f) => moduleName(f.key), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    {
      title: t('dashboards.report.figure'),
      key: 'name',
      render: (_, f) => (
        <Tooltip title={f.definition[lang]}>
          <span>{f.name[lang]}</span>
        </Tooltip>
      ),
    },
    { title: t('dashboards.report.thisMonth', { period: r.period }), key: 'current', align: 'right', render: (_, f) => (f.current ? shown(f.unit, f.current, t, f.key) : t('dashboards.none')) },
    { title: t('dashboards.report.lastMonth', { period: r.previousPeriod }), key: 'previous', align: 'right', render: (_, f) => (f.previous ? shown(f.unit, f.previous, t, f.key) : t('dashboards.none')) },
    { title: t('dashboards.report.change'), key: 'change', align: 'right', render: (_, f) => <Delta d={f.change} unit={f.unit} better={f.better} figureKey={f.key} /> },
    { title: t('dashboards.report.lastYear', { period: r.lastYearPeriod }), key: 'lastYear', align: 'right', render: (_, f) => (f.lastYear ? shown(f.unit, f.lastYear, t, f.key) : t('dashboards.none')) },
    { title: t('dashboards.report.changeYear'), key: 'changeYear', align: 'right', render: (_, f) => <Delta d={f.changeYear} unit={f.unit} better={f.better} figureKey={f.key} /> },
    {
      title: t('dashboards.report.lagging'),
      key: 'lagging',
      render: (_, f) =>
        f.lagging.length ? (
          <Flex gap={4} wrap>
            {f.lagging.map((l) => (
              <Tag key={l.place.id} color="red">
                {l.place.name} {shown(f.unit, l, t, f.key)}
              </Tag>
            ))}
          </Flex>
        ) : (
          ''
        ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link to={`/dashboards/reports?place=${r.place.id}`}>
            <ArrowLeftOutlined /> {t('dashboards.reports.title')}
          </Link>
        }
        title={title}
        extra={
          <>
            <Button icon={<FileExcelOutlined />} href={reportFile(detail.id, 'xlsx')} download={`${title}.xlsx`}>
              {t('dashboards.report.xlsx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={reportFile(detail.id, 'pdf')} download={`${title}.pdf`}>
              {t('dashboards.report.pdf')}
            </Button>
            {previous && (
              <Link to={`/dashboards/reports/${previous.id}`}>
                <Button icon={<DiffOutlined />}>{t('dashboards.report.previous')}</Button>
              </Link>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'builtAt', label: t('dashboards.reports.builtAt'), children: formatDateTime(detail.builtAt) },
            { key: 'builtBy', label: t('dashboards.reports.builtBy'), children: detail.builtBy ?? t('dashboards.reports.system') },
            { key: 'takenAt', label: t('dashboards.report.takenAt'), children: r.takenAt ? formatDateTime(r.takenAt) : t('dashboards.report.notTaken') },
          ]}
        />
      </Card>
      <Card title={t('dashboards.report.figures')} style={{ marginBottom: 16 }}>
        <Table<ReportFigure> rowKey="key" size="small" columns={columns} dataSource={r.figures} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>
      <Typography.Title level={4}>{t('dashboards.report.watch')}</Typography.Title>
      {r.watch.length === 0 ? <Empty description={t('dashboards.report.noWatch')} /> : r.watch.map((w) => <WatchSection key={w.key} watch={w} lang={lang} />)}
    </>
  );
}

/** One watch source: open or overdue work, its total and (at most WATCH_ITEMS_MAX of) its items. */
function WatchSection({ watch: w, lang }: { watch: ReportWatch; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<WatchItem> = [
    { title: t('dashboards.report.item'), dataIndex: 'title', render: (v: string, i) => <Link to={i.link}>{v}</Link> },
    { title: t('dashboards.rows.place'), dataIndex: 'place' },
    { title: t('dashboards.report.holder'), dataIndex: 'holder', render: (v: string | null) => v ?? '' },
    { title: t('dashboards.report.since'), dataIndex: 'since', render: (v: string) => formatDateTime(v) },
    { title: t('dashboards.report.due'), dataIndex: 'due', render: (v: string | null) => formatDateTime(v) },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{w.title[lang]}</span>
          <Tag color={w.total ? 'orange' : 'default'}>{t('dashboards.report.total', { total: w.total })}</Tag>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{w.definition[lang]}</Typography.Paragraph>
      {w.items.length < w.total && <Typography.Paragraph type="secondary">{t('dashboards.report.firstItems', { shown: w.items.length, total: w.total })}</Typography.Paragraph>}
      <Table<WatchItem> rowKey="id" size="small" columns={columns} dataSource={w.items} pagination={w.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
