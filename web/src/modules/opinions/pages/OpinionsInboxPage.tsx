import { LockOutlined } from '@ant-design/icons';
import { Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADDRESSEES, OPINION_FILTER_STATUSES, OPINION_KINDS, VISIBILITIES } from '#server/modules/opinions/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type OpinionRow, useInbox } from '../api.ts';
import { OpinionKindTag, OpinionStatusTag, RatingStars, VisibilityTag } from '../components/labels.tsx';
import { EXPORT_LIMIT, exportOpinionsXlsx } from '../export-opinions.ts';

const FILTERS = ['q', 'visibility', 'addressee', 'status', 'kind'] as const;

/** 意见征集: the opinions inbox of the chosen scope, with filters, paging and export. */
export function OpinionsInboxPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const inbox = useInbox({ ...list.query, placeId: scope?.id });
  const total = inbox.data?.total ?? 0;
  const filtered = Object.values(list.filters).some(Boolean);


  const select = (key: (typeof FILTERS)[number], label: string, values: readonly string[], prefix: string, width = 150) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      value={list.filters[key]}
      onChange={(v?: string) => list.setFilters({ [key]: v })}
      options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))}
      style={{ width }}
    />
  );

  const columns: TableColumnsType<OpinionRow> = [
    {
      title: t('opinion.title'),
      dataIndex: 'title',
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
    { title: t('opinion.kindLabel'), dataIndex: 'kind', render: (k: OpinionRow['kind']) => <OpinionKindTag kind={k} /> },
    { title: t('opinion.visibilityLabel'), dataIndex: 'visibility', render: (v: OpinionRow['visibility']) => <VisibilityTag visibility={v} /> },
    { title: t('opinion.addresseeLabel'), dataIndex: 'addressee', render: (a: OpinionRow['addressee'], o) => o.addresseeName ?? t(`opinion.addressee.${a}`) },
    {
      title: t('opinion.compound'),
      dataIndex: 'compoundName',
      render: (c: string, o) => (
        <>
          {c}
          {o.roomLabel && <div className="gz-muted">{o.roomLabel}</div>}
        </>
      ),
    },
    { title: t('opinion.author'), dataIndex: 'authorName' },
    { title: t('opinion.meTooShort'), dataIndex: 'meTooCount', align: 'right' },
    { title: t('opinion.statusLabel'), key: 'status', render: (_: unknown, o) => <OpinionStatusTag opinion={o} /> },
    { title: t('opinion.rating'), dataIndex: 'rating', render: (r: number | null, o) => (o.answeredAt ? <RatingStars rating={r} /> : '—') },
    { title: t('opinion.postedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
  ];

  return (
    <>
      <PageHeader
        title={t('opinion.inbox')}
        tags={<Typography.Text type="secondary">{scope ? t('scope.within', { name: scope.name }) : t('opinion.inboxHint')}</Typography.Text>}
        extra={
          <ExportButton
            total={total}
            limit={EXPORT_LIMIT}
            i18nPrefix="opinion"
            run={(progress) => exportOpinionsXlsx({ ...list.filters, placeId: scope?.id }, t, progress)}
          />
        }
      />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar">
          <SearchInput list={list} label={t('opinion.search')} width={280} />
          {select('visibility', t('opinion.filterVisibility'), VISIBILITIES, 'opinion.visibilityShort', 120)}
          {select('addressee', t('opinion.filterAddressee'), ADDRESSEES, 'opinion.addressee', 160)}
          {select('status', t('opinion.filterStatus'), OPINION_FILTER_STATUSES, 'opinion.status', 130)}
          {select('kind', t('opinion.filterKind'), OPINION_KINDS, 'opinion.kind', 120)}
        </Flex>
        <ListTable query={inbox} list={list} columns={columns} rowKey="id" emptyText={filtered ? t('opinion.noMatch') : t('opinion.none')} />
      </Card>
    </>
  );
}
