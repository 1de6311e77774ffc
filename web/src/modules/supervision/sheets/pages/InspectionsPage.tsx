import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { INSPECTION_STATUSES, SHEET_KINDS, SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type InspectionRow, points, previousQuarter, quarterOf, useInspectableCompounds, useInspections, useStartInspection } from '../api.ts';

const FILTERS = ['q', 'period', 'status'] as const;

/** 检查记录: the inspections I see (drafts only to inspectors), with their scores; an inspector starts one here. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useSignedIn();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const inspections = useInspections(query);
  const [open, setOpen] = useState(false);
  const inspects = me.grants.some((g) => (SUPERVISION_ROLES.inspect as readonly string[]).includes(g.role));
  const current = quarterOf(todayInShanghai());
  const periods = [current, previousQuarter(current), previousQuarter(previousQuarter(current)), previousQuarter(previousQuarter(previousQuarter(current)))];

  const columns: TableColumnsType<InspectionRow> = [
    { title: t('supervisionSheets.inspections.col.period'), dataIndex: 'period', sorter: true },
    { title: t('supervisionSheets.inspections.col.compound'), dataIndex: 'compoundName', key: 'place', sorter: true, render: (v: string, r) => <Link to={`/supervision/inspections/${r.id}`}>{v}</Link> },
    { title: t('supervisionSheets.inspections.col.company'), dataIndex: 'companyName', render: (v: string) => v || '—' },
    { title: t('supervisionSheets.inspections.col.sheet'), dataIndex: 'sheetName', render: (v: string, r) => `${v} · ${t('supervisionSheets.sheets.version', { version: r.sheetVersion })}` },
    { title: t('supervisionSheets.inspections.col.inspector'), dataIndex: 'inspectorName', key: 'inspector', sorter: true },
    {
      title: t('supervisionSheets.inspections.col.status'),
      dataIndex: 'status',
      render: (v: InspectionRow['status']) => <Tag color={v === 'submitted' ? 'green' : 'gold'}>{t(`supervisionSheets.inspectionStatus.${v}`)}</Tag>,
    },
    { title: t('supervisionSheets.inspections.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number | null) => points(v) },
    { title: t('supervisionSheets.inspections.col.startedAt'), dataIndex: 'startedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionSheets.inspections.title')}
        tags={<ScopeNote />}
        extra={
          <>
            {inspects && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                {t('supervisionSheets.inspections.start')}
              </Button>
            )}
            <ExportButton
              total={inspections.data?.total ?? 0}
              limit={20000}
              i18nPrefix="supervisionSheets.inspections"
              run={() => download('/api/supervision/inspections/export.xlsx', query, `${t('supervisionSheets.inspections.title')}.xlsx`)}
            />
          </>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('supervisionSheets.inspections.search') }}
        selects={[
          { field: 'period', label: t('supervisionSheets.inspections.allPeriods'), options: periods.map((p) => ({ value: p, label: p })) },
          { field: 'status', label: t('supervisionSheets.inspections.allStatuses'), options: INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`supervisionSheets.inspectionStatus.${s}`) })) },
        ]}
        query={inspections}
        columns={columns}
        empty={{ none: t('supervisionSheets.inspections.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      {inspects && <StartInspectionModal open={open} onClose={() => setOpen(false)} periods={periods.slice(0, 2)} defaultCompound={scope?.id} />}
    </>
  );
}

/** Start an inspection: the compound (one I may inspect), the quarter and the kind of sheet. */
function StartInspectionModal({ open, onClose, periods, defaultCompound }: { open: boolean; onClose: () => void; periods: string[]; defaultCompound: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const compounds = useInspectableCompounds(open);
  const start = useStartInspection();
  const options = (compounds.data ?? []).map((c) => ({ value: c.id, label: c.parentName ? `${c.name}（${c.parentName}）` : c.name }));
  const preset = options.some((o) => o.value === defaultCompound) ? defaultCompound : undefined;
  return (
    <FormModal<{ compoundId: string; period: string; kind: (typeof SHEET_KINDS)[number] }>
      title={t('supervisionSheets.inspections.startTitle')}
      open={open}
      onClose={onClose}
      okText={t('supervisionSheets.inspections.start')}
      initialValues={{ period: periods[0], kind: 'property_service', ...(preset ? { compoundId: preset } : {}) }}
      submit={async (v) => {
        const started = await start.mutateAsync(v);
        navigate(`/supervision/inspections/${started.id}`);
      }}
      fieldForCode={{ NO_SHEET_IN_FORCE: 'period', PERIOD_NOT_STARTED: 'period', NOT_A_COMPOUND: 'compoundId', PLACE_NOT_FOUND: 'compoundId' }}
    >
      <Form.Item name="compoundId" label={t('supervisionSheets.inspections.compound')} rules={[{ required: true, message: t('supervisionSheets.inspections.compoundRequired') }]}>
        <Select showSearch optionFilterProp="label" loading={compounds.isLoading} options={options} size="large" />
      </Form.Item>
      <Form.Item name="period" label={t('supervisionSheets.inspections.period')}>
        <Select options={periods.map((p) => ({ value: p, label: p }))} size="large" />
      </Form.Item>
      <Form.Item name="kind" label={t('supervisionSheets.inspections.kind')}>
        <Select options={SHEET_KINDS.map((k) => ({ value: k, label: t(`supervisionSheets.kind.${k}`) }))} size="large" />
      </Form.Item>
    </FormModal>
  );
}
