import { PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Result, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type DecisionRow, mayDecisions, STATUSES, useDecisions } from '../api.ts';
import { CreateDecisionModal } from '../components/CreateDecisionModal.tsx';
import { NewElevatorButton } from '../elevator/NewElevatorButton.tsx';
import { EXPORT_LIMIT, exportDecisionsXlsx } from '../components/export-decisions.ts';
import { StatusTag } from '../components/labels.tsx';
import { CreateElectionButton, KIND_FILTER, kindColumn, useKindSelect } from '../election/components/decisions-list.tsx';

const FILTERS = ['q', 'status', KIND_FILTER] as const;

/** 业主表决: the decisions in the workbench's scope, newest first; search, status, sort, export; a new draft. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const filter = { ...list.query, placeId: scope?.id };
  const decisions = useDecisions(filter);
  const [creating, setCreating] = useState(false);
  const kindSelect = useKindSelect();
  const total = decisions.data?.total ?? 0;
  // The property company sees nothing of decisions: say so rather than show an empty list.
  if (!mayDecisions(me, 'read')) return <Result status="403" title={t('decisions.noAccess')} />;

  const columns: TableColumnsType<DecisionRow> = [
    { title: t('decisions.field.title'), dataIndex: 'title', sorter: true, width: 240, ellipsis: true, render: (v: string, d) => <Link to={`/decisions/${d.id}`} title={v}>{v}</Link> },
    kindColumn(t),
    { title: t('decisions.field.place'), key: 'place', sorter: true, render: (_, d) => d.placeLabel },
    { title: t('decisions.field.status'), dataIndex: 'status', sorter: true, render: (_, d) => <StatusTag status={d.status} /> },
    {
      title: t('decisions.field.period'),
      key: 'closesAt',
      sorter: true,
      render: (_, d) =>
        d.opensAt ? (
          <span>
            {formatDate(d.opensAt)} – {formatDate(d.closesAt)}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('decisions.list.notStarted')}</Typography.Text>
        ),
    },
    {
      title: t('decisions.field.ballots'),
      key: 'ballots',
      width: 160,
      render: (_, d) =>
        d.totalHeads ? (
          <Progress
            size="small"
            percent={Math.floor(((d.ballots ?? 0) * 100) / d.totalHeads)}
            format={() => `${d.ballots ?? 0}/${d.totalHeads}`}
            aria-label={`${t('decisions.field.ballots')} ${d.ballots ?? 0}/${d.totalHeads}`}
          />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('decisions.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.decisions')}
        tags={<ScopeNote />}
        extra={
          <>
            <ExportButton
              total={total}
              limit={EXPORT_LIMIT}
              i18nPrefix="decisions.list"
              run={(progress) => exportDecisionsXlsx({ ...list.filters, ...list.sorting, placeId: filter.placeId }, t, progress)}
            />
            {mayDecisions(me, 'organise') && <NewElevatorButton />}
            {mayDecisions(me, 'organise') && <CreateElectionButton />}
            {mayDecisions(me, 'organise') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('decisions.list.create')}
              </Button>
            )}
          </>
        }
      />
      <ListCard
        list={list}
        query={decisions}
        columns={columns}
        empty={{ none: t('decisions.list.none'), noMatch: t('decisions.list.noMatch') }}
        search={{ label: t('decisions.list.search'), width: 280 }}
        selects={[{ field: 'status', label: t('decisions.list.statusFilter'), options: optionsOf(STATUSES, (s) => t(`decisions.status.${s}`)) }, kindSelect]}
      />
      <CreateDecisionModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
