import { ArrowLeftOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { recentMonths } from '../../../workbench/kernel/figures-format.ts';
import { type ReportSummary, useBuildReport, useReports } from '../api.ts';
import { lang2, monthText, useCanBuild, useDashboardPlace } from '../components/bits.tsx';

const NO_FILTERS: readonly never[] = [];

/** 月度调度通报: the place's kept monthly dispatch reports, newest month first; a builder may build one now. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const placeId = useDashboardPlace();
  const list = useListParams(NO_FILTERS);
  const canBuild = useCanBuild();
  const [building, setBuilding] = useState(false);
  const lang = lang2(i18n.language);
  const reports = useReports({ placeId, sort: 'period', order: 'desc', ...list.query }, !!placeId);
  const placeName = reports.data?.items[0]?.place.name;
  const open = (id: string) => void navigate(`/dashboards/reports/${id}`);

  const columns: TableColumnsType<ReportSummary> = [
    { title: t('dashboards.reports.period'), key: 'period', sorter: true, render: (_, r) => <Link to={`/dashboards/reports/${r.id}`}>{monthText(r.period, lang)}</Link> },
    { title: t('dashboards.reports.place'), key: 'place', render: (_, r) => r.place.name },
    { title: t('dashboards.reports.builtAt'), key: 'builtAt', sorter: true, render: (_, r) => formatDateTime(r.builtAt) },
    { title: t('dashboards.reports.builtBy'), dataIndex: 'builtBy', render: (v: string | null) => (v ? v : <Tag>{t('dashboards.reports.system')}</Tag>) },
    { title: t('dashboards.reports.figures'), dataIndex: 'figures', align: 'right' },
    { title: t('dashboards.reports.watchTotal'), dataIndex: 'watchTotal', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={<Link to={placeId ? `/dashboards?place=${placeId}` : '/dashboards'}><ArrowLeftOutlined /> {t('dashboards.title')}</Link>}
        title={placeName ? `${t('dashboards.reports.title')} · ${placeName}` : t('dashboards.reports.title')}
        extra={
          canBuild && placeId ? (
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setBuilding(true)}>
              {t('dashboards.reports.build')}
            </Button>
          ) : undefined
        }
      />
      {!placeId ? (
        <Empty description={t('dashboards.noPlace')} />
      ) : (
        <Card>
          <Typography.Paragraph type="secondary">{t('dashboards.reports.intro')}</Typography.Paragraph>
          <ListTable<ReportSummary> query={reports} list={list} columns={columns} rowKey="id" emptyText={t('dashboards.reports.empty')} />
        </Card>
      )}
      {building && placeId && <BuildModal placeId={placeId} onBuilt={open} onClose={() => setBuilding(false)} />}
    </>
  );
}

/** 立即生成: the month to build (last month by default); the report opens once built. */
function BuildModal({ placeId, onBuilt, onClose }: { placeId: string; onBuilt: (id: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const build = useBuildReport();
  const months = useMemo(() => recentMonths(), []);
  const lang = lang2(i18n.language);
  return (
    <FormModal<{ period: string }>
      open
      title={t('dashboards.reports.buildTitle')}
      okText={t('dashboards.reports.buildOk')}
      initialValues={{ period: months[1] }}
      onClose={onClose}
      submit={async ({ period }) => {
        const { id } = await build.mutateAsync({ placeId, period });
        onBuilt(id);
      }}
    >
      <Typography.Paragraph>{t('dashboards.reports.buildHint')}</Typography.Paragraph>
      <Form.Item name="period" label={t('dashboards.month')} rules={[{ required: true }]}>
        <Select options={months.map((m) => ({ value: m, label: monthText(m, lang) }))} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
