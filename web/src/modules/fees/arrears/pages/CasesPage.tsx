import { Button, Descriptions, Drawer, Input, Space, type TableColumnsType, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARREARS_CASE_STATUSES, type ArrearsCaseStatus } from '#server/modules/fees/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { type CaseRow, useCase, useCases, useMoveCase, yuan } from '../api.ts';
import { useScope } from '../../../../workbench/scope.tsx';

const FILTERS = ['q', 'status'] as const;
const COLOR: Record<ArrearsCaseStatus, string> = { open: 'blue', visit: 'orange', mediation: 'purple', closed: 'default' };

/** 欠费处置: arrears cases, handed from staff to a grid worker's visit, then to mediation, with their history. */
export function CasesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const cases = useCases({ ...list.query, placeId: scope?.id });
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: TableColumnsType<CaseRow> = [
    { title: t('feesArrears.receipt.room'), dataIndex: 'roomLabel', render: (v: string, c) => <a onClick={() => setOpenId(c.id)}>{v}</a> },
    { title: t('feesArrears.cases.amount'), dataIndex: 'amountFen', key: 'amount', sorter: true, align: 'right', render: (v: number) => yuan(v) },
    { title: t('feesArrears.cases.status'), dataIndex: 'status', sorter: true, render: (v: ArrearsCaseStatus) => <Tag color={COLOR[v]}>{t(`feesArrears.caseStatus.${v}`)}</Tag> },
    { title: t('feesArrears.cases.openedAt'), dataIndex: 'openedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('feesArrears.cases.updatedAt'), dataIndex: 'updatedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <PageHeader title={t('feesArrears.cases.title')} tags={<ScopeNote />} />
      <ListCard
        list={list}
        intro={t('feesArrears.cases.intro')}
        search={{ label: t('feesArrears.arrears.search') }}
        selects={[{ field: 'status', label: t('feesArrears.cases.status'), options: optionsOf(ARREARS_CASE_STATUSES, (s) => t(`feesArrears.caseStatus.${s}`)) }]}
        query={cases}
        columns={columns}
        empty={{ none: t('feesArrears.cases.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const c = useCase(id);
  const move = useMoveCase();
  const [note, setNote] = useState('');
  const act = (to: 'visit' | 'mediation' | 'close' | 'notes') => void move.mutateAsync({ id: id!, to, note: note.trim() || undefined }).then(() => setNote(''));
  const d = c.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={520} title={d?.roomLabel ?? ''}>
      {d && (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('feesArrears.cases.status')}>
              <Tag color={COLOR[d.status]}>{t(`feesArrears.caseStatus.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('feesArrears.arrears.owners')}>{d.owners.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('feesArrears.cases.amount')}>{yuan(d.amountFen)}</Descriptions.Item>
            {d.visitOutcome && <Descriptions.Item label={t('feesArrears.cases.visitOutcome')}>{t(`feesArrears.visitOutcome.${d.visitOutcome}`)}</Descriptions.Item>}
            {d.mediationOutcome && <Descriptions.Item label={t('feesArrears.cases.mediationOutcome')}>{t(`feesArrears.mediationOutcome.${d.mediationOutcome}`)}</Descriptions.Item>}
          </Descriptions>
          <Timeline
            style={{ marginTop: 16 }}
            items={d.notes.map((n) => ({ children: `${formatDateTime(n.at)} ${t(`feesArrears.step.${n.step}`)}${n.by ? `（${n.by}）` : ''}${n.text ? `：${n.text}` : ''}` }))}
          />
          {d.can.work && (
            <>
              <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} placeholder={t('feesArrears.cases.notePlaceholder')} />
              <Space wrap style={{ marginTop: 8 }}>
                <Button disabled={!note.trim()} onClick={() => act('notes')}>
                  {t('feesArrears.cases.addNote')}
                </Button>
                <Button type="primary" disabled={d.status !== 'open'} onClick={() => act('visit')}>
                  {t('feesArrears.cases.toVisit')}
                </Button>
                <Button disabled={d.status === 'mediation'} onClick={() => act('mediation')}>
                  {t('feesArrears.cases.toMediation')}
                </Button>
                <Button danger onClick={() => act('close')}>
                  {t('feesArrears.cases.close')}
                </Button>
              </Space>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
