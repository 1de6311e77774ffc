import { App, Button, Descriptions, Drawer, Empty, List, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_KINDS } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { StatusSwitch } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type Moderation, useDismiss, useListing, useUnhide, useModeration } from '../api.ts';
import { HideModal } from '../components/HideModal.tsx';
import '../i18n.ts';

const FILTERS = ['q', 'kind', 'state'] as const;
const STATES = ['reported', 'visible', 'hidden', 'all'] as const;

/** 内容审核: the moderation queue — reported listings first, or all, visible or hidden; hide with a reason, unhide, dismiss reports; export. */
export function ModerationPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const state = list.filters.state ?? 'reported';
  const query = { ...list.query, state: state === 'all' ? undefined : state, placeId: scope?.id };
  const queue = useModeration(query);
  const unhide = useUnhide();
  const [hiding, setHiding] = useState<Moderation | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const columns: TableColumnsType<Moderation> = [
    {
      title: t('volBoards.col.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: string, r) => (
        <Button type="link" onClick={() => setOpen(r.id)} style={{ padding: 0 }}>
          {v}
        </Button>
      ),
    },
    { title: t('volBoards.col.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (v: string) => t(`volBoards.kind.${v}`) },
    { title: t('volBoards.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('volBoards.col.owner'), dataIndex: 'ownerName' },
    { title: t('volBoards.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('volBoards.col.reports'),
      dataIndex: 'openReports',
      key: 'openReports',
      sorter: true,
      render: (n: number, r) => (
        <Space direction="vertical" size={0}>
          {n > 0 ? <Tag color="red">{t('volBoards.moderation.openReports', { n })}</Tag> : <span>{t('volBoards.moderation.reportsTotal', { n: r.reports })}</span>}
          {r.lastReason && <Typography.Text type="secondary">{r.lastReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('volBoards.col.state'),
      key: 'state',
      render: (_, r) =>
        r.hidden ? (
          <Space direction="vertical" size={0}>
            <Tag>{t('volBoards.moderation.hidden')}</Tag>
            <Typography.Text type="secondary">{r.hiddenReason}</Typography.Text>
          </Space>
        ) : (
          <Tag color="green">{t(`volBoards.status.${r.status}`)}</Tag>
        ),
    },
    {
      title: t('volBoards.col.actions'),
      key: 'actions',
      render: (_, r) =>
        !r.canModerate ? null : r.hidden ? (
          <Button
            size="small"
            onClick={() =>
              modal.confirm({
                title: t('volBoards.moderation.unhideConfirm', { title: r.title }),
                okText: t('volBoards.moderation.ok'),
                cancelText: t('volBoards.moderation.cancel'),
                onOk: () => unhide.mutateAsync(r.id).then(() => void message.success(t('volBoards.moderation.unhidden'))),
              })
            }
          >
            {t('volBoards.moderation.unhide')}
          </Button>
        ) : (
          <Button size="small" danger onClick={() => setHiding(r)}>
            {t('volBoards.moderation.hide')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('volBoards.moderation.title')}
        tags={<ScopeNote />}
        extra={
          <ExportButton
            total={queue.data?.total ?? 0}
            limit={20000}
            i18nPrefix="volBoards.moderation"
            run={() => download('/api/volunteers/moderation/export.xlsx', query, `${t('volBoards.moderation.title')}.xlsx`)}
          />
        }
      />
      <ListCard
        list={list}
        query={queue}
        columns={columns}
        search={{ label: t('volBoards.moderation.search') }}
        selects={[{ field: 'kind', label: t('volBoards.col.kind'), options: LISTING_KINDS.map((k) => ({ value: k, label: t(`volBoards.kind.${k}`) })) }]}
        empty={{ none: t('volBoards.moderation.none'), noMatch: t('volBoards.moderation.noMatch') }}
      >
        <StatusSwitch list={list} field="state" label={t('volBoards.col.state')} options={STATES.map((s) => ({ value: s, label: t(`volBoards.moderation.state.${s}`) }))} />
      </ListCard>
      {hiding && (
        <HideModal
          listing={hiding}
          onClose={() => setHiding(null)}
          onDone={() => {
            setHiding(null);
            void message.success(t('volBoards.moderation.hiddenToast'));
          }}
        />
      )}
      <Drawer open={!!open} width={520} onClose={() => setOpen(null)} title={t('volBoards.moderation.detail')} destroyOnHidden>
        {open && <ListingDetail id={open} />}
      </Drawer>
    </>
  );
}

function ListingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useListing(id);
  const dismiss = useDismiss();
  const { modal } = App.useApp();
  if (q.isPending) return null;
  if (q.isError) return <Empty description={q.error.message} />;
  const l = q.data;
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('volBoards.col.title')}>{l.title}</Descriptions.Item>
        <Descriptions.Item label={t('volBoards.col.kind')}>{t(`volBoards.kind.${l.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('volBoards.col.compound')}>{l.compoundName}</Descriptions.Item>
        <Descriptions.Item label={t('volBoards.col.owner')}>{l.ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('volBoards.col.createdAt')}>{formatDateTime(l.createdAt)}</Descriptions.Item>
        {l.kind === 'carpool' && <Descriptions.Item label={t('volBoards.col.route')}>{`${l.routeFrom} → ${l.routeTo} · ${formatDateTime(l.departsAt)}`}</Descriptions.Item>}
        <Descriptions.Item label={t('volBoards.form.body')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{l.body || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        {l.hidden && (
          <Descriptions.Item label={t('volBoards.moderation.hiddenReason')}>
            {l.hiddenReason} ({formatDateTime(l.hiddenAt)})
          </Descriptions.Item>
        )}
      </Descriptions>
      {l.photoIds.length > 0 && (
        <Space wrap style={{ marginTop: 12 }}>
          {l.photoIds.map((p) => (
            <img key={p} src={`/api/volunteers/photos/${p}`} alt="" width={96} height={96} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
      )}
      <List
        style={{ marginTop: 16 }}
        header={t('volBoards.moderation.reportsOf', { n: l.reports.length })}
        dataSource={l.reports}
        locale={{ emptyText: t('volBoards.moderation.noReports') }}
        renderItem={(r) => (
          <List.Item
            actions={
              r.status === 'open' && l.canModerate
                ? [
                    <Button
                      key="dismiss"
                      size="small"
                      onClick={() =>
                        modal.confirm({ title: t('volBoards.moderation.dismissConfirm'), okText: t('volBoards.moderation.ok'), cancelText: t('volBoards.moderation.cancel'), onOk: () => dismiss.mutateAsync(r.id) })
                      }
                    >
                      {t('volBoards.moderation.dismiss')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={r.reason} description={`${formatDateTime(r.createdAt)} · ${t(`volBoards.reportStatus.${r.status}`)}`} />
          </List.Item>
        )}
      />
    </>
  );
}
