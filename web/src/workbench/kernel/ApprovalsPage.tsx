import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useListParams } from '../../shared/list-params.ts';
import { useSignedIn } from '../../shared/session.ts';
import { optionsOf, StatusSwitch } from '../components/FilterBar.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { type Approval, useApprovals, useDecideApproval } from './api.ts';

const FILTERS = ['status'] as const;
const STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;
const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;
/** Approval kinds are dotted codes (registry.owner_change); translation keys use underscores. */
const kindKey = (kind: string) => kind.replaceAll('.', '_');

type Decision = { approval: Approval; decision: 'approve' | 'reject' };

/** Requests waiting for a second approver: owner changes and deletions, with their consequences. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const status = list.filters.status ?? 'pending';
  const approvals = useApprovals({ ...list.query, status: status === 'all' ? undefined : status });
  const [deciding, setDeciding] = useState<Decision | null>(null);

  const columns: TableColumnsType<Approval> = [
    { title: t('approval.requestedAt'), dataIndex: 'requestedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('approval.summary'), dataIndex: 'summary' },
    { title: t('approval.kindLabel'), dataIndex: 'kind', sorter: true, render: (k: string) => t(`approval.kind.${kindKey(k)}`, { defaultValue: k }) },
    { title: t('approval.place'), dataIndex: 'placeLabel', render: (v: string | null, a: { placeName: string | null }) => v ?? a.placeName ?? '—' },
    { title: t('approval.requestedBy'), dataIndex: 'requestedBy' },
    {
      title: t('approval.statusLabel'),
      dataIndex: 'status',
      sorter: true,
      render: (s: Approval['status'], a) => (
        <Tooltip
          title={
            a.decidedBy
              ? t('approval.decidedBy', { name: a.decidedBy, at: formatDateTime(a.decidedAt), note: a.decisionNote ?? '' })
              : undefined
          }
        >
          <Tag color={STATUS_COLOR[s]}>{t(`approval.status.${s}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) =>
        a.status === 'pending' && <DecisionButtons approval={a} mine={a.requestedById === me.account.id} onDecide={setDeciding} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.approvals')} />
      <ListCard list={list} query={approvals} columns={columns} empty={status === 'pending' ? t('approval.nonePending') : t('approval.none')}>
        <StatusSwitch list={list} field="status" label={t('approval.statusLabel')} options={optionsOf(STATUSES, (s) => t(`approval.status.${s}`))} />
      </ListCard>
      {deciding && <DecisionModal key={deciding.approval.id + deciding.decision} {...deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function DecisionButtons({ approval, mine, onDecide }: { approval: Approval; mine: boolean; onDecide: (d: Decision) => void }) {
  const { t } = useTranslation();
  const buttons = (
    <Flex gap={8}>
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        disabled={mine}
        onClick={() => onDecide({ approval, decision: 'approve' })}
      >
        {t('approval.approve')}
      </Button>
      <Button size="small" danger icon={<CloseOutlined />} disabled={mine} onClick={() => onDecide({ approval, decision: 'reject' })}>
        {t('approval.reject')}
      </Button>
    </Flex>
  );
  // The server refuses self-approval; say why before the user tries.
  return mine ? <Tooltip title={t('approval.notYourOwn')}>{buttons}</Tooltip> : buttons;
}

function DecisionModal({ approval, decision, onClose }: Decision & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideApproval();
  const approve = decision === 'approve';
  return (
    <FormModal<{ note?: string }>
      title={approve ? t('approval.confirmApprove') : t('approval.confirmReject')}
      open
      onClose={onClose}
      okText={approve ? t('approval.approve') : t('approval.reject')}
      submit={async ({ note }) => {
        await decide.mutateAsync({ id: approval.id, decision, note: note?.trim() || undefined });
        void message.success(approve ? t('approval.approved') : t('approval.rejected'));
      }}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'summary', label: t('approval.summary'), children: approval.summary },
          { key: 'place', label: t('approval.place'), children: approval.placeLabel ?? approval.placeName ?? '—' },
          {
            key: 'by',
            label: t('approval.requestedBy'),
            children: `${approval.requestedBy ?? ''} · ${formatDateTime(approval.requestedAt)}`,
          },
        ]}
      />
      <Alert
        type={approve ? 'warning' : 'info'}
        showIcon
        title={t(`approval.consequence.${approve ? 'approve' : 'reject'}.${kindKey(approval.kind)}`, {
          defaultValue: t(`approval.consequence.${approve ? 'approve' : 'reject'}.default`),
        })}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph type="secondary">{t('approval.audited')}</Typography.Paragraph>
      <Form.Item name="note" label={t('approval.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} showCount maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
