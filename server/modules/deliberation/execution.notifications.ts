import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** What stages 4–6 tell the street (kernel/notify): overdue tasks and items escalated after poor verdicts. Links open the workbench. */
export const EXECUTION_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'deliberation.task_overdue',
    label: { zh: '议题任务逾期', en: 'Overdue deliberation tasks' },
    title: { zh: '议题任务逾期：{taskTitle}', en: 'Overdue task: {taskTitle}' },
    body: {
      zh: '议题 {code}「{title}」的任务「{taskTitle}」（{organisation}）已过截止日期 {deadline}，进度 {percent}%。',
      en: 'The task "{taskTitle}" ({organisation}) of item {code} "{title}" passed its deadline {deadline} at {percent}%.',
    },
    wechat: { thing1: '{taskTitle}', time2: '{deadline}' },
    link: '/deliberation/tasks?overdue=true&itemId={itemId}',
  },
  {
    key: 'deliberation.item_escalated',
    label: { zh: '议题提交街道', en: 'Items sent to the street' },
    title: { zh: '议题「{title}」提交街道', en: 'Item "{title}" sent to the street' },
    body: {
      zh: '议题 {code} 已重新办理 {reopens} 次，第 {round} 轮居民评价仍不满意（{count} 户评价，平均 {mean} 分，差评 {poorPercent}%），请街道处理。',
      en: 'Item {code} was reopened {reopens} time(s) and round {round} of the residents\' rating is still poor ({count} ratings, mean {mean}, {poorPercent}% poor): the street takes it up.',
    },
    wechat: { thing1: '{title}', phrase2: '提交街道' },
    link: '/deliberation/escalations',
  },
];
