import { PlusOutlined } from '@ant-design/icons';
import { Button, Result, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { mayMeetings, useWaitingItems, type WaitingItemRow } from '../api.ts';
import { CreateMeetingModal } from '../components/CreateMeetingModal.tsx';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** 待上会议题: items in consultation that no open meeting has taken up (the staff home's to-do opens it); convene one. */
export function WaitingItemsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const items = useWaitingItems(list.query);
  const [creating, setCreating] = useState(false);
  if (!mayMeetings(me, 'manage')) return <Result status="403" title={t('deliberationMeetings.noAccess')} />;
  const columns: TableColumnsType<WaitingItemRow> = [
    { title: t('deliberationMeetings.waiting.code'), dataIndex: 'code', width: 140 },
    { title: t('deliberationMeetings.field.title'), dataIndex: 'title', sorter: true, ellipsis: true },
    { title: t('deliberationMeetings.field.placeShort'), key: 'place', sorter: true, render: (_, i) => i.placeLabel ?? i.placeName },
    { title: t('deliberationMeetings.waiting.supporters'), dataIndex: 'supporters', align: 'right' },
    { title: t('deliberationMeetings.waiting.listedAt'), key: 'listedAt', sorter: true, render: (_, i) => formatDateTime(i.listedAt) },
  ];
  return (
    <>
      <PageHeader
        title={t('deliberationMeetings.waiting.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deliberationMeetings.list.create')}
          </Button>
        }
      />
      <ListCard
        list={list}
        query={items}
        columns={columns}
        intro={<Typography.Text type="secondary">{t('deliberationMeetings.waiting.hint')}</Typography.Text>}
        empty={{ none: t('deliberationMeetings.waiting.none'), noMatch: t('deliberationMeetings.list.noMatch') }}
        search={{ label: t('deliberationMeetings.list.search'), width: 260 }}
      />
      <CreateMeetingModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
