import { App, Button, Form, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, DEVICE_OFFLINE_MINUTES, DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { D, type DeviceKey, type DeviceRow, download, useDeviceCompounds, useDevices, useDisable, useEnable, useRegister, useRekey } from '../api.ts';
import { KeyModal } from '../components/KeyModal.tsx';

const FILTERS = ['q', 'placeId', 'kind', 'status', 'online'] as const;

/** 设备管理: the devices of my compounds with their state; register (the key shown once), re-key, disable with a reason, enable. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const rows = useDevices(list.query);
  const compounds = useDeviceCompounds();
  const register = useRegister();
  const rekey = useRekey();
  const disable = useDisable();
  const enable = useEnable();
  const [registering, setRegistering] = useState(false);
  const [disabling, setDisabling] = useState<DeviceRow | null>(null);
  const [key, setKey] = useState<DeviceKey | null>(null);
  const mayManage = me.grants.some((g) => (DEVICES_ROLES.manageDevices as readonly string[]).includes(g.role));
  const manageable = (compounds.data ?? []).filter((c) => c.canManage);

  const columns: TableColumnsType<DeviceRow> = [
    { title: t('devicesGates.col.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    {
      title: t('devicesGates.col.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, r) => (
        <Space direction="vertical" size={0}>
          <span>{v}</span>
          {r.location && <Typography.Text type="secondary">{r.location}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('devicesGates.col.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: DeviceRow['kind']) => t(`devicesGates.kind.${v}`) },
    {
      title: t('devicesGates.col.keyId'),
      dataIndex: 'keyId',
      render: (v: string) => (
        <Typography.Text code copyable={{ text: v }}>
          {v.slice(0, 8)}…
        </Typography.Text>
      ),
    },
    {
      title: t('devicesGates.col.status'),
      dataIndex: 'status',
      render: (v: DeviceRow['status'], r) =>
        v === 'active' ? (
          <Tag color="green">{t('devicesGates.status.active')}</Tag>
        ) : (
          <Tooltip title={r.disabledReason}>
            <Tag color="red">{t('devicesGates.status.disabled')}</Tag>
          </Tooltip>
        ),
    },
    {
      title: t('devicesGates.col.online'),
      dataIndex: 'online',
      render: (v: boolean) => (v ? <Tag color="blue">{t('devicesGates.online.online')}</Tag> : <Tag>{t('devicesGates.online.offline')}</Tag>),
    },
    { title: t('devicesGates.col.lastSeenAt'), dataIndex: 'lastSeenAt', key: 'lastSeenAt', sorter: true, render: (v: string | null) => formatDateTime(v) || t('devicesGates.never') },
    {
      title: t('devicesGates.col.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        r.canManage && (
          <Space size={4} wrap>
            <Popconfirm
              title={t('devicesGates.rekey.confirm')}
              description={t('devicesGates.rekey.warning')}
              okText={t('devicesGates.rekey.ok')}
              cancelText={t('common.cancel')}
              onConfirm={async () => setKey(await rekey.mutateAsync(r.id))}
            >
              <Button size="small">{t('devicesGates.rekey.action')}</Button>
            </Popconfirm>
            {r.status === 'active' ? (
              <Button size="small" danger onClick={() => setDisabling(r)}>
                {t('devicesGates.disable.action')}
              </Button>
            ) : (
              <Popconfirm
                title={t('devicesGates.enable.confirm', { name: r.name })}
                okText={t('devicesGates.enable.action')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  await enable.mutateAsync(r.id);
                  void message.success(t('devicesGates.enable.done'));
                }}
              >
                <Button size="small">{t('devicesGates.enable.action')}</Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesGates.devices.title')}
        extra={
          <Space wrap>
            {mayManage && manageable.length > 0 && (
              <Button type="primary" onClick={() => setRegistering(true)}>
                {t('devicesGates.register.action')}
              </Button>
            )}
            <ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesGates.devices" run={() => download(`${D}/devices/export.xlsx`, list.query, `${t('devicesGates.devices.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        intro={<Typography.Text type="secondary">{t('devicesGates.devices.intro', { minutes: DEVICE_OFFLINE_MINUTES })}</Typography.Text>}
        search={{ label: t('devicesGates.devices.search') }}
        selects={[
          { field: 'placeId', label: t('devicesGates.col.place'), options: (compounds.data ?? []).map((c) => ({ value: c.id, label: c.name })), width: 160 },
          { field: 'kind', label: t('devicesGates.col.kind'), options: optionsOf(DEVICE_KINDS, (k) => t(`devicesGates.kind.${k}`)) },
          { field: 'status', label: t('devicesGates.col.status'), options: optionsOf(['active', 'disabled'] as const, (s) => t(`devicesGates.status.${s}`)) },
          { field: 'online', label: t('devicesGates.col.online'), options: optionsOf(['online', 'offline'] as const, (s) => t(`devicesGates.online.${s}`)) },
        ]}
        empty={{ none: t('devicesGates.devices.none'), noMatch: t('devicesGates.devices.noMatch') }}
      />
      <FormModal<{ placeId: string; kind: string; name: string; location?: string }>
        title={t('devicesGates.register.title')}
        open={registering}
        onClose={() => setRegistering(false)}
        okText={t('devicesGates.register.ok')}
        initialValues={{ placeId: manageable.length === 1 ? manageable[0]!.id : undefined, kind: 'gate' }}
        submit={async (v) => setKey(await register.mutateAsync(v))}
      >
        <Form.Item name="placeId" label={t('devicesGates.col.place')} rules={[{ required: true, message: t('devicesGates.register.placeRequired') }]}>
          <Select options={manageable.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('devicesGates.col.kind')} rules={[{ required: true }]}>
          <Select options={optionsOf(DEVICE_KINDS, (k) => t(`devicesGates.kind.${k}`))} />
        </Form.Item>
        <Form.Item name="name" label={t('devicesGates.col.name')} rules={[{ required: true, whitespace: true, message: t('devicesGates.register.nameRequired') }, { max: 60 }]}>
          <Input placeholder={t('devicesGates.register.namePlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item name="location" label={t('devicesGates.col.location')} rules={[{ max: 100 }]}>
          <Input placeholder={t('devicesGates.register.locationPlaceholder')} maxLength={100} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        title={t('devicesGates.disable.title', { name: disabling?.name ?? '' })}
        open={!!disabling}
        onClose={() => setDisabling(null)}
        okText={t('devicesGates.disable.ok')}
        submit={async (v) => {
          await disable.mutateAsync({ id: disabling!.id, reason: v.reason });
          void message.success(t('devicesGates.disable.done'));
        }}
      >
        <Typography.Paragraph type="danger">{t('devicesGates.disable.warning')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('devicesGates.disable.reason')} rules={[{ required: true, whitespace: true, message: t('devicesGates.disable.reasonRequired') }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </FormModal>
      {key && <KeyModal value={key} onClose={() => setKey(null)} />}
    </>
  );
}
