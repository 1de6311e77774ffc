import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '#server/modules/grid/contract.ts';

const ROUND_COLOUR: Record<RoundStatus, string> = { draft: 'default', call: 'blue', review: 'gold', funded: 'cyan', running: 'geekblue', closed: 'green' };

/** A round's status as a tag. */
export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Tag color={ROUND_COLOUR[status]}>{t(`gridSocial.roundStatus.${status}`)}</Tag>;
}
