import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordStatus, SpotStatus } from '#server/modules/grid/contract.ts';

const COLOURS: Record<RecordStatus, string> = { submitted: 'gold', verified: 'green', known: 'default', wrong: 'red' };
const SPOT: Record<SpotStatus, string> = { pending: 'blue', passed: 'green', failed: 'red' };

/** A record's status as a tag: 待核实 · 已核实 · 已有记录 · 信息有误. */
export function StatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`gridCollection.status.${status}`)}</Tag>;
}

/** A spot check's state: 待抽查 · 抽查通过 · 抽查未通过. */
export function SpotTag({ status }: { status: SpotStatus | null }) {
  const { t } = useTranslation();
  return status ? <Tag color={SPOT[status]}>{t(`gridCollection.spot.${status}`)}</Tag> : null;
}

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2));
