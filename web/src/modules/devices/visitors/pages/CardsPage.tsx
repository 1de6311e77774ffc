import { Button, Form, Input, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_STATUSES } from '#server/modules/devices/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { RemoteSelect } from '../../../../workbench/components/RemoteSelect.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CardRow, fetchRooms, useCards, useCompounds, useIssueCard, useRevokeCard } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q', 'status'] as const;

/** 门禁卡: the access cards the property company issued to rooms; issue one, revoke one (confirmed). */
export function CardsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const rows = useCards({ ...list.query, placeId: scope?.id });
  const compounds = useCompounds();
  const manageable = (compounds.data ?? []).filter((c) => c.canManage);
  const revoke = useRevokeCard();
  const [issuing, setIssuing] = useState(false);

  const columns: TableColumnsType<CardRow> = [
    { title: t('devicesVisitors.cards.cardNo'), dataIndex: 'cardNo', sorter: true, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('devicesVisitors.cards.compound'), dataIndex: 'compoundName' },
    { title: t('devicesVisitors.cards.room'), dataIndex: 'roomLabel', key: 'room', sorter: true },
    { title: t('devicesVisitors.cards.holder'), dataIndex: 'holderName', render: (v: string) => v || '—' },
    { title: t('devicesVisitors.cards.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDate(v) },
    { title: t('devicesVisitors.cards.status'), dataIndex: 'status', render: (s: CardRow['status']) => <Tag color={s === 'active' ? 'success' : 'default'}>{t(`devicesVisitors.cardStatus.${s}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'active' && manageable.some((c) => c.id === r.placeId) ? (
          <Popconfirm title={t('devicesVisitors.cards.revokeConfirm', { cardNo: r.cardNo })} okText={t('devicesVisitors.cards.revoke')} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutateAsync(r.id)}>
            <Button size="small" danger>
              {t('devicesVisitors.cards.revoke')}
            </Button>
          </Popconfirm>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devicesVisitors.cards.title')}
        tags={<ScopeNote />}
        extra={
          manageable.length > 0 && (
            <Button type="primary" onClick={() => setIssuing(true)}>
              {t('devicesVisitors.cards.issue')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        empty={{ none: t('devicesVisitors.cards.none'), noMatch: t('devicesVisitors.cards.noMatch') }}
        search={{ label: t('devicesVisitors.cards.search') }}
        selects={[{ field: 'status', label: t('devicesVisitors.cards.status'), options: optionsOf(CARD_STATUSES, (s) => t(`devicesVisitors.cardStatus.${s}`)) }]}
      />
      {issuing && <IssueModal compounds={manageable} onClose={() => setIssuing(false)} />}
    </>
  );
}

interface IssueValues {
  compoundId: string;
  roomId: string;
  cardNo: string;
  holderName: string;
}

function IssueModal({ compounds, onClose }: { compounds: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueCard();
  const [compoundId, setCompoundId] = useState(compounds[0]?.id ?? '');
  return (
    <FormModal<IssueValues>
      title={t('devicesVisitors.cards.issue')}
      open
      onClose={onClose}
      initialValues={{ compoundId, holderName: '' }}
      submit={(v) => issue.mutateAsync({ ...v, holderName: v.holderName ?? '' })}
      fieldForCode={{ CARD_TAKEN: 'cardNo', ROOM_NOT_IN_COMPOUND: 'roomId' }}
    >
      <Form.Item name="compoundId" label={t('devicesVisitors.cards.compound')} rules={[{ required: true }]}>
        <Select options={compounds.map((c) => ({ value: c.id, label: c.name }))} onChange={(v: string) => setCompoundId(v)} />
      </Form.Item>
      <Form.Item name="roomId" label={t('devicesVisitors.cards.room')} rules={[{ required: true, message: t('devicesVisitors.cards.roomRequired') }]}>
        <RemoteSelect
          queryKey={['devices', 'visitors', 'rooms', compoundId]}
          search={async (q) => (await fetchRooms(compoundId, q)).map((r) => ({ value: r.id, label: r.label }))}
          placeholder={t('devicesVisitors.cards.roomSearch')}
        />
      </Form.Item>
      <Form.Item name="cardNo" label={t('devicesVisitors.cards.cardNo')} extra={t('devicesVisitors.cards.cardNoHint')} rules={[{ required: true, pattern: /^[0-9A-Fa-f]{6,20}$/, message: t('devicesVisitors.cards.cardNoHint') }]}>
        <Input maxLength={20} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name="holderName" label={t('devicesVisitors.cards.holder')}>
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
