import { App, Button, Card, Descriptions, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type AdoptionRow, useClosePlot, usePlot } from '../api.ts';
import { CareList } from '../components/CareList.tsx';
import { DecisionButtons } from '../components/DecisionButtons.tsx';
import { PlotFormModal } from '../components/PlotFormModal.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { ADOPTION_COLOR } from './AdoptionsPage.tsx';
import { STATUS_COLOR } from './PlotsPage.tsx';

/** One green plot: its facts (edit, close), every adoption with the decisions to make, and its care records with photos. */
export function PlotPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const plot = usePlot(id);
  const close = useClosePlot(id);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);

  return (
    <QueryView query={plot}>
      {({ plot: p, adoptions, care }) => {
        const columns: TableColumnsType<AdoptionRow> = [
          { title: t('volGreen.col.adopter'), dataIndex: 'personName' },
          { title: t('volGreen.col.room'), dataIndex: 'roomLabel', render: (v: string | null) => v ?? '—' },
          { title: t('volGreen.col.period'), key: 'period', render: (_, r) => t('volGreen.page.periodText', { from: r.fromDay, to: r.toDay }) },
          {
            title: t('volGreen.col.status'),
            dataIndex: 'status',
            render: (v: AdoptionRow['status'], r) => (
              <>
                <Tag color={ADOPTION_COLOR[v]}>{t(`volGreen.adoptionStatus.${v}`)}</Tag>
                {(r.rejectReason || r.endReason) && <div style={{ color: '#888', fontSize: 12 }}>{r.rejectReason ?? r.endReason}</div>}
              </>
            ),
          },
          { title: t('volGreen.col.appliedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('volGreen.col.note'), dataIndex: 'note', ellipsis: true },
          { title: t('common.actions'), key: 'actions', render: (_, r) => (p.canManage ? <DecisionButtons adoption={r} /> : null) },
        ];
        return (
          <>
            <PageHeader
              title={p.name}
              tags={<Tag color={STATUS_COLOR[p.status]}>{t(`volGreen.status.${p.status}`)}</Tag>}
              breadcrumb={<Link to="/volunteers/green">{t('volGreen.page.back')}</Link>}
              extra={
                p.canManage &&
                p.status !== 'closed' && (
                  <Space>
                    <Button onClick={() => setEditing(true)}>{t('volGreen.page.edit')}</Button>
                    <Button danger onClick={() => setClosing(true)}>
                      {t('volGreen.page.close')}
                    </Button>
                  </Space>
                )
              }
            />
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <Card title={t('volGreen.plot.facts')}>
                <Descriptions column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('volGreen.col.compound')}>{p.compoundName}</Descriptions.Item>
                  <Descriptions.Item label={t('volGreen.col.area')}>{p.areaText}</Descriptions.Item>
                  <Descriptions.Item label={t('volGreen.col.location')}>{p.location || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('volGreen.col.adopter')}>{p.adopterName ? `${p.adopterName}（${t('volGreen.page.periodText', { from: p.adoptedFrom, to: p.adoptedTo })}）` : '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('volGreen.plot.description')} span={2}>
                    {p.description || '—'}
                  </Descriptions.Item>
                  {p.closedReason && <Descriptions.Item label={t('volGreen.plot.closedReason')}>{p.closedReason}</Descriptions.Item>}
                </Descriptions>
              </Card>
              <Card title={t('volGreen.plot.adoptions')}>
                <Table rowKey="id" columns={columns} dataSource={adoptions} pagination={false} locale={{ emptyText: t('volGreen.plot.noAdoptions') }} scroll={{ x: true }} />
              </Card>
              <Card title={t('volGreen.plot.careRecords')}>
                <CareList care={care} />
              </Card>
            </Space>
            {editing && <PlotFormModal open plot={p} onClose={() => setEditing(false)} />}
            {closing && (
              <ReasonModal
                open
                title={t('volGreen.actions.closeTitle')}
                hint={t('volGreen.actions.closeHint')}
                onClose={() => setClosing(false)}
                submit={async (reason) => {
                  await close.mutateAsync(reason);
                  void message.success(t('volGreen.actions.closed'));
                }}
              />
            )}
          </>
        );
      }}
    </QueryView>
  );
}
