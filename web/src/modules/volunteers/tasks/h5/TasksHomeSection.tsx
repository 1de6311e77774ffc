import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { MyTask } from '../api.ts';

interface Slice {
  volunteerTasks?: { mine: MyTask[] };
}

/** 我抢到的任务 on the resident's home: the tasks I took that are not yet confirmed (nothing when none). */
export function TasksHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const mine = home.data?.volunteerTasks?.mine;
  if (!mine?.length) return null;
  return (
    <section aria-label={t('volTasks.h5.homeTitle')}>
      <List header={t('volTasks.h5.homeTitle')}>
        {mine.map((task) => (
          <List.Item
            key={task.id}
            description={t('volTasks.h5.deadline', { at: formatDateTime(task.deadline) })}
            extra={<Tag color={task.status === 'done' ? 'warning' : 'primary'}>{t(`volTasks.status.${task.status}`)}</Tag>}
            onClick={() => navigate('/volunteers/tasks')}
          >
            {task.title}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
