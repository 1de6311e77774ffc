import { Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GREEN_PLOT_STATUSES, VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type PlotRow, usePlots } from '../api.ts';
import { GreenTabs } from '../components/GreenTabs.tsx';
import { PlotFormModal } from '../components/PlotFormModal.tsx';

const FILTERS = ['q', 'status'] as const;
export const STATUS_COLOR = { available: 'green', adopted: 'blue', closed: 'default' } as const;

/** 认栽认养: the green plots of my places — search, filter by status, sort, page, export; managers add and edit. */
export function PlotsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canAdd = me.grants.some((g) => (VOLUNTEERS_ROLES.greenManage as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const plots = usePlots(query);
  const [editing, setEditing] = useState<PlotRow | 'new' | null>(null);

  const columns: TableColumnsType<PlotRow> = [
    { title: t('volGreen.col.name'), dataIndex: 'name', key: 'name', sorter: true, render: (v: string, r) => <Link to={`/volunteers/green/plots/${r.id}`}>{v}</Link> },
    { title: t('volGreen.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('volGreen.col.area'), dataIndex: 'areaText', key: 'area', sorter: true, align: 'right' },
    { title: t('volGreen.col.location'), dataIndex: 'location' },
    { title: t('volGreen.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: PlotRow['status']) => <Tag color={STATUS_COLOR[v]}>{t(`volGreen.status.${v}`)}</Tag> },
    { title: t('volGreen.col.adopter'), dataIndex: 'adopterName', render: (v: string | null) => v ?? '—' },
    { title: t('volGreen.col.period'), key: 'period', render: (_, r) => (r.adoptedFrom ? t('volGreen.page.periodText', { from: r.adoptedFrom, to: r.adoptedTo }) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Link to={`/volunteers/green/plots/${r.id}`}>{t('volGreen.page.view')}</Link>
          {r.canManage && r.status !== 'closed' && (
            <Button size="small" onClick={() => setEditing(r)}>
              {t('volGreen.page.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('volGreen.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {canAdd && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('volGreen.page.add')}
              </Button>
            )}
            <ExportButton total={plots.data?.total ?? 0} limit={20000} i18nPrefix="volGreen.page" run={() => download('/api/volunteers/green/plots/export.xlsx', query, `${t('volGreen.page.title')}.xlsx`)} />
          </Space>
        }
      />
      <GreenTabs />
      <ListCard
        list={list}
        query={plots}
        columns={columns}
        intro={<Typography.Paragraph type="secondary">{t('volGreen.page.intro')}</Typography.Paragraph>}
        search={{ label: t('volGreen.page.search') }}
        selects={[{ field: 'status', label: t('volGreen.col.status'), options: GREEN_PLOT_STATUSES.map((s) => ({ value: s, label: t(`volGreen.status.${s}`) })) }]}
        empty={{ none: t('volGreen.page.none'), noMatch: t('volGreen.page.noMatch') }}
      />
      {editing && (
        <PlotFormModal
          open
          plot={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            if (editing === 'new') void navigate(`/volunteers/green/plots/${p.id}`);
          }}
        />
      )}
    </>
  );
}
