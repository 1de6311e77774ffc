import { Breadcrumb, Card, Flex, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type RateRow, type Rates, useRates } from '../api.ts';
import { RateBar } from '../components/RateBar.tsx';
import { exportRatesXlsx } from '../export-rates.ts';

const natural = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Activation rate per place, one level at a time: street → community → grid → compound → building →
 * unit → room. Click a name to go down; the breadcrumb goes back up. Starts at the chosen scope.
 */
export function RatesPage() {
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  // No ?place: start at the chosen scope; ?place= (empty): all of my places.
  const raw = search.get('place');
  const placeId = raw === null ? (scope?.id ?? null) : raw || null;
  const rates = useRates(placeId);
  const go = (id: string | null) => setSearch({ place: id ?? '' });

  return (
    <QueryView query={rates}>
      {(r) => <RatesView rates={r} loading={rates.isFetching} onOpen={go} />}
    </QueryView>
  );
}

function RatesView({ rates, loading, onOpen }: { rates: Rates; loading: boolean; onOpen: (id: string | null) => void }) {
  const { t } = useTranslation();
  const placeName = rates.place?.name ?? t('activation.rates.all');
  const atRooms = rates.items.length > 0 && rates.items.every((i) => i.kind === 'room');

  const columns: TableColumnsType<RateRow> = [
    {
      title: t('activation.rates.place'),
      dataIndex: 'name',
      sorter: (a, b) => natural.compare(a.name, b.name),
      render: (name: string, row) =>
        row.kind === 'room' ? (
          <Link to={`/registry/places/${row.id}`}>{name}</Link>
        ) : (
          <Typography.Link onClick={() => onOpen(row.id)}>{name}</Typography.Link>
        ),
    },
    { title: t('activation.rates.kind'), dataIndex: 'kind', render: (k: RateRow['kind']) => <Tag>{t(`place.kind.${k}`)}</Tag> },
    { title: t('activation.rates.households'), dataIndex: 'households', align: 'right', sorter: (a, b) => a.households - b.households },
    { title: t('activation.rates.activated'), dataIndex: 'activated', align: 'right', sorter: (a, b) => a.activated - b.activated },
    {
      title: t('activation.rates.rate'),
      dataIndex: 'rate',
      width: 240,
      defaultSortOrder: undefined,
      sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
      render: (_: unknown, row) =>
        atRooms ? (
          row.households === 0 ? (
            <Typography.Text type="secondary">{t('activation.rates.notHousehold')}</Typography.Text>
          ) : (
            <Tag color={row.activated ? 'success' : 'default'}>{row.activated ? t('activation.rates.activatedYes') : t('activation.rates.activatedNo')}</Tag>
          )
        ) : (
          <RateBar rate={row.rate} households={row.households} />
        ),
    },
  ];


  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              { key: 'all', title: rates.place ? <Typography.Link onClick={() => onOpen(null)}>{t('activation.rates.all')}</Typography.Link> : t('activation.rates.all') },
              ...rates.breadcrumb.map((b) => ({
                key: b.id,
                title: b.id === rates.place?.id ? b.name : <Typography.Link onClick={() => onOpen(b.id)}>{b.name}</Typography.Link>,
              })),
            ]}
          />
        }
        title={rates.place ? `${t('activation.rates.title')} · ${rates.place.name}` : t('activation.rates.title')}
        tags={rates.place && <Tag>{t(`place.kind.${rates.place.kind}`)}</Tag>}
        extra={
          <ExportButton total={rates.items.length} i18nPrefix="activation.rates" run={() => exportRatesXlsx(rates, placeName, t)} />
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={48} wrap align="center">
          <Statistic title={t('activation.rates.households')} value={rates.totals.households} />
          <Statistic title={t('activation.rates.activated')} value={rates.totals.activated} />
          <Statistic
            title={t('activation.rates.rate')}
            value={rates.totals.rate === null ? '—' : (rates.totals.rate * 100).toFixed(1)}
            suffix={rates.totals.rate === null ? undefined : '%'}
          />
          <div style={{ flex: 1, minWidth: 240 }}>
            <RateBar rate={rates.totals.rate} households={rates.totals.households} />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('activation.rates.hint')}
            </Typography.Paragraph>
          </div>
        </Flex>
      </Card>
      <Card>
        <Table<RateRow>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={rates.items}
          loading={loading}
          pagination={rates.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: rates.place ? t('common.empty') : t('activation.rates.empty') }}
          summary={() =>
            rates.items.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('activation.rates.totals', rates.totals)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {rates.totals.households}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {rates.totals.activated}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  <RateBar rate={rates.totals.rate} households={rates.totals.households} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </>
  );
}
