import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATTER_LABELS } from '#server/modules/decisions/contract.ts';
import type { DecisionStatus } from '../api.ts';

const STATUS_COLOR: Record<DecisionStatus, string> = {
  draft: 'default',
  roll_published: 'gold',
  open: 'processing',
  closed: 'purple',
  published: 'success',
};

export function StatusTag({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`decisions.status.${status}`)}</Tag>;
}

/** Areas travel as integer hundredths of m²: shown with two decimals, never through a float sum. */
export const m2 = (areaCenti: number): string => `${Math.trunc(areaCenti / 100).toLocaleString('zh-CN')}.${String(Math.abs(areaCenti) % 100).padStart(2, '0')}`;

/** Matters (6)–(8) need three quarters, the others a majority (Civil Code art. 278 ¶2). */
export const thresholdOf = (matter: number): 'three_quarters' | 'majority' => (matter >= 6 && matter <= 8 ? 'three_quarters' : 'majority');

/** The matter's label in the current language. */
export function useMatterLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (matter: number) => MATTER_LABELS[matter]?.[lang] ?? String(matter);
}

/** "（五）使用建筑物及其附属设施的维修资金" — the item of art. 278 with its number. */
export function MatterText({ matter }: { matter: number }) {
  const label = useMatterLabel();
  return (
    <>
      ({matter}) {label(matter)}
    </>
  );
}

/** The threshold in short, the full words on hover. */
export function ThresholdTag({ threshold }: { threshold: 'three_quarters' | 'majority' }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`decisions.threshold.${threshold}`)}>
      <Tag color={threshold === 'three_quarters' ? 'volcano' : 'blue'}>{t(`decisions.threshold.short.${threshold}`)}</Tag>
    </Tooltip>
  );
}
