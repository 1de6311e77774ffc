import { App, Button, Form, Input, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_BOOKING_STATUSES } from '#server/modules/grid/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type Booking, useBookings, useDecideBooking, usePoints } from '../api.ts';
import { BookingStatusTag } from '../components/labels.tsx';

const FILTERS = ['status', 'pointId'] as const;

/** 预约: residents' bookings at a point or of a home visit, by day; the point's staff confirm or decline them (with a reason). */
export function BookingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useListParams(FILTERS);
  const bookings = useBookings(list.query);
  const points = usePoints();
  const decide = useDecideBooking();
  const [declining, setDeclining] = useState<Booking | null>(null);

  const confirm = (b: Booking) =>
    modal.confirm({
      title: t('gridAgency.bookings.confirmTitle'),
      content: t('gridAgency.bookings.confirmContent', { name: b.personName, day: formatDate(b.day), slot: t(`gridAgency.slot.${b.slot}`) }),
      okText: t('gridAgency.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await decide.mutateAsync({ id: b.id, confirm: true });
          void message.success(t('gridAgency.bookings.confirmed'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  const columns: TableColumnsType<Booking> = [
    { title: t('gridAgency.bookings.day'), dataIndex: 'day', key: 'day', sorter: true, render: (v: string, r) => `${formatDate(v)} ${t(`gridAgency.slot.${r.slot}`)}` },
    { title: t('gridAgency.bookings.kind'), dataIndex: 'kind', render: (v: Booking['kind']) => t(`gridAgency.bookingKind.${v}`) },
    { title: t('gridAgency.bookings.person'), dataIndex: 'personName' },
    { title: t('gridAgency.col.service'), dataIndex: 'serviceName', render: (v: string | null) => v ?? '—' },
    { title: t('gridAgency.col.point'), dataIndex: 'pointName' },
    { title: t('gridAgency.bookings.note'), dataIndex: 'note', render: (v: string) => v || '—' },
    { title: t('gridAgency.col.status'), dataIndex: 'status', render: (v: Booking['status'], r) => (
        <>
          <BookingStatusTag status={v} />
          {r.declineReason && <div style={{ color: 'rgba(0,0,0,0.55)' }}>{r.declineReason}</div>}
        </>
      ) },
    { title: t('gridAgency.bookings.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        r.canDecide && (
          <Space>
            <Button type="primary" size="small" onClick={() => confirm(r)}>
              {t('gridAgency.bookings.confirm')}
            </Button>
            <Button size="small" onClick={() => setDeclining(r)}>
              {t('gridAgency.bookings.decline')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('gridAgency.bookings.title')} />
      <ListCard
        list={list}
        query={bookings}
        columns={columns}
        selects={[
          { field: 'status', label: t('gridAgency.col.status'), options: optionsOf(AGENCY_BOOKING_STATUSES, (s) => t(`gridAgency.bookingStatus.${s}`)) },
          (points.data?.items.length ?? 0) > 1 && { field: 'pointId', label: t('gridAgency.col.point'), options: (points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), width: 220 },
        ]}
        empty={{ none: t('gridAgency.bookings.none'), noMatch: t('gridAgency.bookings.noMatch') }}
      />
      {declining && (
        <FormModal<{ reason: string }>
          title={t('gridAgency.bookings.declineTitle')}
          open
          okText={t('gridAgency.bookings.decline')}
          onClose={() => setDeclining(null)}
          submit={(v) => decide.mutateAsync({ id: declining.id, confirm: false, reason: v.reason })}
        >
          <Form.Item name="reason" label={t('gridAgency.bookings.declineReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
