import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Flex, Row, Select, Spin, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EChart } from '../../../shared/EChart.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { changeOf, partsText, recentMonths, shown } from '../../../workbench/kernel/figures-format.ts';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { type DashboardOverview, type OverviewFigure, useOverview } from '../api.ts';
import { Delta, lang2, monthText, useDashboardPlace, useModuleName } from '../components/bits.tsx';
import { FigureDrawer } from '../components/FigureDrawer.tsx';

/**
 * 驾驶舱 (issue 27): a place's figures this month as cards, grouped by module, each against last month and the same
 * month last year; the rankings of the places one level down as bars. A bar, a card's ranked row or the trail above
 * moves to another place (the URL's `?place=`), and a card opens the figure: its ranking, its rows and its history.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const placeId = useDashboardPlace();
  const months = useMemo(() => recentMonths(), []);
  const asked = search.get('period');
  const period = asked && months.includes(asked) ? asked : months[0]!;
  const overview = useOverview(placeId, period);
  const [open, setOpen] = useState<string | null>(null);
  const lang = lang2(i18n.language);
  const data = overview.data;

  const at = (place: string | null, month = period) => {
    const next = new URLSearchParams();
    if (place) next.set('place', place);
    if (month !== months[0]) next.set('period', month);
    return `?${next}`;
  };
  /** Drilling is a navigation (Back climbs again); changing the month replaces the entry. */
  const drill = (place: string) => {
    setOpen(null);
    void navigate({ search: at(place) });
  };
  const figure = data?.figures.find((f) => f.key === open) ?? null;

  return (
    <>
      <PageHeader
        breadcrumb={
          data && data.trail.length > 1 ? (
            <Breadcrumb
              items={data.trail.map((p) => ({
                key: p.id,
                title: p.id === data.place.id ? p.name : <Link to={{ search: at(p.id) }}>{p.name}</Link>,
              }))}
            />
          ) : undefined
        }
        title={data ? `${t('dashboards.title')} · ${data.place.name}` : t('dashboards.title')}
        tags={data && <Tag>{t(`place.kind.${data.place.kind}`)}</Tag>}
        extra={
          <>
            <Select
              aria-label={t('dashboards.month')}
              value={period}
              onChange={(m) => setSearch(new URLSearchParams(at(search.get('place'), m)), { replace: true })}
              options={months.map((m) => ({ value: m, label: m }))}
              style={{ width: 120 }}
            />
            <Button icon={<FileTextOutlined />} disabled={!placeId} onClick={() => void navigate(`/dashboards/reports${placeId ? `?place=${placeId}` : ''}`)}>
              {t('dashboards.reports.title')}
            </Button>
          </>
        }
      />
      {!placeId ? (
        <Empty description={t('dashboards.noPlace')} />
      ) : overview.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('common.loading')}>
            <div style={{ width: 80, height: 40 }} />
          </Spin>
        </Flex>
      ) : overview.isError && !data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : data ? (
        <Spin spinning={overview.isFetching} delay={300}>
          {overview.isError && <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: 16 }} />}
          {data.takenAt ? (
            <Typography.Paragraph type="secondary">
              {t('dashboards.takenAt', { at: formatDateTime(data.takenAt), month: monthText(period, lang) })}
            </Typography.Paragraph>
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('dashboards.notTaken', { month: monthText(period, lang) })}
              description={
                <>
                  {t('dashboards.notTakenHint')} <Link to="/figures">{t('dashboards.toFigures')}</Link>
                </>
              }
            />
          )}
          {data.figures.length === 0 ? (
            <Empty description={t('dashboards.noFigures')} />
          ) : (
            <>
              <Cards data={data} lang={lang} onOpen={setOpen} />
              <Rankings data={data} lang={lang} onDrill={drill} />
            </>
          )}
        </Spin>
      ) : null}
      {figure && data && <FigureDrawer figure={figure} place={data.place} period={period} lang={lang} onDrill={drill} onClose={() => setOpen(null)} />}
    </>
  );
}

