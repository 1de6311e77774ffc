import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type Figures, useFigures } from '../api.ts';
import { exportFiguresXlsx } from '../export-figures.ts';
import { bpToPercent, centiToRating, formatMinutes } from '../format.ts';

type Row = Figures['byCompany'][number] | Figures['byCompound'][number];
const DAY = 'YYYY-MM-DD';

/** 服务指标: response and completion times, overdue share and satisfaction per company and compound. */
export function FiguresPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  // The period is in the URL (a shared link shows the same figures); the last 90 days by default.
  const from = dayjs(search.get('from') ?? dayjs().subtract(89, 'day').format(DAY), DAY);
  const to = dayjs(search.get('to') ?? dayjs().format(DAY), DAY);
  const query = { from: from.startOf('day').toISOString(), to: to.add(1, 'day').startOf('day').toISOString(), placeId: scope?.id };
  const figures = useFigures(query);
  const period = `${from.format(DAY)} ~ ${to.format(DAY)}`;

  const setPeriod = (range: [Dayjs | null, Dayjs | null] | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (range?.[0] && range[1]) {
        next.set('from', range[0].format(DAY));
        next.set('to', range[1].format(DAY));
      } else {
        next.delete('from');
        next.delete('to');
      }
      return next;
    });

  /** Drill-down: the orders behind a figure, over the same period. */
  const ordersLink = (placeId: string | null, extra: Record<string, string> = {}) =>
    `/repairs/orders?${new URLSearchParams({ ...(placeId ? { placeId } : {}), from: query.from, to: query.to, ...extra })}`;

  /** The columns of figures; `placeOf` names the rows' place for a drill-down (none for companies). */
  const metrics = (placeOf: (r: Row) => string | null): TableColumnsType<Row> => [
    {
      title: t('repairs.figures.total'),
      dataIndex: 'total',
      align: 'right',
      render: (n: number, r) => (placeOf(r) ? <Link to={ordersLink(placeOf(r))}>{n}</Link> : n),
    },
    { title: t('repairs.figures.open'), dataIndex: 'open', align: 'right' },
    { title: t('repairs.figures.avgResponse'), dataIndex: 'avgResponseMinutes', align: 'right', render: (m: number | null) => formatMinutes(t, m) },
    { title: t('repairs.figures.avgCompletion'), dataIndex: 'avgCompletionMinutes', align: 'right', render: (m: number | null) => formatMinutes(t, m) },
    {
      title: t('repairs.figures.overdueShare'),
      dataIndex: 'overdueBp',
      align: 'right',
      render: (bp: number | null, r) => (
        <>
          {bpToPercent(bp)}{' '}
          {placeOf(r) ? (
            <Link to={ordersLink(placeOf(r), { overdue: 'true' })} aria-label={`${t('repairs.figures.overdue')} ${r.overdue}`}>
              （{r.overdue}）
            </Link>
          ) : (
            `（${r.overdue}）`
          )}
        </>
      ),
    },
    { title: t('repairs.figures.rated'), dataIndex: 'rated', align: 'right' },
    { title: t('repairs.figures.avgRating'), dataIndex: 'avgRatingCenti', align: 'right', render: (c: number | null) => centiToRating(c) },
    { title: t('repairs.figures.satisfied'), dataIndex: 'satisfiedBp', align: 'right', render: (bp: number | null) => bpToPercent(bp) },
  ];


  return (
    <>
      <PageHeader
        title={t('repairs.figures.title')}
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
        extra={
          <>
            <DatePicker.RangePicker
              aria-label={t('repairs.figures.period')}
              value={[from, to]}
              allowClear={false}
              onChange={(r) => setPeriod(r as [Dayjs | null, Dayjs | null] | null)}
              presets={[
                { label: t('repairs.figures.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: t('repairs.figures.last90'), value: [dayjs().subtract(89, 'day'), dayjs()] },
                { label: t('repairs.figures.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              ]}
            />
            <ExportButton total={figures.data?.total.total ?? 0} i18nPrefix="repairs.figures" run={() => exportFiguresXlsx(figures.data!, period, t)} />
          </>
        }
      />
      <Alert type="info" showIcon title={t('repairs.figures.intro')} style={{ marginBottom: 16 }} />
      <QueryView query={figures}>
        {(f) =>
          f.total.total === 0 ? (
            <Card>
              <Empty description={t('repairs.figures.none')} />
            </Card>
          ) : (
            <Flex vertical gap={16}>
              <Row gutter={[16, 16]}>
                {[
                  [t('repairs.figures.total'), f.total.total],
                  [t('repairs.figures.avgResponse'), formatMinutes(t, f.total.avgResponseMinutes)],
                  [t('repairs.figures.avgCompletion'), formatMinutes(t, f.total.avgCompletionMinutes)],
                  [t('repairs.figures.overdueShare'), bpToPercent(f.total.overdueBp)],
                  [t('repairs.figures.avgRating'), centiToRating(f.total.avgRatingCenti)],
                  [t('repairs.figures.satisfied'), bpToPercent(f.total.satisfiedBp)],
                ].map(([label, value]) => (
                  <Col key={String(label)} xs={12} md={8} xl={4}>
                    <Card size="small">
                      <Statistic title={label} value={value as string | number} />
                    </Card>
                  </Col>
                ))}
              </Row>
              <Card title={t('repairs.figures.byCompany')}>
                <Table<Row>
                  size="middle"
                  rowKey="companyId"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={f.byCompany}
                  columns={[
                    { title: t('repairs.field.company'), dataIndex: 'companyName' },
                    { title: t('repairs.figures.compounds'), dataIndex: 'compounds', align: 'right' },
                    ...metrics(() => null),
                  ]}
                />
              </Card>
              <Card title={t('repairs.figures.byCompound')}>
                <Table<Row>
                  size="middle"
                  rowKey="compoundId"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={f.byCompound}
                  columns={[
                    { title: t('repairs.field.compound'), dataIndex: 'compoundName' },
                    { title: t('repairs.field.company'), dataIndex: 'companyName' },
                    ...metrics((r) => ('compoundId' in r ? r.compoundId : null)),
                  ]}
                />
              </Card>
            </Flex>
          )
        }
      </QueryView>
    </>
  );
}
