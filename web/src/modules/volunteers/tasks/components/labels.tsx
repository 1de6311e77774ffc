import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../api.ts';

const COLOURS: Record<TaskRow['status'], string> = { open: 'blue', grabbed: 'orange', done: 'gold', confirmed: 'green', cancelled: 'default', expired: 'default' };

/** A task's status as a tag: 待抢单 · 进行中 · 待确认 · 已确认 · 已取消 · 已过期. */
export function StatusTag({ status }: { status: TaskRow['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`volTasks.status.${status}`)}</Tag>;
}
