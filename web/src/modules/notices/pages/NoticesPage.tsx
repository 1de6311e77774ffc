import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NOTICE_CATEGORIES, NOTICE_FILTER_STATUSES } from '#server/modules/notices/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type Notice, useNotices } from '../api.ts';
import { CategoryTag, NoticeStatusTag, PinnedMark, ReadProgress, validityText } from '../components/labels.tsx';

const FILTERS = ['q', 'category', 'status'] as const;
/** Roles that publish notices (the server decides for each place; this only hides a button nobody could use). */
const PUBLISHERS = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff'];

/** 公告: the notices of the chosen scope, pinned first unless sorted otherwise, with their read counts. */
export function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const notices = useNotices({ ...list.query, placeId: scope?.id });
  const mayPublish = useSignedIn().roles.some((r) => PUBLISHERS.includes(r.role));

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notice.title'),
      dataIndex: 'title',
      sorter: true,
      render: (title: string, n) => (
        <span style={{ display: 'inline-block', maxWidth: 360 }}>
          {n.pinned && <PinnedMark />}
          <Link to={`/notices/${n.id}`}>{title}</Link>
          <div className="gz-muted">{n.issuer}</div>
        </span>
      ),
    },
    { title: t('notice.categoryLabel'), dataIndex: 'category', sorter: true, render: (c: Notice['category']) => <CategoryTag category={c} /> },
    { title: t('notice.place'), dataIndex: 'placeLabel', key: 'place', sorter: true, render: (label: string | null, n) => label ?? n.placeName },
    { title: t('notice.statusLabel'), dataIndex: 'effectiveStatus', render: (s: Notice['effectiveStatus']) => <NoticeStatusTag status={s} /> },
    { title: t('notice.validity'), key: 'validFrom', sorter: true, render: (_: unknown, n) => validityText(t, n) },
    { title: t('notice.reads'), key: 'reads', render: (_: unknown, n) => <ReadProgress notice={n} compact /> },
    { title: t('notice.publishedAt'), dataIndex: 'publishedAt', sorter: true, render: (d: string | null) => (d ? formatDateTime(d) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('notice.list')}
        tags={<ScopeNote otherwise={t('notice.listHint')} />}
        extra={
          mayPublish && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notices/new')}>
              {t('notice.create')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        query={notices}
        columns={columns}
        empty={{ none: t('notice.noneHint'), noMatch: t('notice.noMatch') }}
        search={{ label: t('notice.search'), width: 280 }}
        selects={[
          { field: 'category', label: t('notice.filterCategory'), options: optionsOf(NOTICE_CATEGORIES, (c) => t(`notice.category.${c}`)), width: 140 },
          { field: 'status', label: t('notice.filterStatus'), options: optionsOf(NOTICE_FILTER_STATUSES, (s) => t(`notice.status.${s}`)), width: 140 },
        ]}
      />
    </>
  );
}
