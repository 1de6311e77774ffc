import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatShare } from '../../../shared/format.ts';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { type Household, useRoomHouseholds } from '../api.ts';
import { AddHouseholdModal } from './AddHouseholdModal.tsx';
import { EndHouseholdButton } from './EndHouseholdButton.tsx';
import { PersonTags, RelationTag, UntilDate } from './labels.tsx';

function Holder({ h }: { h: Household }) {
  if (h.personId) return <Link to={`/registry/persons/${h.personId}`}>{h.holderName}</Link>;
  if (h.organisationId) return <Link to={`/registry/organisations/${h.organisationId}`}>{h.holderName}</Link>;
  return <>{h.holderName}</>;
}

/** Who owns and who lives in a room: owners, co-owners, tenants and family, current and past. */
export function RoomHouseholds({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const households = useRoomHouseholds(roomId);
  const [showPast, setShowPast] = useState(false);
  const [adding, setAdding] = useState(false);
  const canWrite = households.data?.canWrite ?? false;
  const all = households.data?.items ?? [];
  const rows = showPast ? all : all.filter((h) => h.current);
  const pastCount = all.length - all.filter((h) => h.current).length;

  const columns: TableColumnsType<Household> = [
    { title: t('household.holder'), key: 'holder', render: (_, h) => <Holder h={h} /> },
    { title: t('household.relationLabel'), dataIndex: 'relation', render: (r: Household['relation']) => <RelationTag relation={r} /> },
    { title: t('person.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    { title: t('household.share'), dataIndex: 'shareBp', align: 'right', render: (bp: number | null) => formatShare(bp) || '—' },
    { title: t('household.startDate'), dataIndex: 'startDate', render: (d: string | null) => formatDate(d) || '—' },
    {
      title: t('household.endDate'),
      dataIndex: 'endDate',
      render: (d: string | null) => <UntilDate date={d} />,
    },
    { title: t('person.tags'), dataIndex: 'tags', render: (tags: string[] | null) => <PersonTags tags={tags} /> },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, h: Household) => h.current && <EndHouseholdButton household={h} />,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('household.title')}
      extra={
        <Flex gap={16} align="center" wrap>
          {pastCount > 0 && (
            <Flex gap={8} align="center">
              <Switch id="gz-show-past" size="small" checked={showPast} onChange={setShowPast} />
              <label htmlFor="gz-show-past">{t('household.showPast', { count: pastCount })}</label>
            </Flex>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('household.add')}
            </Button>
          )}
        </Flex>
      }
    >
      {households.isError ? (
        <ErrorState error={households.error} onRetry={() => void households.refetch()} />
      ) : (
        <Table<Household>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={households.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(h) => (h.current ? '' : 'gz-row-past')}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={<Typography.Text type="warning">{t('household.none')}</Typography.Text>}
              />
            ),
          }}
        />
      )}
      <AddHouseholdModal roomId={roomId} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
