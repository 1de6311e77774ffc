import { LockOutlined } from '@ant-design/icons';
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADDRESSEES, OPINION_FILTER_STATUSES, OPINION_KINDS, VISIBILITIES } from '#server/modules/opinions/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type OpinionRow, useInbox } from '../api.ts';
import { OpinionKindTag, OpinionStatusTag, RatingStars, VisibilityTag } from '../components/labels.tsx';
import { EXPORT_LIMIT, exportOpinionsXlsx } from '../export-opinions.ts';

const FILTERS = ['q', 'visibility', 'addressee', 'status', 'kind'] as const;

/** 意见征集: the opinions inbox of the chosen scope, with filters, sorting, paging and export. */
export function OpinionsInboxPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const inbox = useInbox({ ...list.query, placeId: scope?.id });
  const total = inbox.data?.total ?? 0;

  const columns: TableColumnsType<OpinionRow> = [
    {
      title: t('opinion.title'),
      dataIndex: 'title',
      sorter: true,
      render: (title: string, o) => (
        <Flex vertical gap={2} style={{ maxWidth: 360 }}>
          <Link to={`/opinions/${o.id}`}>
            {o.visibility === 'private' && <LockOutlined aria-label={t('opinion.visibilityShort.private')} style={{ marginInlineEnd: 4 }} />}
            {title}
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 360 }}>
            {o.body}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('opinion.kindLabel'), dataIndex: 'kind', sorter: true, render: (k: OpinionRow['kind']) => <OpinionKindTag kind={k} /> },
    { title: t('opinion.visibilityLabel'), dataIndex: 'visibility', sorter: true, render: (v: OpinionRow['visibility']) => <VisibilityTag visibility={v} /> },
    {
      title: t('opinion.addresseeLabel'),
      dataIndex: 'addressee',
      sorter: true,
      render: (a: OpinionRow['addressee'], o) => o.addresseeName ?? t(`opinion.addressee.${a}`),
    },
    {
      title: t('opinion.compound'),
      dataIndex: 'compoundName',
      sorter: true,
      render: (c: string, o) => (
        <>
          {c}
          {o.roomLabel && <div className="gz-muted">{o.roomLabel}</div>}
        </>
      ),
    },
    {
      title: t('opinion.author'),
      dataIndex: 'authorName',
      render: (v: string, r) => (
        <>
          {v}
          {r.authorPartyBadge && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('opinion.partyBadge')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('opinion.meTooShort'), dataIndex: 'meTooCount', align: 'right' },
    { title: t('opinion.statusLabel'), key: 'status', sorter: true, render: (_: unknown, o) => <OpinionStatusTag opinion={o} /> },
    { title: t('opinion.rating'), dataIndex: 'rating', sorter: true, render: (r: number | null, o) => (o.answeredAt ? <RatingStars rating={r} /> : '—') },
    { title: t('opinion.postedAt'), dataIndex: 'createdAt', sorter: true, render: (d: string) => formatDateTime(d) },
  ];

  return (
    <>
      <PageHeader
        title={t('opinion.inbox')}
        tags={<ScopeNote otherwise={t('opinion.inboxHint')} />}
        extra={
          <ExportButton
            total={total}
            limit={EXPORT_LIMIT}
            i18nPrefix="opinion"
            run={(progress) => exportOpinionsXlsx({ ...list.filters, ...list.sorting, placeId: scope?.id }, t, progress)}
          />
        }
      />
      <ListCard
        list={list}
        query={inbox}
        columns={columns}
        empty={{ none: t('opinion.none'), noMatch: t('opinion.noMatch') }}
        search={{ label: t('opinion.search'), width: 280 }}
        selects={[
          { field: 'visibility', label: t('opinion.filterVisibility'), options: optionsOf(VISIBILITIES, (v) => t(`opinion.visibilityShort.${v}`)), width: 120 },
          { field: 'addressee', label: t('opinion.filterAddressee'), options: optionsOf(ADDRESSEES, (a) => t(`opinion.addressee.${a}`)), width: 160 },
          { field: 'status', label: t('opinion.filterStatus'), options: optionsOf(OPINION_FILTER_STATUSES, (s) => t(`opinion.status.${s}`)), width: 130 },
          { field: 'kind', label: t('opinion.filterKind'), options: optionsOf(OPINION_KINDS, (k) => t(`opinion.kind.${k}`)), width: 120 },
        ]}
      />
    </>
  );
}
