import { Alert, App, Button, Card, Descriptions, Empty, Modal, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIST_KINDS } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { download, type EntryRow, type Preview, type Publication, useEntries, useListStreets, usePreview, usePublication, usePublish } from '../api.ts';
import { AppealTag, ListTag, recentQuarters, score } from '../components/labels.tsx';
import { EntryDrawer } from '../components/EntryDrawer.tsx';

const FILTERS = ['q', 'list'] as const;

/** 红黑榜: a street's list of a quarter — publish it (after a preview), its red and black entries, each entry's appeal and measures. */
export function ListsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const quarters = useMemo(() => recentQuarters(), []);
  const streets = useListStreets();
  const period = search.get('period') ?? quarters[1]!;
  const streetId = search.get('streetId') ?? streets.data?.items[0]?.streetId;
  const setParam = (k: string, v: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'entry') next.delete('page');
      return next;
    });
  const list = useListParams(FILTERS);
  const publication = usePublication(streetId, period);
  const query = { ...list.query, streetId, period };
  const entries = useEntries(query, !!streetId);
  const listName = (k: string) => t(`supervisionLists.list.${k}`);

  const columns: TableColumnsType<EntryRow> = [
    { title: t('supervisionLists.col.list'), dataIndex: 'list', key: 'list', sorter: true, render: (_, r) => <ListTag list={r.list} removed={!!r.removedAt} /> },
    { title: t('supervisionLists.col.company'), dataIndex: 'companyName', key: 'company', sorter: true },
    { title: t('supervisionLists.col.grade'), dataIndex: 'grade', key: 'grade', sorter: true, render: (v: string, r) => `${v} · ${score(r.scoreCenti)}` },
    { title: t('supervisionLists.col.appealUntil'), dataIndex: 'appealUntil', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('supervisionLists.col.appeal'), dataIndex: 'appealStatus', render: (v: EntryRow['appealStatus']) => <AppealTag status={v} /> },
    { title: t('supervisionLists.col.measures'), dataIndex: 'measures', align: 'right' },
    { title: '', key: 'open', render: (_, r) => <a onClick={() => setParam('entry', r.id)}>{t('supervisionLists.action.open')}</a> },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionLists.page.title')}
        extra={
          <Space wrap>
            {(streets.data?.items.length ?? 0) > 1 && (
              <Select aria-label={t('supervisionLists.page.street')} value={streetId} onChange={(v: string) => setParam('streetId', v)} options={streets.data!.items.map((s) => ({ value: s.streetId, label: s.streetName }))} style={{ width: 180 }} />
            )}
            <Select aria-label={t('supervisionLists.page.period')} value={period} onChange={(v: string) => setParam('period', v)} options={quarters.map((q) => ({ value: q, label: q }))} style={{ width: 120 }} />
            <Link to="/supervision/lists/appeals">
              <Button>{t('supervisionLists.page.appeals')}</Button>
            </Link>
            <Link to={`/supervision/lists/rules${streetId ? `?streetId=${streetId}` : ''}`}>
              <Button>{t('supervisionLists.page.rules')}</Button>
            </Link>
            <ExportButton
              total={entries.data?.total ?? 0}
              limit={5000}
              i18nPrefix="supervisionLists.page"
              run={() => download('/api/supervision/lists/entries/export.xlsx', query, `${t('supervisionLists.page.title')}-${period}.xlsx`)}
            />
          </Space>
        }
      />
      {streets.data && streets.data.items.length === 0 ? (
        <Empty description={t('supervisionLists.page.noStreet')} />
      ) : (
        <>
          <QueryView query={publication}>{(p) => <PublicationCard p={p} />}</QueryView>
          <ListCard
            title={t('supervisionLists.page.entries')}
            list={list}
            query={entries}
            columns={columns}
            search={{ label: t('supervisionLists.page.search') }}
            selects={[{ field: 'list', label: t('supervisionLists.col.list'), options: optionsOf(LIST_KINDS, listName) }]}
            empty={{ none: t('supervisionLists.page.empty'), noMatch: t('supervisionLists.page.noMatch') }}
          />
        </>
      )}
      <EntryDrawer id={search.get('entry')} onClose={() => setParam('entry', null)} />
    </>
  );
}

/** The quarter's publication: its facts and public page, or — not yet published — the publish button for those who may. */
function PublicationCard({ p }: { p: Publication }) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const pub = p.publication;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={`${p.streetName} · ${p.period}`}
      extra={
        <Space>
          {pub && <PublicPageButton pageKey="supervision.credit-list" id={pub.id} />}
          {!pub && p.canPublish && (
            <Button type="primary" onClick={() => setPreviewing(true)}>
              {t('supervisionLists.publish.button')}
            </Button>
          )}
        </Space>
      }
    >
      {pub ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('supervisionLists.publish.asOf')}>{formatDateTime(pub.asOf)}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionLists.publish.publishedAt')}>
            {formatDateTime(pub.publishedAt)} · {pub.publishedByName}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervisionLists.publish.counts')}>{t('supervisionLists.publish.countsText', { red: pub.red, black: pub.black })}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionLists.list.red')} span={3}>
            {pub.rules.redBasis}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervisionLists.list.black')} span={3}>
            {pub.rules.blackBasis}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('supervisionLists.publish.notYet')}</Typography.Text>
      )}
      {previewing && <PublishModal streetId={p.streetId} period={p.period} onClose={() => setPreviewing(false)} />}
    </Card>
  );
}

/** Confirm first: what publishing would list now, by the current rules; publishing is once per street and quarter. */
function PublishModal({ streetId, period, onClose }: { streetId: string; period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePreview(streetId, period, true);
  const publish = usePublish();
  const columns: TableColumnsType<Preview['lines'][number]> = [
    { title: t('supervisionLists.col.company'), dataIndex: 'companyName' },
    { title: t('supervisionLists.col.grade'), dataIndex: 'grade', render: (v: string, r) => `${v} · ${score(r.scoreCenti)}` },
    { title: t('supervisionLists.col.list'), dataIndex: 'list', render: (v: 'red' | 'black' | null) => (v ? <ListTag list={v} /> : t('supervisionLists.list.none')) },
  ];
  return (
    <Modal
      open
      width={720}
      title={t('supervisionLists.publish.title', { period })}
      onCancel={onClose}
      okText={t('supervisionLists.publish.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !preview.data || !!preview.data.publishedId }}
      confirmLoading={publish.isPending}
      onOk={async () => {
        const r = await publish.mutateAsync({ streetId, period });
        void message.success(t('supervisionLists.publish.done', { red: r.red, black: r.black }));
        onClose();
      }}
    >
      <QueryView query={preview}>
        {(pv) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              message={pv.current ? t('supervisionLists.publish.currentNote', { asOf: formatDateTime(pv.asOf) }) : t('supervisionLists.publish.pastNote', { asOf: formatDateTime(pv.asOf) })}
              description={t('supervisionLists.publish.onceNote', { until: formatDateTime(pv.appealUntil), days: pv.rules.appealDays })}
            />
            <Table rowKey="companyId" size="small" pagination={false} columns={columns} dataSource={pv.lines} />
          </Space>
        )}
      </QueryView>
    </Modal>
  );
}
