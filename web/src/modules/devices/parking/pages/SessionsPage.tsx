import { Alert, Button, Form, Input, Radio, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEE_STATUSES } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { download, P, type SessionRow, useSessions, useSettle, yuan } from '../api.ts';
import { FeeTag, useCompoundOptions } from '../components/shared.tsx';

const FILTERS = ['q', 'placeId', 'status'] as const;

/** 临时停车: visitors' and unknown vehicles' stays with their minutes and fees — search, filter, sort, page, export; a due fee marked paid or waived with a note. */
export function SessionsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const rows = useSessions(list.query);
  const compounds = useCompoundOptions();
  const [settling, setSettling] = useState<SessionRow | null>(null);

  const columns: TableColumnsType<SessionRow> = [
    { title: t('devicesParking.col.place'), dataIndex: 'placeName', key: 'place', sorter: true },
    { title: t('devicesParking.col.plate'), dataIndex: 'plate', key: 'plate', sorter: true, render: (v: string, r) => (r.visitorName ? `${v}（${r.visitorName}）` : v) },
    { title: t('devicesParking.col.enteredAt'), dataIndex: 'enteredAt', key: 'enteredAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('devicesParking.col.exitedAt'), dataIndex: 'exitedAt', key: 'exitedAt', sorter: true, render: (v: string | null) => formatDateTime(v) || t('devicesParking.sessions.inside') },
    { title: t('devicesParking.col.minutes'), dataIndex: 'minutes', align: 'right' },
    { title: t('devicesParking.col.fee'), dataIndex: 'feeFen', key: 'fee', sorter: true, align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('devicesParking.col.feeStatus'), dataIndex: 'feeStatus', render: (v: SessionRow['feeStatus']) => <FeeTag status={v} /> },
    { title: t('devicesParking.col.note'), dataIndex: 'feeNote', ellipsis: true, render: (v: string, r) => (v ? `${v}（${r.settledByName}）` : '—') },
    {
      title: t('devicesParking.col.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        r.feeStatus === 'due' ? (
          <Button size="small" type="link" onClick={() => setSettling(r)}>
            {t('devicesParking.sessions.settle')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesParking.sessions.title')}
        extra={<ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="devicesParking.sessions" run={() => download(`${P}/sessions/export.xlsx`, list.query, `${t('devicesParking.sessions.title')}.xlsx`)} />}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('devicesParking.sessions.help')} />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('devicesParking.sessions.search') }}
        selects={[
          { field: 'placeId', label: t('devicesParking.compound'), options: compounds, width: 180 },
          { field: 'status', label: t('devicesParking.col.feeStatus'), options: optionsOf(FEE_STATUSES, (s) => t(`devicesParking.fee.${s}`)) },
        ]}
        empty={{ none: t('devicesParking.sessions.none'), noMatch: t('devicesParking.sessions.noMatch') }}
      />
      {settling && <SettleModal session={settling} onClose={() => setSettling(null)} />}
    </>
  );
}

function SettleModal({ session, onClose }: { session: SessionRow; onClose: () => void }) {
  const { t } = useTranslation();
  const settle = useSettle();
  return (
    <FormModal<{ status: 'paid' | 'waived'; note: string }>
      title={t('devicesParking.sessions.settleTitle', { plate: session.plate, fee: yuan(session.feeFen) })}
      open
      onClose={onClose}
      initialValues={{ status: 'paid' }}
      submit={(v) => settle.mutateAsync({ id: session.id, ...v })}
    >
      <Form.Item name="status" label={t('devicesParking.col.feeStatus')} rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'paid', label: t('devicesParking.fee.paid') }, { value: 'waived', label: t('devicesParking.fee.waived') }]} />
      </Form.Item>
      <Form.Item name="note" label={t('devicesParking.col.note')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea maxLength={200} showCount rows={3} placeholder={t('devicesParking.sessions.notePlaceholder')} />
      </Form.Item>
      <Space />
    </FormModal>
  );
}
