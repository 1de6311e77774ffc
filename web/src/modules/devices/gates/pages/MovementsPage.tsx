import { App, Button, DatePicker, InputNumber, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_KINDS, MOVEMENT_RESULTS, RETENTION_DAYS_MAX } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { D, type MovementRow, download, useMovementPlaces, useMovements, useRetention, useSetRetention } from '../api.ts';

const FILTERS = ['q', 'placeId', 'kind', 'result', 'direction', 'from', 'to'] as const;
const RESULT_COLOR = { resident: 'green', visitor: 'blue', unknown: 'orange', refused: 'red' } as const;

/** The street's retention period: shown to all who read the records, changed (with a confirmation) by the street's officials. */
function RetentionLine() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retention = useRetention();
  const save = useSetRetention();
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => setDays(retention.data?.retentionDays ?? null), [retention.data?.retentionDays]);
  if (!retention.data) return null;
  const r = retention.data;
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('devicesGates.retention.line', { street: r.streetName, days: r.retentionDays })}</Typography.Text>
      {r.canChange && (
        <>
          <InputNumber aria-label={t('devicesGates.retention.days')} min={1} max={RETENTION_DAYS_MAX} value={days} onChange={(v) => setDays(v)} addonAfter={t('devicesGates.retention.unit')} style={{ width: 150 }} />
          <Popconfirm
            title={t('devicesGates.retention.confirm', { days: days ?? '' })}
            description={t('devicesGates.retention.warning')}
            okText={t('devicesGates.retention.save')}
            cancelText={t('common.cancel')}
            disabled={!days || days === r.retentionDays}
            onConfirm={async () => {
              await save.mutateAsync({ streetId: r.streetId, retentionDays: days! });
              void message.success(t('devicesGates.retention.saved'));
            }}
          >
            <Button size="small" disabled={!days || days === r.retentionDays}>
              {t('devicesGates.retention.save')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}

/** 通行记录: who came and went at my compounds (card masked, plate, pass) — every view and export is recorded in the audit log. */
export function MovementsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const rows = useMovements(list.query);
  const places = useMovementPlaces();
  const from = list.filters.from ? dayjs(list.filters.from) : null;
  const to = list.filters.to ? dayjs(list.filters.to) : null;

  const columns: TableColumnsType<MovementRow> = [
    { title: t('devicesGates.col.occurredAt'), dataIndex: 'occurredAt', key: 'occurredAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('devicesGates.col.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    { title: t('devicesGates.col.device'), dataIndex: 'deviceName', key: 'device', sorter: true },
    { title: t('devicesGates.col.movementKind'), dataIndex: 'kind', render: (v: MovementRow['kind']) => t(`devicesGates.movementKind.${v}`) },
    { title: t('devicesGates.col.direction'), dataIndex: 'direction', render: (v: MovementRow['direction']) => (v ? t(`devicesGates.direction.${v}`) : '—') },
    { title: t('devicesGates.col.credential'), dataIndex: 'credentialShown', render: (v: string, r) => (r.credential === 'qr' ? <Tag color="purple">{v}</Tag> : <Typography.Text code>{v}</Typography.Text>) },
    { title: t('devicesGates.col.result'), dataIndex: 'result', key: 'result', sorter: true, render: (v: MovementRow['result']) => (v ? <Tag color={RESULT_COLOR[v]}>{t(`devicesGates.result.${v}`)}</Tag> : '—') },
    { title: t('devicesGates.col.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string) => v || '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesGates.movements.title')}
        extra={
          <ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesGates.movements" run={() => download(`${D}/movements/export.xlsx`, list.query, `${t('devicesGates.movements.title')}.xlsx`)} />
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        intro={
          <Space direction="vertical" size={2}>
            <Typography.Text type="warning">{t('devicesGates.movements.audited')}</Typography.Text>
            <RetentionLine />
          </Space>
        }
        search={{ label: t('devicesGates.movements.search') }}
        selects={[
          { field: 'placeId', label: t('devicesGates.col.place'), options: (places.data ?? []).map((c) => ({ value: c.id, label: c.name })), width: 160 },
          { field: 'kind', label: t('devicesGates.col.movementKind'), options: optionsOf(MOVEMENT_KINDS, (k) => t(`devicesGates.movementKind.${k}`)) },
          { field: 'direction', label: t('devicesGates.col.direction'), options: optionsOf(['in', 'out'] as const, (d) => t(`devicesGates.direction.${d}`)) },
          { field: 'result', label: t('devicesGates.col.result'), options: optionsOf(MOVEMENT_RESULTS, (r) => t(`devicesGates.result.${r}`)) },
        ]}
        empty={{ none: t('devicesGates.movements.none'), noMatch: t('devicesGates.movements.noMatch') }}
      >
        <DatePicker.RangePicker
          aria-label={t('devicesGates.movements.period')}
          value={[from, to]}
          allowEmpty={[true, true]}
          onChange={(r) => {
            const [a, b] = (r ?? [null, null]) as [Dayjs | null, Dayjs | null];
            list.setFilters({ from: a ? a.format('YYYY-MM-DD') : undefined, to: b ? b.format('YYYY-MM-DD') : undefined });
          }}
        />
      </ListCard>
    </>
  );
}
