import { FilePdfOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Statistic, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { FilterBar } from '../../../workbench/components/FilterBar.tsx';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { type Decision, type RollRow, useMergeRoll, useRoll } from '../api.ts';
import { m2 } from './labels.tsx';

const FILTERS = ['q'] as const;

/** 表决名册: the frozen roll (masked names), its totals up front; while it is open to objections, merging two entries. */
export function RollPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const list = useListParams(FILTERS);
  const published = d.rollVersion > 0 && d.status !== 'draft';
  const roll = useRoll(d.id, list.query, published);
  const merge = useMergeRoll(d.id);
  // The first ticked entry is kept, the second merged into it.
  const [picked, setPicked] = useState<RollRow[]>([]);

  if (!published) {
    return (
      <Card title={t('decisions.detail.roll')}>
        <Typography.Text type="secondary">{t('decisions.detail.rollNotYet')}</Typography.Text>
      </Card>
    );
  }

  const toggle = (row: RollRow, on: boolean) => setPicked((p) => (on ? [...p.filter((r) => r.id !== row.id), row].slice(-2) : p.filter((r) => r.id !== row.id)));
  const doMerge = () => {
    const [keep, other] = picked;
    if (!keep || !other) return;
    modal.confirm({
      title: t('decisions.roll.mergeTitle'),
      content: t('decisions.roll.mergeBody', { keep: `${keep.no} ${keep.label}`, merge: `${other.no} ${other.label}` }),
      okText: t('decisions.roll.merge'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await merge.mutateAsync({ keepId: keep.id, mergeId: other.id });
          setPicked([]);
          void message.success(t('decisions.roll.merged'));
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };

  const columns: TableColumnsType<RollRow> = [
    ...(d.can.merge
      ? [
          {
            key: 'pick',
            width: 40,
            render: (_: unknown, r: RollRow) =>
              r.kind === 'owners' && (
                <Checkbox checked={picked.some((p) => p.id === r.id)} onChange={(e) => toggle(r, e.target.checked)} aria-label={`${r.no}`} />
              ),
          },
        ]
      : []),
    { title: t('decisions.roll.no'), dataIndex: 'no', sorter: true, width: 80 },
    {
      title: t('decisions.roll.rooms'),
      key: 'rooms',
      // A buyer of many parts has a long list: one line, all of it on hover.
      render: (_, r) => {
        const rooms = (r.rooms ?? []).join(t('decisions.sep'));
        return (
          <Typography.Text ellipsis={{ tooltip: rooms }} style={{ maxWidth: 260 }}>
            {rooms}
          </Typography.Text>
        );
      },
    },
    { title: t('decisions.roll.area'), key: 'area', sorter: true, align: 'right', render: (_, r) => m2(r.areaCenti) },
    {
      title: t('decisions.roll.owner'),
      key: 'label',
      sorter: true,
      render: (_, r) => (r.kind === 'developer' ? <Tag color="orange">{t('decisions.roll.developer')}</Tag> : r.label),
    },
  ];

  return (
    <Card
      title={t('decisions.detail.roll')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('decisions.roll.version', { version: d.rollVersion })}</Typography.Text>
          <Button icon={<FilePdfOutlined />} href={`/api/decisions/${d.id}/roll.pdf`} target="_blank" rel="noopener">
            {t('decisions.roll.pdf')}
          </Button>
          {d.can.merge && (
            <Button icon={<MergeCellsOutlined />} disabled={picked.length !== 2} onClick={doMerge} title={t('decisions.roll.mergeHint')}>
              {t('decisions.roll.merge')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex gap={48} style={{ marginBottom: 16 }} wrap>
        <Statistic title={t('decisions.list.totalHeads')} value={d.totals.heads} />
        <Statistic title={t('decisions.list.totalArea')} value={m2(d.totals.areaCenti)} />
        {d.status === 'roll_published' && d.objectionUntil && (
          <Statistic title={t('decisions.field.objectionUntil')} value={formatDate(d.objectionUntil)} />
        )}
      </Flex>
      {d.can.merge && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('decisions.roll.mergeHint')}
        </Typography.Paragraph>
      )}
      <FilterBar list={list} search={{ label: t('decisions.roll.search'), width: 240 }} />
      <ListTable
        query={roll}
        list={list}
        columns={columns}
        rowKey="id"
        emptyText={list.filters.q ? t('decisions.roll.noMatch') : t('decisions.roll.none')}
      />
    </Card>
  );
}
