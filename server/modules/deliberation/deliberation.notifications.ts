import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** What deliberation tells residents (kernel/notify). Links lead to the item's H5 page. */
export const DELIBERATION_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'deliberation.stage_changed',
    label: { zh: '议题进展', en: 'Progress of items I follow' },
    title: { zh: '议题「{title}」有新进展', en: 'News on "{title}"' },
    body: { zh: '议题 {code} 进入「{stageZh}」。{noteZh}', en: 'Item {code} is now at {stageEn}. {noteEn}' },
    wechat: { thing1: '{title}', phrase2: '{stageZh}' },
    link: '/h5/deliberation/items/{itemId}',
  },
];
