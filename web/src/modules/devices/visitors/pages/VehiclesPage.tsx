import { App, Button, Form, Input, Modal, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEHICLE_STATUSES } from '#server/modules/devices/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { D, download, useReview, useVehicles, type VehicleRow } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q', 'status'] as const;
export const VEHICLE_STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'error', removed: 'default' } as const;

/** 车辆审核: residents' vehicles registered on the H5; the property company approves or rejects (with a reason), the street reads. */
export function VehiclesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const rows = useVehicles(query);
  const [reviewing, setReviewing] = useState<{ row: VehicleRow; decision: 'approve' | 'reject' } | null>(null);

  const columns: TableColumnsType<VehicleRow> = [
    { title: t('devicesVisitors.vehicles.plate'), dataIndex: 'plate', sorter: true, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('devicesVisitors.vehicles.compound'), dataIndex: 'compoundName' },
    { title: t('devicesVisitors.vehicles.room'), dataIndex: 'roomLabel', sorter: true, key: 'room' },
    { title: t('devicesVisitors.vehicles.kind'), dataIndex: 'kind', render: (k: VehicleRow['kind']) => t(`devicesVisitors.kind.${k}`) },
    { title: t('devicesVisitors.vehicles.addedBy'), dataIndex: 'addedByName', render: (v: string) => v || '—' },
    { title: t('devicesVisitors.vehicles.note'), dataIndex: 'note', render: (v: string) => v || '—' },
    { title: t('devicesVisitors.vehicles.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDate(v) },
    {
      title: t('devicesVisitors.vehicles.status'),
      dataIndex: 'status',
      sorter: true,
      render: (s: VehicleRow['status'], r) => (
        <Tooltip title={r.reviewedAt ? `${formatDateTime(r.reviewedAt)}${r.reviewNote ? ` · ${r.reviewNote}` : ''}` : undefined}>
          <Tag color={VEHICLE_STATUS_COLOR[s]}>{t(`devicesVisitors.vehicleStatus.${s}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.canReview ? (
          <Space>
            <Button size="small" type="primary" onClick={() => setReviewing({ row: r, decision: 'approve' })}>
              {t('devicesVisitors.vehicles.approve')}
            </Button>
            <Button size="small" danger onClick={() => setReviewing({ row: r, decision: 'reject' })}>
              {t('devicesVisitors.vehicles.reject')}
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesVisitors.vehicles.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesVisitors.vehicles" run={() => download(`${D}/vehicles/export.xlsx`, query, `${t('devicesVisitors.vehicles.title')}.xlsx`)} />}
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        empty={{ none: t('devicesVisitors.vehicles.none'), noMatch: t('devicesVisitors.vehicles.noMatch') }}
        intro={<Typography.Paragraph type="secondary">{t('devicesVisitors.vehicles.hint')}</Typography.Paragraph>}
        search={{ label: t('devicesVisitors.vehicles.search') }}
        selects={[{ field: 'status', label: t('devicesVisitors.vehicles.status'), options: optionsOf(VEHICLE_STATUSES, (s) => t(`devicesVisitors.vehicleStatus.${s}`)) }]}
      />
      {reviewing && <ReviewModal key={reviewing.row.id} {...reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}

/** The confirmation of a review: approving opens the barrier to the plate; rejecting says why (the resident reads it). */
function ReviewModal({ row, decision, onClose }: { row: VehicleRow; decision: 'approve' | 'reject'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const review = useReview();
  const [note, setNote] = useState('');
  const ok = async () => {
    try {
      await review.mutateAsync({ id: row.id, decision, note: note.trim() });
      message.success(t(decision === 'approve' ? 'devicesVisitors.vehicles.approved' : 'devicesVisitors.vehicles.rejected'));
      onClose();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t(decision === 'approve' ? 'devicesVisitors.vehicles.approveTitle' : 'devicesVisitors.vehicles.rejectTitle', { plate: row.plate })}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={t(decision === 'approve' ? 'devicesVisitors.vehicles.approve' : 'devicesVisitors.vehicles.reject')}
      okButtonProps={{ danger: decision === 'reject', disabled: decision === 'reject' && !note.trim(), loading: review.isPending }}
    >
      <Typography.Paragraph>{t('devicesVisitors.vehicles.reviewFacts', { plate: row.plate, room: `${row.compoundName} ${row.roomLabel}`, name: row.addedByName || '—' })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t(decision === 'approve' ? 'devicesVisitors.vehicles.noteOptional' : 'devicesVisitors.vehicles.reason')} required={decision === 'reject'}>
          <Input.TextArea rows={3} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
