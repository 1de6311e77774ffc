import { Card, Progress, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CompoundShare, useShares } from '../api.ts';
import '../i18n.ts';

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** 志愿者注册率: each compound's approved volunteers ÷ persons with a current household, against the 15% target. */
export function SharePage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const shares = useShares(scope?.id);
  const target = shares.data?.target ?? 0.15;
  const columns: TableColumnsType<CompoundShare> = [
    { title: t('volRegistry.share.compound'), dataIndex: 'compoundName' },
    { title: t('volRegistry.share.community'), dataIndex: 'communityName' },
    { title: t('volRegistry.share.volunteers'), dataIndex: 'volunteers', align: 'right' },
    { title: t('volRegistry.share.residents'), dataIndex: 'residents', align: 'right' },
    {
      title: t('volRegistry.share.share'),
      dataIndex: 'share',
      render: (v: number | null) => <Progress percent={v === null ? 0 : Math.round(v * 1000) / 10} size="small" status={v !== null && v >= target ? 'success' : 'normal'} format={() => pct(v)} />,
    },
    { title: t('volRegistry.share.vsTarget'), key: 'vs', render: (_, r) => (r.share === null ? '—' : r.share >= target ? <Tag color="green">{t('volRegistry.share.reached')}</Tag> : <Tag color="orange">{t('volRegistry.share.below')}</Tag>) },
  ];
  return (
    <>
      <PageHeader title={t('volRegistry.share.title')} tags={<ScopeNote />} />
      <Card>
        <p>{t('volRegistry.share.definition', { target: pct(target) })}</p>
        {shares.data && (
          <Statistic
            title={t('volRegistry.share.total')}
            value={pct(shares.data.total.share)}
            suffix={t('volRegistry.share.totalParts', { volunteers: shares.data.total.volunteers, residents: shares.data.total.residents })}
          />
        )}
        <Table<CompoundShare>
          rowKey="compoundId"
          loading={shares.isLoading}
          columns={columns}
          dataSource={shares.data?.compounds ?? []}
          pagination={false}
          locale={{ emptyText: shares.isError ? shares.error.message : t('volRegistry.share.none') }}
          style={{ marginTop: 16 }}
        />
      </Card>
    </>
  );
}
