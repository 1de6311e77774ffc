import { Button, Progress, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type DeclarationRow, download, E, useDeclarations } from '../api.ts';
import { DeclareModal } from '../components/DeclareModal.tsx';
import { LevelTag, ModeTag, percent } from '../components/labels.tsx';

const FILTERS = ['q', 'status'] as const;

/** 应急管理: the declarations I read — active first, then history; search, filter, sort, page; 「启动应急」 for officials who may declare. */
export function EmergencyListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const rows = useDeclarations(list.query);
  const [declaring, setDeclaring] = useState(false);
  const mayDeclare = me.grants.some((g) => (GRID_ROLES.emergencyDeclare as readonly string[]).includes(g.role));

  const columns: TableColumnsType<DeclarationRow> = [
    { title: t('gridEmergency.col.place'), dataIndex: 'placeName', key: 'place', sorter: true, render: (v: string, r) => <Link to={`/grid/emergency/${r.id}`}>{v}</Link> },
    { title: t('gridEmergency.col.status'), dataIndex: 'status', render: (v: DeclarationRow['status']) => <ModeTag status={v} /> },
    { title: t('gridEmergency.col.level'), dataIndex: 'level', render: (v: DeclarationRow['level']) => <LevelTag level={v} /> },
    { title: t('gridEmergency.col.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('gridEmergency.col.coverage'),
      key: 'coverage',
      render: (_: unknown, r) => (r.households ? <Progress percent={percent(r.covered / r.households)} size="small" style={{ minWidth: 120 }} /> : '—'),
    },
    { title: t('gridEmergency.col.declaredAt'), dataIndex: 'declaredAt', key: 'declaredAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('gridEmergency.col.endedAt'), dataIndex: 'endedAt', key: 'endedAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('gridEmergency.list.title')}
        extra={
          <Space wrap>
            {mayDeclare && (
              <Button type="primary" danger onClick={() => setDeclaring(true)}>
                {t('gridEmergency.list.declare')}
              </Button>
            )}
            <ExportButton total={rows.data?.total ?? 0} limit={5000} i18nPrefix="gridEmergency.list" run={() => download(`${E}/declarations/export.xlsx`, list.query, `${t('gridEmergency.list.title')}.xlsx`)} />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('gridEmergency.list.search') }}
        selects={[{ field: 'status', label: t('gridEmergency.col.status'), options: [{ value: 'active', label: t('gridEmergency.mode.active') }, { value: 'ended', label: t('gridEmergency.mode.ended') }] }]}
        empty={{ none: t('gridEmergency.list.none'), noMatch: t('gridEmergency.list.noMatch') }}
      />
      {declaring && <DeclareModal onClose={() => setDeclaring(false)} onDone={(id) => void navigate(`/grid/emergency/${id}`)} />}
    </>
  );
}
