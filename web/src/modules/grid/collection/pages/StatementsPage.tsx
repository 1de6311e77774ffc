import { Button, Card, DatePicker, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { download, type Month, useStatements } from '../api.ts';
import { yuan } from '../components/labels.tsx';

/** 采集结算: a month × company table — submitted, verified new, known, wrong, spot checks and pass rate, the amount and the kernel statement's status; xlsx. */
export function StatementsPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const rows = useStatements(month);
  const shown = rows.data?.month;
  const columns: TableColumnsType<Month> = [
    { title: t('gridCollection.statements.company'), dataIndex: 'companyName' },
    { title: t('gridCollection.statements.submitted'), dataIndex: 'submitted', align: 'right' },
    { title: t('gridCollection.statements.verifiedNew'), dataIndex: 'verifiedNew', align: 'right' },
    { title: t('gridCollection.statements.known'), dataIndex: 'known', align: 'right' },
    { title: t('gridCollection.statements.wrong'), dataIndex: 'wrong', align: 'right' },
    { title: t('gridCollection.statements.spotDrawn'), dataIndex: 'spotDrawn', align: 'right' },
    { title: t('gridCollection.statements.spotPassed'), dataIndex: 'spotPassed', align: 'right' },
    { title: t('gridCollection.statements.spotFailed'), dataIndex: 'spotFailed', align: 'right' },
    { title: t('gridCollection.statements.passRate'), dataIndex: 'passRate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { title: t('gridCollection.statements.earned'), dataIndex: 'earnedFen', align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('gridCollection.statements.statement'),
      dataIndex: 'statement',
      render: (s: Month['statement']) =>
        s ? <Link to={`/payouts/${s.id}`}>{`${t(`gridCollection.statements.payoutStatus.${s.status}`, { defaultValue: s.status })} · ¥${yuan(s.totalFen)}`}</Link> : t('gridCollection.statements.notGenerated'),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('gridCollection.statements.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label={t('gridCollection.statements.month')}
              value={shown ? dayjs(`${shown}-01`) : undefined}
              onChange={(d) => setMonth(d ? d.format('YYYY-MM') : undefined)}
              allowClear={false}
            />
            <Button disabled={!rows.data?.items.length} onClick={() => download('/api/grid/collection/statements/export.xlsx', { month: shown }, `${t('gridCollection.statements.title')}-${shown}.xlsx`)}>
              {t('gridCollection.statements.export')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Table<Month> rowKey="companyId" loading={rows.isLoading} dataSource={rows.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: t('gridCollection.statements.none') }} scroll={{ x: true }} />
      </Card>
    </>
  );
}
