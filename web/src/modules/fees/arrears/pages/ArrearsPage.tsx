import { App, Button, Card, Checkbox, Form, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGEING_BANDS, REMINDER_CHANNELS, type AgeingBand, type ReminderChannel } from '#server/modules/fees/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type ArrearsRoomRow, type Bands, type BatchRow, download, useArrearsRooms, useBands, useBatches, useOpenCase, useSendReminders, yuan } from '../api.ts';

const FILTERS = ['q', 'band'] as const;
type BandRow = Bands['compounds'][number];

/** 欠费: arrears by ageing band per compound and building, the rooms in arrears, reminder batches (催缴). */
export function ArrearsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { scope } = useScope();
  const bands = useBands(scope?.id);
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const rooms = useArrearsRooms(query);
  const batches = useBatches({ placeId: scope?.id, page: 1, pageSize: 10 });
  const [reminding, setReminding] = useState(false);
  const send = useSendReminders();
  const openCase = useOpenCase();

  const bandColumns = (placeTitle: string): TableColumnsType<BandRow> => [
    { title: placeTitle, dataIndex: 'name' },
    ...AGEING_BANDS.map((b) => ({ title: t(`feesArrears.band.${b}`), key: b, align: 'right' as const, render: (_: unknown, r: BandRow) => `${yuan(r.bands[b].owedFen)}（${r.bands[b].bills}）` })),
    { title: t('feesArrears.arrears.total'), dataIndex: 'owedFen', align: 'right', render: (v: number) => <b>{yuan(v)}</b> },
    { title: t('feesArrears.arrears.rooms'), dataIndex: 'rooms', align: 'right' },
  ];
  const roomColumns: TableColumnsType<ArrearsRoomRow> = [
    { title: t('feesArrears.receipt.room'), dataIndex: 'roomLabel', sorter: true, key: 'room' },
    { title: t('feesArrears.arrears.owners'), dataIndex: 'owners', render: (v: string[]) => v.join('、') || '—' },
    { title: t('feesArrears.arrears.bills'), dataIndex: 'bills', sorter: true, align: 'right' },
    { title: t('feesArrears.arrears.owed'), dataIndex: 'owedFen', key: 'owed', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.arrears.months'), dataIndex: 'months', sorter: true, align: 'right' },
    { title: t('feesArrears.arrears.band'), dataIndex: 'band', render: (v: AgeingBand) => <Tag color={v === 'over12' ? 'red' : v === 'upTo3' ? 'default' : 'orange'}>{t(`feesArrears.band.${v}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.caseStatus ? (
          <Tag>{t(`feesArrears.caseStatus.${r.caseStatus}`)}</Tag>
        ) : (
          <Button size="small" onClick={() => void openCase.mutateAsync({ roomId: r.roomId }).then(() => message.success(t('feesArrears.cases.opened')))}>
            {t('feesArrears.cases.open')}
          </Button>
        ),
    },
  ];
  const batchColumns: TableColumnsType<BatchRow> = [
    { title: t('feesArrears.batch.createdAt'), dataIndex: 'createdAt', render: (v: string, b) => <Link to={`/fees/arrears/batches/${b.id}`}>{formatDateTime(v)}</Link> },
    { title: t('feesArrears.batch.place'), dataIndex: 'placeLabel' },
    { title: t('feesArrears.batch.minBand'), dataIndex: 'minBand', render: (v: AgeingBand) => t(`feesArrears.band.${v}`) },
    { title: t('feesArrears.batch.channels'), dataIndex: 'channels', render: (v: ReminderChannel[]) => v.map((c) => t(`feesArrears.channel.${c}`)).join('、') },
    { title: t('feesArrears.arrears.rooms'), dataIndex: 'rooms', align: 'right' },
    { title: t('feesArrears.arrears.owed'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
  ];
  const places = bands.data ? [...bands.data.compounds.map((c) => ({ value: c.placeId, label: c.name })), ...bands.data.buildings.map((b) => ({ value: b.placeId, label: `${bands.data!.compounds.find((c) => c.placeId === b.compoundId)?.name ?? ''} ${b.name}` }))] : [];

  return (
    <>
      <PageHeader
        title={t('feesArrears.arrears.title')}
        tags={<ScopeNote />}
        extra={
          <Button type="primary" disabled={!places.length} onClick={() => setReminding(true)}>
            {t('feesArrears.remind.button')}
          </Button>
        }
      />
      <QueryView query={bands}>
        {(b) => (
          <Card title={t('feesArrears.arrears.byBand', { day: b.day })} style={{ marginBottom: 16 }}>
            <Table rowKey="placeId" size="small" pagination={false} columns={bandColumns(t('feesArrears.arrears.compound'))} dataSource={b.compounds} />
            {b.buildings.length > 0 && <Table style={{ marginTop: 16 }} rowKey="placeId" size="small" pagination={{ pageSize: 10 }} columns={bandColumns(t('feesArrears.arrears.building'))} dataSource={b.buildings} />}
            <p style={{ marginTop: 8, color: '#888' }}>{t('feesArrears.arrears.bandRule')}</p>
          </Card>
        )}
      </QueryView>
      <ListCard
        title={t('feesArrears.arrears.roomsTitle')}
        list={list}
        rowKey="roomId"
        search={{ label: t('feesArrears.arrears.search') }}
        selects={[{ field: 'band', label: t('feesArrears.arrears.band'), options: optionsOf(AGEING_BANDS, (b) => t(`feesArrears.band.${b}`)) }]}
        query={rooms}
        columns={roomColumns}
        empty={{ none: t('feesArrears.arrears.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <div style={{ margin: '8px 0 16px' }}>
        <ExportButton total={rooms.data?.total ?? 0} limit={20000} i18nPrefix="feesArrears.arrears" run={() => download('/api/fees/arrears/rooms/export.xlsx', query, `${t('feesArrears.arrears.roomsTitle')}.xlsx`)} />
      </div>
      <Card title={t('feesArrears.batch.listTitle')}>
        <Table rowKey="id" size="small" pagination={false} columns={batchColumns} dataSource={batches.data?.items ?? []} loading={batches.isLoading} />
      </Card>
      <FormModal<{ placeId: string; minBand: AgeingBand; channels: ReminderChannel[] }>
        title={t('feesArrears.remind.title')}
        open={reminding}
        onClose={() => setReminding(false)}
        initialValues={{ placeId: places[0]?.value, minBand: 'from3To6', channels: ['inbox', 'wechat'] }}
        okText={t('feesArrears.remind.submit')}
        submit={(v) =>
          new Promise((resolve, reject) =>
            modal.confirm({
              title: t('feesArrears.remind.confirm', { place: places.find((p) => p.value === v.placeId)?.label ?? '', band: t(`feesArrears.band.${v.minBand}`) }),
              content: t('feesArrears.remind.confirmBody'),
              onOk: () =>
                send.mutateAsync(v).then((r) => {
                  void message.success(t('feesArrears.remind.sent', { rooms: r.rooms, recipients: r.recipients }));
                  resolve(r);
                }, reject),
              onCancel: () => reject(new Error('cancelled')),
            }),
          )
        }
      >
        <Form.Item name="placeId" label={t('feesArrears.batch.place')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <Select options={places} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="minBand" label={t('feesArrears.batch.minBand')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <Select options={AGEING_BANDS.map((b) => ({ value: b, label: t(`feesArrears.band.${b}`) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('feesArrears.batch.channels')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.pickOne') }]}>
          <Checkbox.Group options={REMINDER_CHANNELS.map((c) => ({ value: c, label: t(`feesArrears.channel.${c}`) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}
