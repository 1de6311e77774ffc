import { type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASS_STATES } from '#server/modules/devices/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type PassRow, usePasses } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q', 'state'] as const;
export const PASS_STATE_COLOR = { upcoming: 'processing', used: 'success', expired: 'default', cancelled: 'warning' } as const;

/** 访客通行证: the passes residents issued at the compounds the reader sees (read-only; the visitor's phone masked, never the code). */
export function PassesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const rows = usePasses({ ...list.query, placeId: scope?.id });
  const columns: TableColumnsType<PassRow> = [
    { title: t('devicesVisitors.passes.visitor'), dataIndex: 'visitorName', sorter: true, key: 'visitor' },
    { title: t('devicesVisitors.passes.phone'), dataIndex: 'visitorPhoneMasked', render: (v: string) => v || '—' },
    { title: t('devicesVisitors.passes.plate'), dataIndex: 'plate', render: (v: string | null) => v ?? '—' },
    { title: t('devicesVisitors.passes.host'), render: (_, r) => `${r.hostName} · ${r.compoundName} ${r.roomLabel}` },
    { title: t('devicesVisitors.passes.purpose'), dataIndex: 'purpose', render: (v: string) => v || '—' },
    { title: t('devicesVisitors.passes.window'), dataIndex: 'validFrom', sorter: true, render: (_, r) => `${formatDateTime(r.validFrom)} – ${formatDateTime(r.validTo)}` },
    { title: t('devicesVisitors.passes.arrivedAt'), dataIndex: 'arrivedAt', render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('devicesVisitors.passes.state'), dataIndex: 'state', render: (s: PassRow['state']) => <Tag color={PASS_STATE_COLOR[s]}>{t(`devicesVisitors.passState.${s}`)}</Tag> },
  ];
  return (
    <>
      <PageHeader title={t('devicesVisitors.passes.title')} tags={<ScopeNote />} />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        empty={{ none: t('devicesVisitors.passes.none'), noMatch: t('devicesVisitors.passes.noMatch') }}
        intro={<Typography.Paragraph type="secondary">{t('devicesVisitors.passes.hint')}</Typography.Paragraph>}
        search={{ label: t('devicesVisitors.passes.search') }}
        selects={[{ field: 'state', label: t('devicesVisitors.passes.state'), options: optionsOf(PASS_STATES, (s) => t(`devicesVisitors.passState.${s}`)) }]}
      />
    </>
  );
}
