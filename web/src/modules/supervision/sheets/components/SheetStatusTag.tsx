import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SheetStatus } from '#server/modules/supervision/contract.ts';

const COLORS: Record<SheetStatus, string> = { draft: 'gold', active: 'green', retired: 'default' };

/** A sheet version's status as a coloured tag. */
export function SheetStatusTag({ status }: { status: SheetStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`supervisionSheets.status.${status}`)}</Tag>;
}
