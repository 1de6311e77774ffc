import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmergencyLevel, HouseholdStatus } from '#server/modules/grid/contract.ts';

export const STATUS_COLOUR: Record<HouseholdStatus, string> = { pending: 'default', visited: 'success', nobody_home: 'warning', refused: 'magenta', needs_help: 'error' };
const LEVEL_COLOUR: Record<EmergencyLevel, string> = { general: 'blue', larger: 'orange', major: 'red' };

export function HouseholdStatusTag({ status }: { status: HouseholdStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOUR[status]}>{t(`gridEmergency.status.${status}`)}</Tag>;
}
export function LevelTag({ level }: { level: EmergencyLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOUR[level]}>{t(`gridEmergency.level.${level}`)}</Tag>;
}
export function ModeTag({ status }: { status: 'active' | 'ended' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'red' : 'default'}>{t(`gridEmergency.mode.${status}`)}</Tag>;
}
export const percent = (share: number) => Math.round(share * 1000) / 10;
