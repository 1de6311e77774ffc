import { Button, Form, Input, Popconfirm, Radio, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPACE_KINDS } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { RemoteSelect } from '../../../../workbench/components/RemoteSelect.tsx';
import { download, P, type SpaceRow, useAddSpaces, useRemoveSpace, useSpaces, useUpdateSpace } from '../api.ts';
import { CompoundSelect, mayManageParking, SensorSelect, searchPlaces, useCompoundOptions } from '../components/shared.tsx';

const FILTERS = ['q', 'placeId', 'kind', 'occupied'] as const;

/** 车位管理: the spaces of my compounds — search, filter, sort, page, export; add one or a batch, edit, remove a free one. */
export function SpacesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const rows = useSpaces(list.query);
  const compounds = useCompoundOptions();
  const manage = mayManageParking(me);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SpaceRow | null>(null);
  const remove = useRemoveSpace();

  const columns: TableColumnsType<SpaceRow> = [
    { title: t('devicesParking.col.place'), dataIndex: 'placeName' },
    { title: t('devicesParking.col.no'), dataIndex: 'no', key: 'no', sorter: true },
    { title: t('devicesParking.col.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: SpaceRow['kind']) => t(`devicesParking.kind.${v}`) },
    { title: t('devicesParking.col.room'), dataIndex: 'roomName', render: (v: string | null) => v ?? '—' },
    { title: t('devicesParking.col.sensor'), dataIndex: 'sensorName', render: (v: string | null) => v ?? '—' },
    {
      title: t('devicesParking.col.state'),
      dataIndex: 'occupied',
      key: 'occupied',
      sorter: true,
      render: (v: boolean, r) => (r.sensorDeviceId ? <Tag color={v ? 'red' : 'green'}>{v ? t('devicesParking.live.spaceTaken') : t('devicesParking.live.spaceFree')}</Tag> : '—'),
    },
    { title: t('devicesParking.col.since'), dataIndex: 'occupiedSince', render: (v: string | null) => formatDateTime(v) || '—' },
    ...(manage
      ? [
          {
            title: t('devicesParking.col.actions'),
            key: 'actions',
            render: (_: unknown, r: SpaceRow) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  {t('devicesParking.spaces.edit')}
                </Button>
                <Popconfirm title={t('devicesParking.spaces.removeConfirm', { no: r.no })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(r.id)} disabled={r.occupied}>
                  <Button size="small" type="link" danger disabled={r.occupied} title={r.occupied ? t('devicesParking.spaces.takenHint') : undefined}>
                    {t('devicesParking.spaces.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('devicesParking.spaces.title')}
        extra={
          <Space wrap>
            {manage && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('devicesParking.spaces.add')}
              </Button>
            )}
            <ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesParking.spaces" run={() => download(`${P}/spaces/export.xlsx`, list.query, `${t('devicesParking.spaces.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('devicesParking.spaces.search') }}
        selects={[
          { field: 'placeId', label: t('devicesParking.compound'), options: compounds, width: 180 },
          { field: 'kind', label: t('devicesParking.col.kind'), options: optionsOf(SPACE_KINDS, (k) => t(`devicesParking.kind.${k}`)) },
          { field: 'occupied', label: t('devicesParking.col.state'), options: [{ value: 'true', label: t('devicesParking.live.spaceTaken') }, { value: 'false', label: t('devicesParking.live.spaceFree') }] },
        ]}
        empty={{ none: t('devicesParking.spaces.none'), noMatch: t('devicesParking.spaces.noMatch') }}
      />
      {adding && <AddModal onClose={() => setAdding(false)} />}
      {editing && <EditModal space={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface AddValues {
  placeId: string;
  mode: 'one' | 'batch';
  no: string;
  to?: string;
  kind: SpaceRow['kind'];
  roomId?: string | null;
  sensorDeviceId?: string | null;
}

function AddModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddSpaces();
  const [mode, setMode] = useState<'one' | 'batch'>('one');
  const [placeId, setPlaceId] = useState<string | undefined>();
  return (
    <FormModal<AddValues>
      title={t('devicesParking.spaces.add')}
      open
      onClose={onClose}
      initialValues={{ mode: 'one', kind: 'public' }}
      submit={({ mode: m, to, roomId, sensorDeviceId, ...v }) => add.mutateAsync({ ...v, ...(m === 'batch' ? { to } : { roomId: roomId ?? null, sensorDeviceId: sensorDeviceId ?? null }) })}
    >
      <Form.Item name="placeId" label={t('devicesParking.compound')} rules={[{ required: true }]}>
        <CompoundSelect onChange={(v) => setPlaceId(v)} />
      </Form.Item>
      <Form.Item name="mode" label={t('devicesParking.spaces.mode')}>
        <Radio.Group onChange={(e) => setMode(e.target.value as 'one' | 'batch')} options={[{ value: 'one', label: t('devicesParking.spaces.one') }, { value: 'batch', label: t('devicesParking.spaces.batch') }]} />
      </Form.Item>
      <Form.Item name="no" label={mode === 'batch' ? t('devicesParking.spaces.from') : t('devicesParking.col.no')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{1,20}$/, message: t('devicesParking.spaces.noRule') }]}>
        <Input placeholder="B1-001" maxLength={20} />
      </Form.Item>
      {mode === 'batch' && (
        <Form.Item name="to" label={t('devicesParking.spaces.to')} extra={t('devicesParking.spaces.batchHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{1,20}$/, message: t('devicesParking.spaces.noRule') }]}>
          <Input placeholder="B1-050" maxLength={20} />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('devicesParking.col.kind')} rules={[{ required: true }]}>
        <Select options={optionsOf(SPACE_KINDS, (k) => t(`devicesParking.kind.${k}`))} />
      </Form.Item>
      {mode === 'one' && (
        <Form.Item name="roomId" label={t('devicesParking.col.room')} extra={t('devicesParking.spaces.roomHint')}>
          <RemoteSelect queryKey={['devices', 'parking', 'rooms']} search={searchPlaces('room')} placeholder={t('devicesParking.spaces.roomSearch')} allowClear />
        </Form.Item>
      )}
      {mode === 'one' && (
        <Form.Item name="sensorDeviceId" label={t('devicesParking.col.sensor')}>
          <SensorSelect placeId={placeId} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function EditModal({ space, onClose }: { space: SpaceRow; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSpace();
  return (
    <FormModal<{ kind: SpaceRow['kind']; roomId?: string | null; sensorDeviceId?: string | null }>
      title={t('devicesParking.spaces.editTitle', { no: space.no })}
      open
      onClose={onClose}
      initialValues={{ kind: space.kind, roomId: space.roomId, sensorDeviceId: space.sensorDeviceId }}
      submit={(v) => update.mutateAsync({ id: space.id, kind: v.kind, roomId: v.roomId ?? null, sensorDeviceId: v.sensorDeviceId ?? null })}
    >
      <Form.Item name="kind" label={t('devicesParking.col.kind')} rules={[{ required: true }]}>
        <Select options={optionsOf(SPACE_KINDS, (k) => t(`devicesParking.kind.${k}`))} />
      </Form.Item>
      <Form.Item name="roomId" label={t('devicesParking.col.room')}>
        <RemoteSelect queryKey={['devices', 'parking', 'rooms']} search={searchPlaces('room')} valueLabel={space.roomName ?? undefined} placeholder={t('devicesParking.spaces.roomSearch')} allowClear />
      </Form.Item>
      <Form.Item name="sensorDeviceId" label={t('devicesParking.col.sensor')}>
        <SensorSelect placeId={space.placeId} />
      </Form.Item>
    </FormModal>
  );
}
