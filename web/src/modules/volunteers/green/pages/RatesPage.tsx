import { Card, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../../../../shared/format.ts';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CompoundRate, useRates } from '../api.ts';
import { GreenTabs } from '../components/GreenTabs.tsx';

/** 认养率: each compound's adoption rate by area today (the figure volunteers.green_adoption_rate), with the total. */
export function RatesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const rates = useRates(scope?.id);
  const rate = (bp: number | null) => (bp === null ? <span style={{ color: '#999' }}>{t('volGreen.rates.noPlots')}</span> : <Progress percent={bp / 100} format={() => formatShare(bp)} size="small" style={{ minWidth: 160 }} />);
  const columns: TableColumnsType<CompoundRate> = [
    { title: t('volGreen.col.compound'), dataIndex: 'compoundName', sorter: (a, b) => a.compoundName.localeCompare(b.compoundName, 'zh-CN') },
    { title: t('volGreen.col.totalArea'), dataIndex: 'totalText', align: 'right', sorter: (a, b) => a.totalCenti - b.totalCenti },
    { title: t('volGreen.col.adoptedArea'), dataIndex: 'adoptedText', align: 'right', sorter: (a, b) => a.adoptedCenti - b.adoptedCenti },
    { title: t('volGreen.col.rate'), dataIndex: 'rateBp', sorter: (a, b) => (a.rateBp ?? -1) - (b.rateBp ?? -1), render: (v: number | null) => rate(v) },
  ];
  return (
    <>
      <PageHeader title={t('volGreen.rates.title')} tags={<ScopeNote />} />
      <GreenTabs />
      <QueryView query={rates}>
        {(data) => (
          <Card>
            <Typography.Paragraph type="secondary">{t('volGreen.rates.intro')}</Typography.Paragraph>
            <Table
              rowKey="compoundId"
              columns={columns}
              dataSource={data.compounds}
              pagination={false}
              locale={{ emptyText: t('volGreen.rates.none') }}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('volGreen.rates.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {data.total.totalText}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {data.total.adoptedText}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{rate(data.total.rateBp)}</Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        )}
      </QueryView>
    </>
  );
}
