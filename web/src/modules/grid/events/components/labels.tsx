import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventStatus } from '#server/modules/grid/contract.ts';

const COLOURS: Record<EventStatus, string> = { reported: 'blue', dispatched: 'orange', handling: 'gold', resolved: 'cyan', closed: 'green', dismissed: 'default' };

/** An event's status as a tag: 待派遣 · 待受理 · 处理中 · 待结案 · 已结案 · 不予受理. */
export function StatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`gridEvents.status.${status}`)}</Tag>;
}
