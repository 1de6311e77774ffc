import { Badge, Button, Form, Input, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_KINDS, DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf, StatusSwitch } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type AlertRow, download, P, useAlerts, useHandle, useOpenAlerts } from '../api.ts';
import { AlertKindTag, holds, useCompoundOptions } from '../components/shared.tsx';

const FILTERS = ['q', 'placeId', 'status', 'kind'] as const;

/** 告警处置: the alerts of my compounds — open first (the default order is newest first; the switch filters) — handled with a note. */
export function AlertsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  // The switch's first option (open) is its default, kept out of the URL; 'all' asks for no status.
  const status = list.filters.status ?? 'open';
  const query = { ...list.query, status: status === 'all' ? undefined : status };
  const rows = useAlerts(query);
  const open = useOpenAlerts(true);
  const compounds = useCompoundOptions();
  const [handling, setHandling] = useState<AlertRow | null>(null);

  const columns: TableColumnsType<AlertRow> = [
    { title: t('devicesParking.col.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    { title: t('devicesParking.col.alertKind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: AlertRow['kind']) => <AlertKindTag kind={v} /> },
    { title: t('devicesParking.col.summary'), dataIndex: 'summary' },
    { title: t('devicesParking.col.raisedAt'), dataIndex: 'raisedAt', key: 'raisedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('devicesParking.col.alertStatus'),
      dataIndex: 'status',
      render: (v: AlertRow['status']) => <Badge status={v === 'open' ? 'error' : 'success'} text={t(`devicesParking.alertStatus.${v}`)} />,
    },
    { title: t('devicesParking.col.handling'), key: 'handledAt', sorter: true, render: (_: unknown, r) => (r.status === 'handled' ? `${r.note}（${r.handledByName} ${formatDateTime(r.handledAt)}）` : '—') },
    {
      title: t('devicesParking.col.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        r.status === 'open' ? (
          <Button size="small" type="primary" ghost onClick={() => setHandling(r)}>
            {t('devicesParking.alerts.handle')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('devicesParking.alerts.title')}
            <Badge count={open.data?.count ?? 0} overflowCount={999} title={t('devicesParking.alerts.openCount', { count: open.data?.count ?? 0 })} />
          </Space>
        }
        extra={
          <Space wrap>
            {holds(me, DEVICES_ROLES.handleAlerts) && <Link to="/devices/parking/alert-rules">{t('devicesParking.rules.title')}</Link>}
            <ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesParking.alerts" run={() => download(`${P}/alerts/export.xlsx`, query, `${t('devicesParking.alerts.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('devicesParking.alerts.search') }}
        selects={[
          { field: 'placeId', label: t('devicesParking.compound'), options: compounds, width: 180 },
          { field: 'kind', label: t('devicesParking.col.alertKind'), options: optionsOf(ALERT_KINDS, (k) => t(`devicesParking.alertKind.${k}`)), width: 170 },
        ]}
        empty={{ none: t('devicesParking.alerts.none'), noMatch: t('devicesParking.alerts.noMatch') }}
      >
        <StatusSwitch
          list={list}
          field="status"
          label={t('devicesParking.col.alertStatus')}
          options={[
            { value: 'open', label: t('devicesParking.alertStatus.open') },
            { value: 'handled', label: t('devicesParking.alertStatus.handled') },
            { value: 'all', label: t('devicesParking.alertStatus.all') },
          ]}
        />
      </ListCard>
      {handling && <HandleModal alert={handling} onClose={() => setHandling(null)} />}
    </>
  );
}

function HandleModal({ alert, onClose }: { alert: AlertRow; onClose: () => void }) {
  const { t } = useTranslation();
  const handle = useHandle();
  return (
    <FormModal<{ note: string }> title={t('devicesParking.alerts.handleTitle', { place: alert.placeName })} open onClose={onClose} submit={(v) => handle.mutateAsync({ id: alert.id, note: v.note })}>
      <p>{alert.summary}</p>
      <Form.Item name="note" label={t('devicesParking.alerts.note')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea maxLength={500} showCount rows={4} placeholder={t('devicesParking.alerts.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