/** The figures as cards, grouped by module in the modules' order. */
function Cards({ data, lang, onOpen }: { data: DashboardOverview; lang: 'zh' | 'en'; onOpen: (key: string) => void }) {
  const moduleName = useModuleName();
  let groups = new Map<string, OverviewFigure[]>();
  for (const f of data.figures) {
    const prefix = f.key.split('.')[0]!;
    groups.set(prefix, [...(groups.get(prefix) ?? []), f]);
  }
  const { t } = useTranslation();
  // What the viewer's roles watch first, above the modules' groups (the cards stay in their groups too).
  const focus = data.focus.flatMap((key) => data.figures.filter((f) => f.key === key));
  if (focus.length) groups = new Map([['focus', focus], ...groups]);
  return (
    <>
      {[...groups].map(([prefix, figures]) => (
        <section key={prefix} aria-label={prefix === 'focus' ? t('dashboards.focus') : moduleName(prefix)} style={{ marginBottom: 20 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {prefix === 'focus' ? t('dashboards.focus') : moduleName(prefix)}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {figures.map((f) => (
              <Col key={f.key} xs={24} sm={12} lg={8} xl={6}>
                <FigureCard figure={f} lang={lang} onOpen={() => onOpen(f.key)} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </>
  );
}

/** One figure: the value this month, its parts, and its change against last month and the same month last year. */
function FigureCard({ figure: f, lang, onOpen }: { figure: OverviewFigure; lang: 'zh' | 'en'; onOpen: () => void }) {
  const { t } = useTranslation();
  const hint = (
    <>
      <div>{f.definition[lang]}</div>
      <div style={{ marginTop: 4, opacity: 0.85 }}>
        {f.numerator[lang]}
        {f.denominator ? ` / ${f.denominator[lang]}` : ''}
      </div>
    </>
  );
  return (
    <Card
      size="small"
      hoverable
      className="gz-dash-card"
      role="button"
      tabIndex={0}
      aria-label={f.name[lang]}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ height: '100%' }}
    >
      <Statistic
        title={
          <Tooltip title={hint}>
            <span style={{ borderBottom: '1px dashed #bfbfbf' }}>{f.name[lang]}</span>
          </Tooltip>
        }
        value={f.current ? shown(f.unit, f.current, t, f.key) : t('dashboards.none')}
        styles={{ content: { fontSize: 24, color: f.current ? undefined : '#8c8c8c' } }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', minHeight: 22 }}>
        {f.current && f.denominator ? partsText(f.current, f.key) : ' '}
      </Typography.Text>
      <Flex gap={12} wrap style={{ marginTop: 4, fontSize: 13 }}>
        <Delta label={t('dashboards.vsLastMonth')} d={changeOf(f.current, f.previous)} unit={f.unit} better={f.better} figureKey={f.key} />
        <Delta label={t('dashboards.vsLastYear')} d={changeOf(f.current, f.lastYear)} unit={f.unit} better={f.better} figureKey={f.key} />
      </Flex>
    </Card>
  );
}

/** The rankings of the places one level down: one horizontal bar chart per ranked figure; a bar drills into its place. */
function Rankings({ data, lang, onDrill }: { data: DashboardOverview; lang: 'zh' | 'en'; onDrill: (place: string) => void }) {
  const { t } = useTranslation();
  if (!data.rankings.length) return null;
  return (
    <section aria-label={t('dashboards.rankings')}>
      <Typography.Title level={5}>{t('dashboards.rankings')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {data.rankings.map((r) => {
          const f = data.figures.find((x) => x.key === r.key);
          if (!f) return null;
          return (
            <Col key={r.key} xs={24} xl={12}>
              <Card size="small" title={f.name[lang]} extra={<Typography.Text type="secondary">{t('dashboards.clickToDrill')}</Typography.Text>}>
                <RankingChart figure={f} children_={r.children} onDrill={onDrill} label={`${t('dashboards.rankings')} · ${f.name[lang]}`} />
              </Card>
            </Col>
          );
        })}
      </Row>
    </section>
  );
}

function RankingChart({ figure: f, children_, onDrill, label }: { figure: OverviewFigure; children_: OverviewFigure['children']; onDrill: (place: string) => void; label: string }) {
  const { t } = useTranslation();
  const own = f.current?.value ?? null;
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${(p as { name: string }).name}: ${shown(f.unit, children_[(p as { dataIndex: number }).dataIndex], t, f.key)}` },
      xAxis: { type: 'value', ...(f.unit === 'percent' ? { max: (e: { max: number }) => Math.min(100, Math.max(10, Math.ceil(e.max / 10) * 10)), axisLabel: { formatter: '{value}%' } } : {}) },
      yAxis: { type: 'category', inverse: true, data: children_.map((c) => c.place.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          cursor: 'pointer',
          barMaxWidth: 22,
          data: children_.map((c) => {
            const lags = own !== null && c.value !== null && f.better !== null && (f.better === 'higher' ? c.value < own : c.value > own);
            return { value: c.value ?? 0, itemStyle: { color: lags ? '#ff7875' : '#4096ff' } };
          }),
          label: { show: true, position: 'right', formatter: (p) => shown(f.unit, children_[(p as { dataIndex: number }).dataIndex], t, f.key) },
        },
      ],
    }),
    [f, children_, own, t],
  );
  return (
    <EChart
      label={label}
      height={Math.max(140, children_.length * 30 + 30)}
      option={option}
      onClick={({ dataIndex }) => {
        const c = children_[dataIndex];
        if (c) onDrill(c.place.id);
      }}
    />
  );
}
