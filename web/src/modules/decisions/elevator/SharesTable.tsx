import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCoefficient, formatYuan } from '#server/modules/decisions/contract.ts';
import './i18n.ts';

export interface ShareRow {
  roomLabel: string;
  floor: number;
  coefficientPermille: number;
  areaCenti: number;
  shareFen: number;
  status?: 'proposed' | 'due' | 'void';
  ownerLabel?: string | null;
}

const STATUS_COLOR = { proposed: 'default', due: 'green', void: 'red' } as const;
const m2 = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

/** Every room's share, sortable by room, floor and share, with the rounding rule under it. */
export function SharesTable({ rows, showArea }: { rows: readonly ShareRow[]; showArea: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<ShareRow>
        size="small"
        rowKey="roomLabel"
        dataSource={[...rows]}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { title: t('decisionsElevator.field.room'), dataIndex: 'roomLabel', sorter: (a, b) => (a.roomLabel < b.roomLabel ? -1 : a.roomLabel > b.roomLabel ? 1 : 0) },
          ...(rows.some((r) => r.ownerLabel) ? [{ title: t('decisionsElevator.field.owner'), dataIndex: 'ownerLabel' }] : []),
          { title: t('decisionsElevator.field.floor'), dataIndex: 'floor', width: 70, sorter: (a, b) => a.floor - b.floor, defaultSortOrder: 'descend' },
          { title: t('decisionsElevator.field.coefficient'), dataIndex: 'coefficientPermille', width: 90, render: (v: number) => `${v}（${formatCoefficient(v)}）` },
          ...(showArea ? [{ title: t('decisionsElevator.field.area'), dataIndex: 'areaCenti', width: 100, render: (v: number) => m2(v) }] : []),
          { title: t('decisionsElevator.field.share'), dataIndex: 'shareFen', align: 'right', sorter: (a, b) => a.shareFen - b.shareFen, render: (v: number) => `¥${formatYuan(v)}` },
          ...(rows.some((r) => r.status)
            ? [{ title: t('decisionsElevator.field.status'), dataIndex: 'status', width: 80, render: (s: NonNullable<ShareRow['status']>) => <Tag color={STATUS_COLOR[s]}>{t(`decisionsElevator.shareStatus.${s}`)}</Tag> }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('decisionsElevator.rounding')}
      </Typography.Paragraph>
    </>
  );
}
