import { Button, Tag, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type QueueEntry, useQueueVerdict, useVettingQueue } from '../api.ts';
import { VerdictModal, type VerdictTarget } from '../components/VerdictModal.tsx';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** 候选人联审: the candidates of the street's elections waiting for a verdict from a department I review for. */
export function VettingQueuePage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const queue = useVettingQueue(list.query);
  const give = useQueueVerdict();
  const [target, setTarget] = useState<VerdictTarget | null>(null);

  const columns: TableColumnsType<QueueEntry> = [
    {
      title: t('decisionsElection.field.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, r) => (
        <span>
          {name} {r.partyMember && <Tag color="red">{t('decisionsElection.card.party')}</Tag>}
        </span>
      ),
    },
    { title: t('decisionsElection.field.room'), dataIndex: 'roomLabel' },
    { title: t('decisionsElection.queue.compound'), dataIndex: 'compoundLabel' },
    { title: t('decisionsElection.queue.election'), key: 'decision', dataIndex: 'decisionTitle', sorter: true, ellipsis: true, render: (v: string, r) => <Link to={`/decisions/${r.decisionId}`}>{v}</Link> },
    { title: t('decisionsElection.queue.department'), dataIndex: 'departmentName' },
    { title: t('decisionsElection.field.round'), dataIndex: 'round', width: 70, render: (n: number) => t('decisionsElection.card.round', { n }) },
    { title: t('decisionsElection.queue.consentAt'), dataIndex: 'consentAt', sorter: true, render: (v: string | null) => formatDateTime(v) },
    {
      title: t('decisionsElection.card.actions'),
      key: 'vet',
      width: 90,
      render: (_, r) => (
        <Button
          type="primary"
          size="small"
          onClick={() => setTarget({ decisionId: r.decisionId, candidateId: r.candidateId, name: r.name, departmentId: r.departmentId, departmentName: r.departmentName, roomLabel: r.roomLabel, statement: r.statement, round: r.round })}
          aria-label={`${t('decisionsElection.queue.vet')} ${r.name}（${r.departmentName}）`}
        >
          {t('decisionsElection.queue.vet')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('decisionsElection.queue.title')} />
      <ListCard
        list={list}
        query={queue}
        columns={columns}
        rowKey="key"
        intro={<Typography.Paragraph type="secondary">{t('decisionsElection.queue.intro')}</Typography.Paragraph>}
        empty={{ none: t('decisionsElection.queue.none'), noMatch: t('decisionsElection.queue.noMatch') }}
        search={{ label: t('decisionsElection.queue.search'), width: 280 }}
      />
      {target && <VerdictModal target={target} onClose={() => setTarget(null)} send={(body) => give.mutateAsync(body)} />}
    </>
  );
}
