import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NOTICE_CATEGORIES, NOTICE_FILTER_STATUSES } from '#server/modules/notices/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type Notice, useNotices } from '../api.ts';
import { CategoryTag, NoticeStatusTag, PinnedMark, ReadProgress, validityText } from '../components/labels.tsx';

const FILTERS = ['q', 'category', 'status'] as const;
/** Roles that publish notices (the server decides for each place; this only hides a button nobody could use). */
const PUBLISHERS = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff'];

/** 公告: the notices of the chosen scope, pinned first, with their read counts. */
export function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const notices = useNotices({ ...list.query, placeId: scope?.id });
  const filtered = Object.values(list.filters).some(Boolean);
  const mayPublish = useSignedIn().roles.some((r) => PUBLISHERS.includes(r.role));

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notice.title'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <span style={{ display: 'inline-block', maxWidth: 360 }}>
          {n.pinned && <PinnedMark />}
          <Link to={`/notices/${n.id}`}>{title}</Link>
          <div className="gz-muted">{n.issuer}</div>
        </span>
      ),
    },
    { title: t('notice.categoryLabel'), dataIndex: 'category', render: (c: Notice['category']) => <CategoryTag category={c} /> },
    { title: t('notice.place'), dataIndex: 'placeLabel', render: (label: string | null, n) => label ?? n.placeName },
    { title: t('notice.statusLabel'), dataIndex: 'effectiveStatus', render: (s: Notice['effectiveStatus']) => <NoticeStatusTag status={s} /> },
    { title: t('notice.validity'), key: 'validity', render: (_: unknown, n) => validityText(t, n) },
    { title: t('notice.reads'), key: 'reads', render: (_: unknown, n) => <ReadProgress notice={n} compact /> },
    { title: t('notice.publishedAt'), dataIndex: 'publishedAt', render: (d: string | null) => (d ? formatDateTime(d) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('notice.list')}
        tags={<Typography.Text type="secondary">{scope ? t('scope.within', { name: scope.name }) : t('notice.listHint')}</Typography.Text>}
        extra={
          mayPublish && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notices/new')}>
              {t('notice.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar">
          <SearchInput list={list} label={t('notice.search')} width={280} />
          <Select
            aria-label={t('notice.filterCategory')}
            placeholder={t('notice.filterCategory')}
            allowClear
            value={list.filters.category}
            onChange={(v?: string) => list.setFilters({ category: v })}
            options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: t(`notice.category.${c}`) }))}
            style={{ width: 140 }}
          />
          <Select
            aria-label={t('notice.filterStatus')}
            placeholder={t('notice.filterStatus')}
            allowClear
            value={list.filters.status}
            onChange={(v?: string) => list.setFilters({ status: v })}
            options={NOTICE_FILTER_STATUSES.map((s) => ({ value: s, label: t(`notice.status.${s}`) }))}
            style={{ width: 140 }}
          />
        </Flex>
        <ListTable query={notices} list={list} columns={columns} rowKey="id" emptyText={filtered ? t('notice.noMatch') : t('notice.noneHint')} />
      </Card>
    </>
  );
}
